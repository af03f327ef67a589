import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler, type Activity, type CloudAdapter } from 'botbuilder';
import { RateGate, TEAMS_SEND_LIMITS } from '../src/proactive/rate-gate.js';
import { replyActivity } from '../src/bot/adoption-bot.js';
import { answer } from '../src/commands/answer.js';
import { cardSettings } from '../src/cards/customer-card.js';
import { openBotState } from '../src/proactive/bot-state.js';
import { openStorage } from '../src/data/store/storage.js';
import type { RunningAzurite } from '../src/tools/azurite.js';
import { PortfolioCache } from '../src/portfolio/portfolio-cache.js';
import { createAdapter } from '../src/bot/adapter.js';
import { createLogger } from '../src/logging/logger.js';
import { startServer, type RunningServer } from '../src/bot/server.js';
import { startBot } from '../src/bot/start-bot.js';
import { loadConfig } from '../src/config.js';
import { LocalConnector } from '../src/tools/local-connector.js';
import { portfolioRecords } from './portfolio-records.js';

/**
 * "adoption for <customer>" from POST /api/messages to the reply caught by a local connector
 * (the adapter answers the POST only after the connector took the reply), with 10,000 customers
 * cached, at 1 and 100 concurrent conversations, beside an echo bot on the same stack
 * (restify + CloudAdapter + the same middleware) in the same run.
 */

const CUSTOMERS = 10_000;
const WORKLOADS = ['Exchange', 'SharePoint with OneDrive', 'Teams'];
const AS_OF = new Date(Date.now() - 2 * 86_400_000).toISOString();

const quiet = createLogger({ level: 'error' });

/** The echo bots' adapter: the adoption bot's, with its own rate gate (the replies are noted in it). */
export const echoAdapter = (): CloudAdapter => createAdapter({}, quiet, new RateGate(TEAMS_SEND_LIMITS));

/** The floor: the same stack answering every message with a line of text. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text}`);
      await next();
    });
  }
}

/** Context for the floor: the same stack answering with one fixed customer card, rendered once. */
class CardEchoBot extends ActivityHandler {
  constructor(card: Partial<Activity>) {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(card);
      await next();
    });
  }
}

interface Run {
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly perSecond: number;
}

interface Batch {
  readonly latencies: number[];
  errors: number;
  elapsed: number;
}

let asked = 0;
/**
 * The customer of the next request: a stride through all of them, continued across batches and
 * bots, so no customer is asked twice before every one was asked once (nothing is answered from a
 * warm cache of the same few cards).
 */
function nextCustomer(): number {
  return (asked++ * 7919) % CUSTOMERS;
}

/** `requests` messages over `concurrency` conversations, each waiting for its answer before the next. */
async function batch(
  bot: RunningServer,
  connector: LocalConnector,
  requests: number,
  concurrency: number,
  label: string,
  into: Batch,
): Promise<void> {
  let next = 0;
  const started = performance.now();
  const worker = async (lane: number): Promise<void> => {
    while (next < requests) {
      const i = next++;
      const body = JSON.stringify({
        type: 'message',
        id: `${label}-${i}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: `29:user-${lane}`, name: 'Bench' },
        recipient: { id: '28:bot', name: 'Adoption' },
        conversation: { id: `a:bench-${label}-${lane}`, conversationType: 'personal' },
        text: `adoption for Customer ${nextCustomer()}`,
        channelData: { tenant: { id: 'bench-tenant' } },
      });
      const t0 = performance.now();
      try {
        const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.arrayBuffer();
        if (response.status !== 200) into.errors++;
      } catch {
        into.errors++;
      }
      into.latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, lane) => worker(lane)));
  into.elapsed += performance.now() - started;
}

function summary(b: Batch): Run {
  const sorted = [...b.latencies].sort((x, y) => x - y);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99), errors: b.errors, perSecond: (sorted.length / b.elapsed) * 1000 };
}

/**
 * The bots in alternating batches (order rotated every round), so drift in a shared machine's
 * speed lands on all of them alike.
 */
async function compare(bots: readonly RunningServer[], connector: LocalConnector, requests: number, concurrency: number): Promise<Run[]> {
  const rounds = 10;
  const batches: Batch[] = bots.map(() => ({ latencies: [], errors: 0, elapsed: 0 }));
  for (const [i, bot] of bots.entries())
    await batch(bot, connector, 300, concurrency, `warm-${i}`, { latencies: [], errors: 0, elapsed: 0 });
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < bots.length; k++) {
      const i = (k + r) % bots.length;
      await batch(bots[i]!, connector, requests / rounds, concurrency, `bot${i}-${r}`, batches[i]!);
    }
  }
  return batches.map(summary);
}

export async function benchReply(azurite: RunningAzurite): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'adoption-bench-reply-'));
  const connector = await LocalConnector.start();
  const config = { ...loadConfig({ ADOPTION_DATA_DIR: dir }), port: 0 };
  const storage = await openStorage({ kind: 'lowdb', dataDir: dir });
  const store = storage.cache;
  const records = portfolioRecords({
    customers: CUSTOMERS,
    products: ['Microsoft 365 E3', 'Microsoft 365 Business Premium'],
    workloads: WORKLOADS,
    asOf: AS_OF,
  });
  await store.upsert(records);
  // The same portfolio on Azure Blob Storage (Azurite on this machine), answered by a second adoption bot.
  const blob = await openStorage({ kind: 'blob', connectionString: azurite.connectionString, container: `bench-reply-${Date.now()}` });
  await blob.cache.upsert(records);
  const adoption = await startBot({ config, storage, state: await openBotState(storage), logger: quiet, host: '127.0.0.1' });
  const onBlob = await startBot({ config, storage: blob, state: await openBotState(blob), logger: quiet, host: '127.0.0.1' });
  const echo = await startServer({ adapter: echoAdapter(), bot: new EchoBot(), port: 0, host: '127.0.0.1', logger: quiet });
  const view = await new PortfolioCache(store, config).view();
  const oneCard = replyActivity(
    answer({ kind: 'customer', query: 'Customer 0', explicit: true }, view, cardSettings(view, config.links), 'personal', {
      origin: { text: 'adoption for Customer 0' },
      from: 0,
    }),
  );
  const cardEcho = await startServer({
    adapter: echoAdapter(),
    bot: new CardEchoBot(oneCard),
    port: 0,
    host: '127.0.0.1',
    logger: quiet,
  });
  const lines = [
    `reply: "adoption for <customer>" with ${CUSTOMERS.toLocaleString('en')} customers cached, vs an echo bot on the same stack`,
  ];
  try {
    for (const [concurrency, requests] of [
      [1, 2000],
      [100, 10_000],
    ] as const) {
      connector.clear();
      const [floor, withCard, ours, blobbed] = (await compare([echo, cardEcho, adoption, onBlob], connector, requests, concurrency)) as [
        Run,
        Run,
        Run,
        Run,
      ];
      const replies = connector.sent.filter((s) => s.activity.type === 'message' && !String(s.conversationId).includes('warm')).length;
      connector.clear();
      const ms = (v: number): string => `${v.toFixed(1)} ms`;
      lines.push(
        `  ${concurrency} concurrent conversation${concurrency === 1 ? '' : 's'}, ${requests.toLocaleString('en')} requests each:`,
        `    echo (floor): p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}, ${floor.perSecond.toFixed(0)}/s, ${floor.errors} errors`,
        `    echo replying with one fixed customer card (context): p50 ${ms(withCard.p50)}, p99 ${ms(withCard.p99)}, ${withCard.perSecond.toFixed(0)}/s, ${withCard.errors} errors`,
        `    adoption:     p50 ${ms(ours.p50)}, p99 ${ms(ours.p99)}, ${ours.perSecond.toFixed(0)}/s, ${ours.errors} errors`,
        `    ratio: p50 ${(ours.p50 / floor.p50).toFixed(2)}x (goal <= 1.2x), p99 ${(ours.p99 / floor.p99).toFixed(2)}x (goal <= 1.5x); replies caught ${replies.toLocaleString('en')} of ${(4 * requests).toLocaleString('en')}`,
        `    adoption on Blob Storage (Azurite): p50 ${ms(blobbed.p50)}, p99 ${ms(blobbed.p99)}, ${blobbed.perSecond.toFixed(0)}/s, ${blobbed.errors} errors; vs lowdb: p50 ${(blobbed.p50 / ours.p50).toFixed(2)}x, p99 ${(blobbed.p99 / ours.p99).toFixed(2)}x`,
      );
    }
  } finally {
    await adoption.close();
    await onBlob.close();
    await echo.close();
    await cardEcho.close();
    await connector.close();
    await rm(dir, { recursive: true, force: true });
  }
  return lines;
}
