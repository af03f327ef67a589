import type { Config } from './config.js';
import type { Logger } from './logging/logger.js';
import type { RunningServer } from './bot/server.js';
import { startBot } from './bot/start-bot.js';
import { openStorage } from './data/store/storage.js';
import { loadDemo } from './demo/load-demo.js';
import { scheduleSync } from './sync/schedule.js';
import { openSyncLog } from './sync/sync-log.js';
import { openBotState } from './proactive/bot-state.js';
import { describeAlertRun } from './alerts/describe-alerts.js';

/** The bot on the lowdb cache in the configured data folder, with the demo portfolio when that cache is empty. */
export async function startApp(config: Config, logger: Logger): Promise<RunningServer> {
  const storage = await openStorage(config.storage);
  const store = storage.cache;
  if (await store.isEmpty()) {
    logger.info(
      `The cache in ${storage.where} is empty: loading the demo portfolio (import your own files with "npm run cli -- import FILE...").`,
    );
    await loadDemo(store, new Date());
  }
  const server = await startBot({ config, storage, state: await openBotState(storage), logger });
  const afterSync = async (): Promise<void> => {
    const run = await server.alerts.run();
    for (const line of describeAlertRun(run)) logger.info(line);
  };
  const schedule =
    config.syncSchedule !== null && config.sync !== null
      ? scheduleSync({
          pattern: config.syncSchedule,
          sync: config.sync,
          dataDir: config.dataDir,
          storage,
          syncLog: await openSyncLog(storage),
          logger,
          afterSync,
        })
      : null;
  if (schedule) logger.info(`Syncing from Partner Center and Graph on "${config.syncSchedule}".`);
  const mode =
    config.auth.MicrosoftAppId === undefined
      ? 'local mode, no MicrosoftAppId: requests are not authenticated'
      : `app ${config.auth.MicrosoftAppId}`;
  logger.info(`Adoption bot listening on ${server.url}/api/messages (${mode}).`);
  return {
    url: server.url,
    close: async () => {
      schedule?.stop();
      await server.close();
    },
  };
}
