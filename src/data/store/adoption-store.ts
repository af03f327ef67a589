import type { AdoptionRecord, HistoryPoint, Source } from '../records.js';
import { dayAfter } from '../../time.js';

/** What one import did to the cache. */
export interface UpsertOutcome {
  readonly added: number;
  readonly replaced: number;
  /** Records not taken because the cache already held newer data for the same key. */
  readonly keptNewer: number;
}

/**
 * The cache of normalized records. Records with the same key are one fact: newer data replaces
 * older, the same file imported twice changes nothing. Every write is all-or-nothing.
 */
export interface AdoptionStore {
  records(): Promise<readonly AdoptionRecord[]>;
  upsert(records: readonly AdoptionRecord[]): Promise<UpsertOutcome>;
  /**
   * A customer's new snapshot from some sources: that customer's records from those sources are
   * replaced by these, whole, in one write (what a source no longer reports is gone).
   */
  replaceSnapshot(scope: SnapshotScope, records: readonly AdoptionRecord[]): Promise<UpsertOutcome>;
  isEmpty(): Promise<boolean>;
  /**
   * A token that changes whenever the records change, also when another process (an import from
   * the command line, a sync) wrote them; reading it picks those changes up.
   */
  revision(): Promise<string>;
  /** Each customer's daily points, oldest first, by customer key. */
  history(): Promise<ReadonlyMap<string, readonly HistoryPoint[]>>;
  /** Adds today's point per customer (replacing one already there for that day), keeping HISTORY_DAYS. */
  recordHistory(points: readonly { readonly customerKey: string; readonly point: HistoryPoint }[]): Promise<void>;
}

/** How many days of points the history keeps: 13 months. */
export const HISTORY_DAYS = 396;

/** The history rule, shared by every backend: one point per day, oldest first, a bounded window. */
export function addPoint(points: readonly HistoryPoint[], point: HistoryPoint): HistoryPoint[] {
  const cutoff = dayAfter(point.day, -HISTORY_DAYS);
  return [...points.filter((p) => p.day !== point.day && p.day > cutoff), point].sort((a, b) =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : 0,
  );
}

export interface SnapshotScope {
  readonly tenantId: string;
  readonly sources: readonly Source[];
}

/** Removes what a snapshot replaces; the snapshot is then merged in. */
export function dropSnapshot(byKey: Map<string, AdoptionRecord>, scope: SnapshotScope): void {
  for (const [key, record] of byKey) {
    if (record.customer.tenantId === scope.tenantId && scope.sources.includes(record.source)) byKey.delete(key);
  }
}

/** The merge rule, shared by every backend: the newer as-of date wins; a tie takes the incoming. */
export function mergeInto(byKey: Map<string, AdoptionRecord>, incoming: readonly AdoptionRecord[]): UpsertOutcome {
  let added = 0;
  let replaced = 0;
  let keptNewer = 0;
  for (const record of incoming) {
    const held = byKey.get(record.key);
    if (held === undefined) added++;
    else if (held.asOf > record.asOf) {
      keptNewer++;
      continue;
    } else replaced++;
    byKey.set(record.key, record);
  }
  return { added, replaced, keptNewer };
}
