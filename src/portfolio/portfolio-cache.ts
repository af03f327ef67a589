import type { Config } from '../config.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import { portfolioReport } from '../metrics/index.js';
import { withOverrides, type ThresholdOverrides, type Thresholds } from '../metrics/thresholds.js';
import { PortfolioView } from './portfolio-view.js';

/**
 * The computed portfolio, kept between turns: a chat turn reads it, never recomputes it, unless
 * the cache changed (an import, a sync, another process), the day did (data ages, flags
 * depend on today) or an admin changed a threshold. Concurrent turns for the same revision and day share one computation; a turn
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
    /** The thresholds an admin changed in chat (the bot's state); none by default. */
    private readonly overrides: () => Promise<ThresholdOverrides | undefined> = () => Promise.resolve(undefined),
  ) {}

  async view(): Promise<PortfolioView> {
    const now = this.clock();
    const day = now.toISOString().slice(0, 10);
    const thresholds = withOverrides(this.config.thresholds, await this.overrides());
    // A changed threshold changes the flags and the advice: a revision of its own.
    const revision = `${await this.store.revision()}|${JSON.stringify(thresholds)}`;
    if (this.current !== null && this.current.revision === revision && this.current.day === day) return this.current.view;
    if (this.pending === null || this.pending.revision !== revision || this.pending.day !== day) {
      const view = this.compute(revision, now, day, thresholds);
      const pending = { revision, day, view };
      this.pending = pending;
      const settled = (): void => {
        if (this.pending === pending) this.pending = null;
      };
      view.then(settled, settled);
    }
    return this.pending.view;
  }

  private async compute(revision: string, now: Date, day: string, thresholds: Thresholds): Promise<PortfolioView> {
    const started = ++this.started;
    const [records, history] = await Promise.all([this.store.records(), this.store.history()]);
    const view = new PortfolioView(portfolioReport(records, now, thresholds, this.config.links), thresholds, history);
    if (this.current === null || this.current.started < started) this.current = { revision, day, view, started };
    return view;
  }
}
