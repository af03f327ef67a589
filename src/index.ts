import { ConfigError, loadConfig } from './config.js';
import { LowdbStore, UnreadableCacheError } from './data/store/lowdb-store.js';
import { loadDemo } from './demo/load-demo.js';
import { consoleLogger as logger } from './bot/logger.js';
import { startBot } from './bot/start-bot.js';

/** `npm start`: the bot on the lowdb cache in ADOPTION_DATA_DIR, with the demo portfolio when it is empty. */
async function main(): Promise<void> {
  const config = loadConfig();
  const store = await LowdbStore.open(config.dataDir);
  if (await store.isEmpty()) {
    logger.info(
      `The cache in ${config.dataDir} is empty: loading the demo portfolio (import your own files with "npm run cli -- import FILE...").`,
    );
    await loadDemo(store, new Date());
  }
  const server = await startBot({ config, store, logger });
  const mode =
    config.auth.MicrosoftAppId === undefined
      ? 'local mode, no MicrosoftAppId: requests are not authenticated'
      : `app ${config.auth.MicrosoftAppId}`;
  logger.info(`Adoption bot listening on ${server.url}/api/messages (${mode}). Chat with it: npm run playground`);
  const stop = (): void => {
    logger.info('Stopping.');
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UnreadableCacheError) {
    logger.error(error.message);
  } else {
    logger.error('The bot could not start:', error);
  }
  process.exit(1);
});
