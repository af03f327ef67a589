import { allowsTenant } from '../access/access-policy.js';
import type { Alerts } from '../alerts/alerts.js';
import type { Config } from '../config.js';
import { Conversation } from '../commands/conversation.js';
import { FileImports } from '../commands/file-imports.js';
import { Settings } from '../commands/settings.js';
import type { Storage } from '../data/store/storage.js';
import { PortfolioCache } from '../portfolio/portfolio-cache.js';
import { thresholdOverrides, type BotStateStore } from '../proactive/bot-state.js';
import { IN_TURN_SEND_POLICY } from '../proactive/proactive-sender.js';
import { RateGate, TEAMS_SEND_LIMITS, type SendLimits } from '../proactive/rate-gate.js';
import { createAdapter } from './adapter.js';
import { AdoptionBot } from './adoption-bot.js';
import { CallerAccess } from './caller-access.js';
import type { Logger } from '../logging/logger.js';
import { createProactive } from './proactive-wiring.js';
import { describeAlertRun } from '../alerts/describe-alerts.js';
import { startServer, type RunningServer } from './server.js';
import { openSyncLog, readSyncStatus, type SyncStatus } from '../sync/sync-log.js';

export interface RunningBot extends RunningServer {
  readonly alerts: Alerts;
}

/** Wiring: store -> portfolio cache -> conversation -> bot -> adapter -> HTTP; the outbox resumes at start. */
export async function startBot(options: {
  readonly config: Config;
  /** The cache is storage.cache; the outbox lease and receipts live there too. */
  readonly storage: Storage;
  readonly state: BotStateStore;
  readonly logger: Logger;
  readonly host?: string;
  readonly clock?: () => Date;
  readonly limits?: SendLimits;
}): Promise<RunningBot> {
  const { config, storage, state, logger } = options;
  const store = storage.cache;
  const clock = options.clock ?? (() => new Date());
  const portfolio = new PortfolioCache(store, config, clock, thresholdOverrides(state));
  // Compute the portfolio before the first message, so no turn waits for it.
  const warm = await portfolio.view();
  logger.info(`Portfolio ready: ${warm.customers.length} customers.`);
  // One gate for everything this process asks of Teams: replies and member lookups are noted in it,
  // alerts and shares wait for it.
  const gate = new RateGate(options.limits ?? TEAMS_SEND_LIMITS);
  const adapter = createAdapter(config.auth, logger, gate);
  const { sender, alerts } = createProactive({ config, logger, state, storage, portfolio, clock, gate });
  const settings = new Settings(
    state,
    portfolio,
    config,
    // Shares are sent inside the turn of the person who pressed the button: tries that fit the invoke.
    (target, reply) => sender.send(target, reply, IN_TURN_SEND_POLICY),
    (tenantId) => allowsTenant(config.access, tenantId),
    clock,
  );
  const access = new CallerAccess(config.access, logger, gate);
  const syncLog = await openSyncLog(storage);
  const syncStatus = (): Promise<SyncStatus> => readSyncStatus(config.syncSchedule, syncLog, clock());
  const conversation = new Conversation(portfolio, config, settings, syncStatus, clock);
  // Files imported in chat are new data, as a sync brings: the alerts are checked against it.
  const afterImport = (): Promise<void> =>
    alerts.run().then(
      (run) => describeAlertRun(run).forEach((line) => logger.info(line)),
      (error: unknown) => logger.error({ err: error }, 'Checking the alerts after a file import failed.'),
    );
  const bot = new AdoptionBot(conversation, new FileImports(store, portfolio, clock, afterImport), state, access, logger, clock);
  const server = await startServer({
    adapter,
    bot,
    port: config.port,
    ...(options.host === undefined ? {} : { host: options.host }),
    logger,
    health: async () => ({ customers: (await portfolio.view()).customers.length }),
  });
  // Alerts left in the outbox by a stop or a crash go out now.
  const resumed = alerts.delivery.deliver().then(
    (r) => r.delivered + r.failed > 0 && logger.info(`Outbox resumed: ${r.delivered} alerts delivered, ${r.failed} parked.`),
    (error: unknown) => logger.error({ err: error }, 'Resuming the alert outbox failed.'),
  );
  return {
    url: server.url,
    alerts,
    close: async () => {
      await alerts.delivery.stop();
      await resumed;
      await server.close();
    },
  };
}
