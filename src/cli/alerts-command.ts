import { describeAlertRun, describeAlertStatus } from '../alerts/describe-alerts.js';
import { createProactive } from '../bot/proactive-wiring.js';
import type { Config } from '../config.js';
import { createLogger } from '../logging/logger.js';
import type { Storage } from '../data/store/storage.js';
import { PortfolioCache } from '../portfolio/portfolio-cache.js';
import { thresholdOverrides, type BotStateStore } from '../proactive/bot-state.js';
import type { Output } from './output.js';

/**
 * `adoption alerts run`: what the bot does after each sync, on demand: evaluate every subscription
 * and deliver the outbox (as the bot's app when MicrosoftAppId is set). Exit 1 when an alert was parked.
 */
export async function runAlerts(config: Config, storage: Storage, state: BotStateStore, output: Output): Promise<number> {
  const logger = createLogger({ destination: { write: (line: string) => output.err(line.trimEnd()) } });
  const portfolio = new PortfolioCache(storage.cache, config, undefined, thresholdOverrides(state));
  const { alerts } = createProactive({ config, logger, state, storage, portfolio });
  const run = await alerts.run();
  describeAlertRun(run).forEach((line) => output.out(line));
  return run.delivery.failed > 0 ? 1 : 0;
}

/** `adoption alerts status`: subscriptions, the outbox, parked alerts and why. */
export async function showAlertStatus(state: BotStateStore, output: Output): Promise<number> {
  describeAlertStatus(await state.read()).forEach((line) => output.out(line));
  return 0;
}
