import type { AdoptionRecord } from '../records.js';

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
  isEmpty(): Promise<boolean>;
  /**
   * A token that changes whenever the records change, also when another process (an import from
   * the command line, a sync) wrote them; reading it picks those changes up.
   */
  revision(): Promise<string>;
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
