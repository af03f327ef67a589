import type { Config } from '../config.js';
import { Conversation } from '../commands/conversation.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import { PortfolioCache } from '../portfolio/portfolio-cache.js';
import { createAdapter } from './adapter.js';
import { AdoptionBot } from './adoption-bot.js';
import type { Logger } from './logger.js';
import { startServer, type RunningServer } from './server.js';

/** Wiring: store -> portfolio cache -> conversation -> bot -> adapter -> HTTP. */
export async function startBot(options: {
  readonly config: Config;
  readonly store: AdoptionStore;
  readonly logger: Logger;
  readonly host?: string;
  readonly clock?: () => Date;
}): Promise<RunningServer> {
  const { config, store, logger } = options;
  const portfolio = new PortfolioCache(store, config, options.clock);
  // Compute the portfolio before the first message, so no turn waits for it.
  const warm = await portfolio.view();
  logger.info(`Portfolio ready: ${warm.customers.length} customers.`);
  const bot = new AdoptionBot(new Conversation(portfolio, config));
  return startServer({
    adapter: createAdapter(config.auth, logger),
    bot,
    port: config.port,
    ...(options.host === undefined ? {} : { host: options.host }),
    logger,
    health: async () => ({ customers: (await portfolio.view()).customers.length }),
  });
}
