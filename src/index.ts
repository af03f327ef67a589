import { startApp } from './app.js';
import { createLogger } from './logging/logger.js';
import { ConfigError, loadConfig } from './config.js';
import { UnreadableCacheError } from './data/store/cache-store.js';
import { UnreadableStateError } from './data/store/state-store.js';

const logger = createLogger();

/** `npm start`: the bot, on demo data until you import your own. */
async function main(): Promise<void> {
  const server = await startApp(loadConfig(), logger);
  logger.info('Chat with it in a browser: npm run playground (in another terminal), or: npm run ask -- "portfolio"');
  const stop = (): void => {
    logger.info('Stopping.');
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The port someone else holds, when that is why the server could not listen. */
function portInUse(error: unknown): number | null {
  const e = error as { code?: unknown; port?: unknown } | null;
  return e?.code === 'EADDRINUSE' && typeof e.port === 'number' ? e.port : null;
}

main().catch((error: unknown) => {
  const port = portInUse(error);
  if (error instanceof ConfigError || error instanceof UnreadableCacheError || error instanceof UnreadableStateError)
    logger.error(error.message);
  else if (port !== null)
    logger.error(
      `Port ${port} is already in use (another "npm start"?). Stop what listens there, or start on another port: PORT=3979 npm start.`,
    );
  else logger.error({ err: error }, 'The bot could not start.');
  process.exit(1);
});
