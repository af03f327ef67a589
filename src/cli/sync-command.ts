import { SingleBar } from 'cli-progress';
import type { Config } from '../config.js';
import type { Storage } from '../data/store/storage.js';
import { describeCustomerOutcome, describeSummary } from '../sync/describe.js';
import { NoSuchCustomerError, runSync, SYNC_LEASE, type SyncEvent } from '../sync/run-sync.js';
import { syncSources } from '../sync/sources.js';
import { explainFailure } from '../sync/failure.js';
import { doneOutcome, openSyncLog, recordSyncRun, type SyncRunOutcome } from '../sync/sync-log.js';
import type { Output } from './output.js';

/** A progress bar on a terminal (cli-progress, on `terminal`); plain lines anywhere else (CI, logs, pipes). */
export function progress(output: Output, terminal: NodeJS.WritableStream | null): { onEvent(event: SyncEvent): void; stop(): void } {
  const bar = terminal
    ? new SingleBar({ format: 'syncing {bar} {value}/{total} customers | {customer}', hideCursor: true, stream: terminal })
    : null;
  return {
    onEvent(event) {
      if (event.type === 'customers') {
        bar?.start(event.total, 0, { customer: '' });
        if (!bar) output.err(`Syncing ${event.total} customer(s) from Partner Center and Microsoft Graph.`);
        return;
      }
      if (bar) bar.increment({ customer: event.outcome.customer });
      output.out(describeCustomerOutcome(event.outcome));
    },
    stop: () => bar?.stop(),
  };
}

/** `adoption sync [--customer NAME]` */
export async function runSyncCommand(
  config: Config,
  storage: Storage,
  options: { customer?: string; since?: string },
  output: Output,
  terminal: NodeJS.WritableStream | null,
): Promise<number> {
  if (config.sync === null) {
    output.err(
      `adoption sync needs ${config.syncMissing.join(', ')}. See "Setting up the sync" in the README; until then, import exported files with "adoption import".`,
    );
    return 2;
  }
  // One sync at a time, whichever instance or command starts it.
  const release = await storage.lease(SYNC_LEASE);
  if (release === null) {
    output.err('Another instance is syncing now (it holds the sync lease). Try again when it has finished.');
    return 1;
  }
  const bar = progress(output, terminal);
  const syncLog = await openSyncLog(storage);
  const startedAt = new Date().toISOString();
  const record = (outcome: SyncRunOutcome, only = options.customer ?? null): Promise<void> =>
    recordSyncRun(syncLog, { startedAt, finishedAt: new Date().toISOString(), trigger: 'command', only, outcome }, (error) =>
      output.err(`The sync status could not be written (${(error as Error).message}); the bot's "data status" will not show this sync.`),
    );
  try {
    const summary = await runSync({
      store: storage.cache,
      sources: syncSources(config.sync, config.dataDir),
      ...options,
      now: () => new Date(),
      onEvent: bar.onEvent,
    });
    bar.stop();
    for (const line of describeSummary(summary)) output.out(line);
    // --customer: the name as Partner Center has it, not as typed.
    await record(doneOutcome(summary), options.customer === undefined ? null : (summary.customers[0]?.customer ?? options.customer));
    return summary.customers.some((c) => !c.ok) || !summary.analytics.ok ? 1 : 0;
  } catch (error) {
    bar.stop();
    if (error instanceof NoSuchCustomerError) {
      output.err(error.message);
      return 1;
    }
    const failure = explainFailure(error, 'Partner Center customers');
    output.err(`Sync stopped: ${failure.reason}. ${failure.hint} The cache was not changed.`);
    await record({ kind: 'stopped', ...failure });
    return 1;
  } finally {
    await release().catch(() => undefined);
  }
}
