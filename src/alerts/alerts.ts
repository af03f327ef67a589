import type { PortfolioCache } from '../portfolio/portfolio-cache.js';
import type { Lease } from '../data/store/state-store.js';
import type { BotStateStore } from '../proactive/bot-state.js';
import type { AlertDelivery, DeliveryReport } from './alert-delivery.js';
import { evaluateAlerts, type AlertSettings, type Evaluation } from './evaluate-alerts.js';
import { pruneOutbox } from './outbox.js';
import { evaluateWeekly } from './weekly.js';
import { dropExpiredMutes } from './subscriptions.js';

/** The lease an instance holds while it evaluates the subscriptions. */
export const EVALUATION_LEASE = 'alert-evaluation';

export interface AlertRun {
  /** With how many weekly to-dos went in the outbox beside the alerts. */
  readonly evaluation: Evaluation & { readonly weekly: number };
  readonly delivery: DeliveryReport;
}

/** After a sync or on demand: evaluate every subscription against the portfolio, then deliver. */
export class Alerts {
  constructor(
    private readonly state: BotStateStore,
    private readonly portfolio: PortfolioCache,
    private readonly settings: AlertSettings,
    readonly delivery: AlertDelivery,
    /** One evaluation at a time across instances (they would agree anyway: marks and entries go in one change). */
    private readonly lease: Lease,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async run(): Promise<AlertRun> {
    const release = await this.lease(EVALUATION_LEASE);
    // Another instance is evaluating: its alerts go out through the shared outbox.
    if (release === null) return { evaluation: { entries: [], alerts: 0, weekly: 0 }, delivery: await this.delivery.deliver() };
    try {
      return { evaluation: await this.evaluate(), delivery: await this.delivery.deliver() };
    } finally {
      await release().catch(() => undefined);
    }
  }

  private async evaluate(): Promise<AlertRun['evaluation']> {
    const view = await this.portfolio.view();
    const now = this.clock();
    const toAct = view.needingAction();
    return this.state.update((s) => {
      dropExpiredMutes(s, now);
      pruneOutbox(s, now);
      const alerts = evaluateAlerts(
        s,
        { customers: view.customers, points: (c) => view.points(c), thresholds: view.thresholds },
        this.settings,
        now,
      );
      const weekly = evaluateWeekly(s, toAct, this.settings.allowsTenant, now);
      return { ...alerts, entries: [...alerts.entries, ...weekly], weekly: weekly.length };
    });
  }
}
