import { Cron } from 'croner';
import type { StateStore } from '../data/store/state-store.js';
import type { Storage } from '../data/store/storage.js';
import type { Failure } from './failure.js';
import type { SyncSummary } from './run-sync.js';

/**
 * The last sync, kept so the bot can say in chat how fresh its data is and why a customer's data
 * stopped coming ("when was the data last updated?"): the schedule's runs and `adoption sync` alike.
 */
export interface SyncRun {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly trigger: 'schedule' | 'command';
  /** `adoption sync --customer NAME`: that customer only; null for every customer. */
  readonly only: string | null;
  readonly outcome: SyncRunOutcome;
}

export type SyncRunOutcome =
  | {
      readonly kind: 'done';
      readonly synced: number;
      /** Customers left out by `--since` (already synced). */
      readonly skipped: number;
      readonly failedCount: number;
      /** The first MAX_FAILURES failures. */
      readonly failed: readonly { readonly customer: string; readonly reason: string }[];
      /** Why Partner Center's partner-wide analytics could not be read; null when they were. */
      readonly analyticsFailure: string | null;
    }
  /** Stopped before any customer was synced (Partner Center's customer list could not be read). */
  | ({ readonly kind: 'stopped' } & Failure);

export interface SyncLog {
  version: 1;
  last: SyncRun | null;
}

/** The document's name: sync-status.json in the data folder, or the blob of that name. */
export const SYNC_LOG = 'sync-status';

/** Failures kept by name (the card lists them); the sync's own output lists every one. */
export const MAX_FAILURES = 5;

export type SyncLogStore = StateStore<SyncLog>;

export function openSyncLog(storage: Storage): Promise<SyncLogStore> {
  return storage.document<SyncLog>(SYNC_LOG, () => ({ version: 1, last: null }));
}

/** A finished sync's summary as the log keeps it. */
export function doneOutcome(summary: SyncSummary): SyncRunOutcome {
  const failed = summary.customers.flatMap((c) => (c.ok ? [] : [{ customer: c.customer, reason: c.reason }]));
  return {
    kind: 'done',
    synced: summary.customers.length - failed.length,
    skipped: summary.skipped,
    failedCount: failed.length,
    failed: failed.slice(0, MAX_FAILURES),
    analyticsFailure: summary.analytics.ok ? null : summary.analytics.reason,
  };
}

/** Writes the run down; a log that cannot be written never fails the sync it describes. */
export async function recordSyncRun(log: SyncLogStore, run: SyncRun, onError: (error: unknown) => void): Promise<void> {
  await log
    .update((draft) => {
      draft.last = run;
    })
    .catch(onError);
}

/** What the bot tells of its syncs: the schedule (none when it does not sync by itself) and the last run. */
export interface SyncStatus {
  readonly schedule: { readonly pattern: string; readonly next: string | null } | null;
  readonly last: SyncRun | null;
}

/** When a schedule runs next, in UTC; null when the pattern never runs again. */
export function nextRun(pattern: string, after: Date): Date | null {
  return new Cron(pattern, { paused: true, timezone: 'Etc/UTC' }).nextRun(after);
}

/** The schedule (`ADOPTION_SYNC_SCHEDULE`, null when the bot does not sync by itself) and the last run. */
export async function readSyncStatus(pattern: string | null, log: SyncLogStore, now: Date): Promise<SyncStatus> {
  return {
    schedule: pattern === null ? null : { pattern, next: nextRun(pattern, now)?.toISOString() ?? null },
    last: (await log.read()).last,
  };
}
