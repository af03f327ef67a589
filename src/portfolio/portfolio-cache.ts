import type { Config } from '../config.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import { portfolioReport } from '../metrics/index.js';
import { PortfolioView } from './portfolio-view.js';

/**
 * The computed portfolio, kept between turns: a chat turn reads it, never recomputes it, unless
 * the cache changed (an import, a sync, another process) or the day did (data ages, flags
 * depend on today). Concurrent turns for the same revision and day share one computation; a turn
 * that sees a newer revision than the one being computed waits for its own.
 */
export class PortfolioCache {
  private current: { readonly revision: string; readonly day: string; readonly view: PortfolioView; readonly started: number } | null =
    null;
  private pending: { readonly revision: string; readonly day: string; readonly view: Promise<PortfolioView> } | null = null;
  /** Computations started so far: a slower, older one never replaces a newer result. */
  private started = 0;

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
    if (this.pending === null || this.pending.revision !== revision || this.pending.day !== day) {
      const view = this.compute(revision, now, day);
      const pending = { revision, day, view };
      this.pending = pending;
      const settled = (): void => {
        if (this.pending === pending) this.pending = null;
      };
      view.then(settled, settled);
    }
    return this.pending.view;
  }

  private async compute(revision: string, now: Date, day: string): Promise<PortfolioView> {
    const started = ++this.started;
    const [records, history] = await Promise.all([this.store.records(), this.store.history()]);
    const view = new PortfolioView(
      portfolioReport(records, now, this.config.thresholds, this.config.links),
      this.config.thresholds,
      history,
    );
    if (this.current === null || this.current.started < started) this.current = { revision, day, view, started };
    return view;
  }
}
