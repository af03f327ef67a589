import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../src/bot/server.js';
import { startBot } from '../src/bot/start-bot.js';
import { loadConfig } from '../src/config.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { createLogger } from '../src/logging/logger.js';
import { openBotState } from '../src/proactive/bot-state.js';
import { openStorage } from '../src/data/store/storage.js';
import { LocalConnector } from '../src/tools/local-connector.js';
import { EchoBot, echoAdapter } from './reply.js';

/**
 * Load: 100 conversations at once, each sending its next request as soon as the last is answered,
 * for 60 s (BENCH_LOAD_SECONDS), on the demo portfolio: messages (customer, portfolio, below 40%,
 * help), card buttons and message-extension searches, as a team would use the bot. Every HTTP
 * answer must be 200 and every message must reach the connector as a reply. The floor: an echo bot
 * on the same stack under the same load, measured in the same run.
 */
const CONVERSATIONS = 100;
const SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 60);
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = { id: '28:adoption', name: 'Adoption' };
const TEXTS = ['adoption for Contoso', 'portfolio', 'below 40%', 'how is fabrikam doing', 'help', 'low adoption'];

interface Load {
  readonly latencies: number[];
  readonly byKind: Record<string, number>;
  errors: number;
  messages: number;
}

function request(serviceUrl: string, lane: number, i: number): { kind: string; body: object } {
  const base = {
    id: `load-${lane}-${i}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:user-${lane}`, name: `User ${lane}`, aadObjectId: `00000000-0000-4000-8000-${String(lane).padStart(12, '0')}` },
    recipient: BOT,
    conversation: { id: `a:load-${lane}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
  const pick = i % 10;
  if (pick === 8) {
    return {
      kind: 'button',
      body: {
        ...base,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'portfolio', data: {} }, trigger: 'manual' },
      },
    };
  }
  if (pick === 9) {
    return {
      kind: 'search',
      body: {
        ...base,
        type: 'invoke',
        name: 'composeExtension/query',
        value: { commandId: 'searchCustomer', parameters: [{ name: 'customer', value: 'wood' }] },
      },
    };
  }
  return { kind: 'message', body: { ...base, type: 'message', text: TEXTS[(lane + i) % TEXTS.length] } };
}

async function load(bot: RunningServer, connector: LocalConnector, seconds: number, messagesOnly: boolean): Promise<Load> {
  const result: Load = { latencies: [], byKind: {}, errors: 0, messages: 0 };
  const deadline = performance.now() + seconds * 1000;
  const lane = async (n: number): Promise<void> => {
    for (let i = 0; performance.now() < deadline; i++) {
      const { kind, body } = messagesOnly
        ? { kind: 'message', body: { ...request(connector.url, n, 0).body, text: 'hello' } }
        : request(connector.url, n, i);
      const t0 = performance.now();
      try {
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        if (response.status !== 200) result.errors++;
      } catch {
        result.errors++;
      }
      result.latencies.push(performance.now() - t0);
      result.byKind[kind] = (result.byKind[kind] ?? 0) + 1;
      if (kind === 'message') result.messages++;
    }
  };
  await Promise.all(Array.from({ length: CONVERSATIONS }, (_, n) => lane(n)));
  return result;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export async function benchLoad(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'adoption-bench-load-'));
  const quiet = createLogger({ level: 'error' });
  const connector = await LocalConnector.start();
  const storage = await openStorage({ kind: 'lowdb', dataDir: dir });
  const store = storage.cache;
  await loadDemo(store, new Date());
  const config = { ...loadConfig({ ADOPTION_DATA_DIR: dir, ADOPTION_ALLOWED_TENANTS: TENANT }), port: 0 };
  const adoption = await startBot({ config, storage, state: await openBotState(storage), logger: quiet, host: '127.0.0.1' });
  const echo = await startServer({ adapter: echoAdapter(), bot: new EchoBot(), port: 0, host: '127.0.0.1', logger: quiet });
  try {
    const floorSeconds = Math.max(5, Math.round(SECONDS / 4));
    const floor = await load(echo, connector, floorSeconds, true);
    connector.clear();
    const ours = await load(adoption, connector, SECONDS, false);
    const replies = connector.sent.filter((s) => s.activity.type === 'message').length;
    const ms = (v: number): string => `${v.toFixed(1)} ms`;
    const total = ours.latencies.length;
    return [
      `load: ${CONVERSATIONS} concurrent conversations for ${SECONDS} s on the demo portfolio (messages, card buttons, searches)`,
      `  echo bot (floor, ${floorSeconds} s, messages): ${floor.latencies.length.toLocaleString('en')} requests, p50 ${ms(quantile(floor.latencies, 0.5))}, p99 ${ms(quantile(floor.latencies, 0.99))}, ${floor.errors} errors`,
      `  adoption: ${total.toLocaleString('en')} requests (${Object.entries(ours.byKind)
        .map(([k, n]) => `${n.toLocaleString('en')} ${k === 'search' ? 'searches' : `${k}s`}`)
        .join(
          ', ',
        )}), ${(total / SECONDS).toFixed(0)}/s, p50 ${ms(quantile(ours.latencies, 0.5))}, p99 ${ms(quantile(ours.latencies, 0.99))}, max ${ms(Math.max(...ours.latencies))}`,
      `  errors: ${ours.errors} (goal 0); message replies caught ${replies.toLocaleString('en')} of ${ours.messages.toLocaleString('en')}; p99 ${(quantile(ours.latencies, 0.99) / quantile(floor.latencies, 0.99)).toFixed(2)}x the echo floor's`,
    ];
  } finally {
    await adoption.close();
    await echo.close();
    await connector.close();
    await rm(dir, { recursive: true, force: true });
  }
}
