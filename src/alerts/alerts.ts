import type { PortfolioCache } from '../portfolio/portfolio-cache.js';
import type { BotStateStore } from '../proactive/bot-state.js';
import type { AlertDelivery, DeliveryReport } from './alert-delivery.js';
import { evaluateAlerts, type AlertSettings, type Evaluation } from './evaluate-alerts.js';
import { pruneOutbox } from './outbox.js';
import { dropExpiredMutes } from './subscriptions.js';

export interface AlertRun {
  readonly evaluation: Evaluation;
  readonly delivery: DeliveryReport;
}

/** After a sync or on demand: evaluate every subscription against the portfolio, then deliver. */
export class Alerts {
  constructor(
    private readonly state: BotStateStore,
    private readonly portfolio: PortfolioCache,
    private readonly settings: AlertSettings,
    readonly delivery: AlertDelivery,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async run(): Promise<AlertRun> {
    const view = await this.portfolio.view();
    const now = this.clock();
    const evaluation = await this.state.update((s) => {
      dropExpiredMutes(s, now);
      pruneOutbox(s, now);
      return evaluateAlerts(
        s,
        { customers: view.customers, points: (c) => view.points(c), thresholds: view.thresholds },
        this.settings,
        now,
      );
    });
    return { evaluation, delivery: await this.delivery.deliver() };
  }
}
