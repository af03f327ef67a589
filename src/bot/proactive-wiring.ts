import { AlertDelivery } from '../alerts/alert-delivery.js';
import { Alerts } from '../alerts/alerts.js';
import { openReceiptLog } from '../alerts/delivery-receipts.js';
import type { Config } from '../config.js';
import type { Storage } from '../data/store/storage.js';
import type { PortfolioCache } from '../portfolio/portfolio-cache.js';
import type { BotStateStore } from '../proactive/bot-state.js';
import { DEFAULT_SEND_POLICY, ProactiveSender, type SendPolicy } from '../proactive/proactive-sender.js';
import { RateGate, TEAMS_SEND_LIMITS } from '../proactive/rate-gate.js';
import { createProactiveAdapter } from './adapter.js';
import { allowsTenant } from '../access/access-policy.js';
import type { Logger } from '../logging/logger.js';
import { teamsDelivery } from './teams-delivery.js';

export interface Proactive {
  readonly sender: ProactiveSender;
  readonly alerts: Alerts;
}

/** Sender (rate gate + retries over the adapter), outbox delivery and alert evaluation, for the bot and the CLI alike. */
export function createProactive(options: {
  readonly config: Config;
  readonly logger: Logger;
  readonly state: BotStateStore;
  /** Where the outbox lease and the delivery receipts live. */
  readonly storage: Storage;
  readonly portfolio: PortfolioCache;
  readonly clock?: () => Date;
  /** Teams' limits; the bot shares its gate with the chat adapter, which notes the replies in it. */
  readonly gate?: RateGate;
  /** Back-off overrides (the benchmark runs Teams' clock faster). */
  readonly policy?: Partial<SendPolicy>;
}): Proactive {
  const { config, state, portfolio } = options;
  const clock = options.clock ?? (() => new Date());
  const sender = new ProactiveSender(
    teamsDelivery(createProactiveAdapter(config.auth, options.logger), config.auth.MicrosoftAppId ?? ''),
    options.gate ?? new RateGate(TEAMS_SEND_LIMITS),
    { ...DEFAULT_SEND_POLICY, attempts: config.alerts.sendAttempts, ...options.policy },
  );
  const delivery = new AlertDelivery(state, sender, options.storage.lease, openReceiptLog(options.storage), clock);
  const settings = { ...config.alerts, allowsTenant: (tenantId: string | null) => allowsTenant(config.access, tenantId) };
  return { sender, alerts: new Alerts(state, portfolio, settings, delivery, options.storage.lease, clock) };
}
