import { SingleBar } from 'cli-progress';
import type { Config, SyncConfig } from '../config.js';
import { GraphTenantClient } from '../data/sources/graph.js';
import { PartnerCenterClient } from '../data/sources/partner-center.js';
import { TenantTokens } from '../data/sources/tokens.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import { NoSuchCustomerError, runSync, type CustomerOutcome, type SyncEvent, type SyncSources } from '../sync/run-sync.js';
import { explainFailure } from '../sync/failure.js';
import type { Output } from './output.js';

export function syncSources(sync: SyncConfig): SyncSources {
  const credentials = { authorityHost: sync.authorityHost, clientId: sync.clientId, clientSecret: sync.clientSecret };
  const partnerCenter = new PartnerCenterClient(
    sync.partnerCenterUrl,
    new TenantTokens(credentials, sync.partnerTenantId),
    sync.refreshToken,
  );
  const graphs = new Map<string, GraphTenantClient>();
  return {
    partnerCenter,
    graph(tenantId) {
      let client = graphs.get(tenantId);
      if (!client) {
        client = new GraphTenantClient(sync.graphUrl, credentials, tenantId);
        graphs.set(tenantId, client);
      }
      return client;
    },
  };
}

function describe(outcome: CustomerOutcome): string {
  if (outcome.ok) {
    const lines = [`ok       ${outcome.customer}: ${outcome.rows} row(s) read -> ${outcome.records} record(s)`];
    for (const w of outcome.warnings) lines.push(`         warning: ${w}`);
    return lines.join('\n');
  }
  return `FAILED   ${outcome.customer}: ${outcome.reason}.\n         ${outcome.hint}`;
}

/** A progress bar on a terminal (cli-progress); plain lines anywhere else (CI, logs, pipes). */
function progress(output: Output, interactive: boolean): { onEvent(event: SyncEvent): void; stop(): void } {
  const bar = interactive
    ? new SingleBar({ format: 'syncing {bar} {value}/{total} customers | {customer}', hideCursor: true, stream: process.stderr })
    : null;
  return {
    onEvent(event) {
      if (event.type === 'customers') {
        bar?.start(event.total, 0, { customer: '' });
        if (!bar) output.err(`Syncing ${event.total} customer(s) from Partner Center and Microsoft Graph.`);
        return;
      }
      if (bar) bar.increment({ customer: event.outcome.customer });
      output.out(describe(event.outcome));
    },
    stop: () => bar?.stop(),
  };
}

/** `adoption sync [--customer NAME]` */
export async function runSyncCommand(
  config: Config,
  store: AdoptionStore,
  options: { customer?: string },
  output: Output,
  interactive: boolean,
): Promise<number> {
  if (config.sync === null) {
    output.err(
      `adoption sync needs ${config.syncMissing.join(', ')}. See "Setting up the sync" in the README; until then, import exported files with "adoption import".`,
    );
    return 2;
  }
  const bar = progress(output, interactive);
  try {
    const summary = await runSync({ store, sources: syncSources(config.sync), ...options, now: () => new Date(), onEvent: bar.onEvent });
    bar.stop();
    const failed = summary.customers.filter((c) => !c.ok).length;
    if (!summary.analytics.ok)
      output.out(`FAILED   Partner Center analytics: ${summary.analytics.reason}.\n         ${summary.analytics.hint}`);
    output.out(
      `Synced ${summary.customers.length - failed} customer(s), ${failed} failed; ${summary.rows} row(s) read in ${(summary.ms / 1000).toFixed(1)} s.`,
    );
    return failed > 0 || !summary.analytics.ok ? 1 : 0;
  } catch (error) {
    bar.stop();
    if (error instanceof NoSuchCustomerError) {
      output.err(error.message);
      return 1;
    }
    const failure = explainFailure(error, 'Partner Center customers');
    output.err(`Sync stopped: ${failure.reason}. ${failure.hint} The cache was not changed.`);
    return 1;
  }
}
