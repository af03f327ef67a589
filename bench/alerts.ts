import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProactive } from '../src/bot/proactive-wiring.js';
import { loadConfig } from '../src/config.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { PortfolioCache } from '../src/portfolio/portfolio-cache.js';
import { openBotState } from '../src/proactive/bot-state.js';
import { openStorage, type Storage } from '../src/data/store/storage.js';
import type { RunningAzurite } from '../src/tools/azurite.js';
import { DEFAULT_SEND_POLICY } from '../src/proactive/proactive-sender.js';
import { RateGate, scaledLimits, TEAMS_SEND_LIMITS } from '../src/proactive/rate-gate.js';
import { createLogger } from '../src/logging/logger.js';
import { LocalConnector } from '../src/tools/local-connector.js';

/**
 * Alert fan-out: CONVERSATIONS subscribed conversations, one alert each, with 429 injected on 2% of
 * sends, against the local connector, at Teams' own limits (50 sends a second per tenant...): the
 * floor is CONVERSATIONS / 50 seconds. BENCH_ALERT_SCALE runs the limits and the back-off that many
 * times faster for a quick look; the per-run work (evaluating, folding receipts) and the timers'
 * late wake-ups then weigh that many times more against the shorter floor.
 */
const CONVERSATIONS = Number(process.env['BENCH_ALERT_CONVERSATIONS'] ?? 10_000);
const SCALE = Number(process.env['BENCH_ALERT_SCALE'] ?? 1);
const THROTTLED = 0.02;
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const COHO = '0000000b-0000-4000-8000-c0ffee00000b';

/** The fan-out on both backends in the same run: lowdb files, and Azure Blob Storage (Azurite, on this machine). */
export async function benchAlerts(azurite: RunningAzurite): Promise<string[]> {
  const lines = [
    `alerts: fan-out of ${CONVERSATIONS.toLocaleString('en')} alerts, 429 on ${THROTTLED * 100}% of sends, ${SCALE === 1 ? "at Teams' limits" : `Teams' limits and back-off ${SCALE}x faster`}`,
  ];
  for (const backend of ['lowdb', 'blob'] as const) {
    const dir = await mkdtemp(join(tmpdir(), 'adoption-bench-alerts-'));
    try {
      const storage = await openStorage(
        backend === 'lowdb'
          ? { kind: 'lowdb', dataDir: dir }
          : { kind: 'blob', connectionString: azurite.connectionString, container: `bench-alerts-${Date.now()}` },
      );
      lines.push(...(await fanOut(storage, dir, backend)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return lines;
}

async function fanOut(storage: Storage, dir: string, backend: string): Promise<string[]> {
  const connector = await LocalConnector.start();
  try {
    const config = { ...loadConfig({ ADOPTION_DATA_DIR: dir }), port: 0 };
    const store = storage.cache;
    await loadDemo(store, new Date());
    const state = await openBotState(storage);
    await state.update((s) => {
      for (let i = 0; i < CONVERSATIONS; i++) {
        const id = `a:bench-${i}`;
        s.conversations[id] = {
          id,
          kind: 'personal',
          tenantId: TENANT,
          serviceUrl: connector.url,
          channelId: 'msteams',
          bot: { id: '28:bench', name: 'Adoption' },
          teamId: null,
          teamName: null,
          name: `User ${i}`,
        };
        s.subscriptions.push({
          conversationId: id,
          customer: { key: COHO, name: 'Coho Winery' },
          belowPercent: null,
          by: 'bench',
          since: new Date().toISOString(),
        });
      }
    });
    let sends = 0;
    connector.faults = () => (++sends % Math.round(1 / THROTTLED) === 0 ? { status: 429 } : null);
    const { alerts } = createProactive({
      config,
      logger: createLogger({ level: 'silent' }),
      state,
      storage,
      portfolio: new PortfolioCache(store, config),
      gate: new RateGate(scaledLimits(TEAMS_SEND_LIMITS, SCALE)),
      policy: { minDelayMs: DEFAULT_SEND_POLICY.minDelayMs / SCALE, maxDelayMs: DEFAULT_SEND_POLICY.maxDelayMs / SCALE },
    });
    const started = performance.now();
    const run = await alerts.run();
    const seconds = (performance.now() - started) / 1000;
    const perConversation = new Map<string, number>();
    for (const s of connector.sent) perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
    const duplicated = [...perConversation.values()].filter((n) => n > 1).length;
    const lost = CONVERSATIONS - perConversation.size;
    const floor = CONVERSATIONS / (50 * SCALE);
    return [
      `  ${backend}: delivered ${run.delivery.delivered}, duplicated ${duplicated}, lost ${lost}, parked ${run.delivery.failed} (${connector.refused.length} 429s injected)`,
      `    ${seconds.toFixed(1)} s vs the rate-limit floor ${floor.toFixed(1)} s (${CONVERSATIONS} / ${50 * SCALE} a second): ${(seconds / floor).toFixed(3)}x (goal <= 1.02x)`,
    ];
  } finally {
    await connector.close();
  }
}
