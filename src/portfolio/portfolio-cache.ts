import type { Config } from '../config.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import { portfolioReport } from '../metrics/index.js';
import { PortfolioView } from './portfolio-view.js';

/**
 * The computed portfolio, kept between turns: a chat turn reads it, never recomputes it, unless
 * the cache changed (an import, a sync, another process) or the day did (data ages, flags
 * depend on today). Concurrent turns share one computation.
 */
export class PortfolioCache {
  private current: { readonly revision: string; readonly day: string; readonly view: PortfolioView } | null = null;
  private pending: Promise<PortfolioView> | null = null;

  constructor(
    private readonly store: AdoptionStore,
    private readonly config: Pick<Config, 'thresholds' | 'links'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async view(): Promise<PortfolioView> {
    const now = this.clock();
    const day = now.toISOString().slice(0, 10);
    const revision = await this.store.revision();
    if (this.current !== null && this.current.revision === revision && this.current.day === day) return this.current.view;
    this.pending ??= this.compute(revision, now, day).finally(() => (this.pending = null));
    return this.pending;
  }

  private async compute(revision: string, now: Date, day: string): Promise<PortfolioView> {
    const [records, history] = await Promise.all([this.store.records(), this.store.history()]);
    const view = new PortfolioView(
      portfolioReport(records, now, this.config.thresholds, this.config.links),
      this.config.thresholds,
      history,
    );
    this.current = { revision, day, view };
    return view;
  }
}
