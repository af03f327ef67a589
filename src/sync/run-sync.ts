import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import Bottleneck from 'bottleneck';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportContext } from '../data/formats/read-result.js';
import { readAdoptionFile } from '../data/read-file.js';
import type { AdoptionRecord, Source } from '../data/records.js';
import { GRAPH_REPORTS, type GraphReport, type GraphTenantClient } from '../data/sources/graph.js';
import type { PartnerCenterClient, PartnerCenterCustomer } from '../data/sources/partner-center.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import { customerKey, DEFAULT_LINKS, DEFAULT_THRESHOLDS, pointOf, portfolioReport } from '../metrics/index.js';
import { CustomerIndex } from '../query/customer-index.js';

/** The lease an instance (the schedule or `adoption sync`) holds while it syncs: one sync at a time. */
export const SYNC_LEASE = 'sync';
import { explainFailure, SyncFailure, type Failure } from './failure.js';

export interface SyncSources {
  readonly partnerCenter: PartnerCenterClient;
  graph(tenantId: string): GraphTenantClient;
}

export type CustomerOutcome =
  | { readonly customer: string; readonly ok: true; readonly records: number; readonly rows: number; readonly warnings: readonly string[] }
  | ({ readonly customer: string; readonly ok: false } & Failure);

export interface SyncSummary {
  readonly customers: readonly CustomerOutcome[];
  /** Partner-wide license analytics: read, or why not (customers still sync without them). */
  readonly analytics: { readonly ok: true; readonly rows: number } | ({ readonly ok: false } & Failure);
  readonly rows: number;
  readonly ms: number;
  /** Customers left out by `since`. */
  readonly skipped: number;
}

export type SyncEvent =
  { readonly type: 'customers'; readonly total: number } | { readonly type: 'customer-done'; readonly outcome: CustomerOutcome };

export class NoSuchCustomerError extends Error {}

/** What a sync reads for a customer, so what it replaces. */
const SNAPSHOT_SOURCES: readonly Source[] = [
  'pc-analytics',
  'pc-subscriptions',
  'pc-subscribed-skus',
  'pc-service-requests',
  'graph-subscribed-skus',
  'graph-directory-subscriptions',
  'graph-active-user-detail',
  'graph-teams-user-detail',
  'graph-yammer-user-detail',
  'graph-m365-apps-user-detail',
];

/** A file the sync wrote, read back through the import path users' files take. */
async function readBack(
  path: string,
  ctx: ImportContext,
  where: string,
): Promise<{ records: AdoptionRecord[]; rows: number; warnings: string[] }> {
  const result = await readAdoptionFile(path, ctx);
  if (!result.ok)
    throw new SyncFailure({
      reason: result.refusal.describe(where),
      hint: 'Run the sync again; if it keeps failing, report this message.',
    });
  return { records: result.records, rows: result.rows, warnings: result.warnings.map((w) => `${where}: ${w}`) };
}

/** A JSON answer kept as a file in the sync's folder, then read back like an imported file. */
async function readAnswer(text: string, file: string, ctx: ImportContext, where: string): ReturnType<typeof readBack> {
  await writeFile(file, text);
  return readBack(file, ctx, where);
}

/** Partner Center answers an empty collection for a customer with nothing of that kind: nothing to read, not a failure. */
function isEmptyCollection(text: string): boolean {
  try {
    const body = JSON.parse(text) as { items?: unknown[]; value?: unknown[]; Value?: unknown[] };
    const items = body.items ?? body.value ?? body.Value;
    return Array.isArray(items) && items.length === 0;
  } catch {
    return false;
  }
}

async function syncAnalytics(
  pc: PartnerCenterClient,
  dir: string,
  receivedAt: string,
): Promise<{ byTenant: Map<string, AdoptionRecord[]>; rows: number }> {
  const byTenant = new Map<string, AdoptionRecord[]>();
  let rows = 0;
  for (const kind of ['deployment', 'usage'] as const) {
    let page = 0;
    for await (const text of pc.analyticsPages(kind)) {
      page++;
      if (isEmptyCollection(text)) continue;
      const read = await readAnswer(
        text,
        join(dir, `analytics-${kind}-${page}.json`),
        { customerName: null, tenantId: null, receivedAt, allPagesFetched: true },
        `Partner Center ${kind} analytics, page ${page}`,
      );
      rows += read.rows;
      for (const record of read.records) {
        const tenant = record.customer.tenantId;
        if (tenant === null) continue;
        const held = byTenant.get(tenant);
        if (held) held.push(record);
        else byTenant.set(tenant, [record]);
      }
    }
  }
  return { byTenant, rows };
}

async function syncCustomer(
  customer: PartnerCenterCustomer,
  sources: SyncSources,
  dir: string,
  receivedAt: string,
): Promise<{ records: AdoptionRecord[]; rows: number; warnings: string[] }> {
  const ctx: ImportContext = { customerName: customer.name, tenantId: customer.tenantId, receivedAt, allPagesFetched: true };
  const own = join(dir, customer.id);
  const records: AdoptionRecord[] = [];
  const warnings: string[] = [];
  let rows = 0;
  const take = (read: { records: AdoptionRecord[]; rows: number; warnings: string[] }): void => {
    records.push(...read.records);
    rows += read.rows;
    warnings.push(...read.warnings);
  };
  for (const resource of ['subscriptions', 'subscribedskus', 'servicerequests'] as const) {
    const where = `Partner Center ${resource}`;
    let page = 0;
    try {
      for await (const text of sources.partnerCenter.customerResource(customer.id, resource)) {
        page++;
        if (isEmptyCollection(text)) continue;
        take(await readAnswer(text, `${own}-${resource}-${page}.json`, ctx, page === 1 ? where : `${where}, page ${page}`));
      }
    } catch (error) {
      throw new SyncFailure(explainFailure(error, where));
    }
  }
  const graph = sources.graph(customer.tenantId);
  try {
    take(await readAnswer(await graph.subscribedSkus(), `${own}-graph-subscribedskus.json`, ctx, 'Graph subscribedSkus'));
    const subscriptions = await graph.directorySubscriptions();
    if (!isEmptyCollection(subscriptions)) {
      take(await readAnswer(subscriptions, `${own}-graph-directory-subscriptions.json`, ctx, 'Graph directory subscriptions'));
    }
    for (const name of Object.keys(GRAPH_REPORTS) as GraphReport[]) {
      const report = `${own}-${name}.csv`;
      await graph.report(name, report);
      take(await readBack(report, ctx, `Graph ${name}`));
    }
  } catch (error) {
    throw new SyncFailure(explainFailure(error, 'Microsoft Graph'));
  }
  return { records, rows, warnings };
}

/** Today's point for each customer the sync just wrote, so cards can show how the numbers move. */
async function recordHistory(store: AdoptionStore, synced: ReadonlySet<string>, now: Date): Promise<void> {
  if (synced.size === 0) return;
  const report = portfolioReport(await store.records(), now, DEFAULT_THRESHOLDS, DEFAULT_LINKS);
  const day = now.toISOString().slice(0, 10);
  await store.recordHistory(
    report.customers
      .filter((c) => c.tenantId !== null && synced.has(c.tenantId))
      .map((c) => ({ customerKey: customerKey(c), point: pointOf(day, c) })),
  );
}

/**
 * Pulls every customer (or one) from Partner Center and Graph into the store. Each customer's data
 * is gathered whole, read through the import path, and written in one atomic step only when all of
 * it arrived: a customer that fails keeps its previous data, and the others carry on.
 */
export async function runSync(options: {
  readonly store: AdoptionStore;
  readonly sources: SyncSources;
  readonly customer?: string;
  /** YYYY-MM-DD: leave out customers already synced on or after that day (to finish a sync that stopped). */
  readonly since?: string;
  readonly now: () => Date;
  readonly onEvent?: (event: SyncEvent) => void;
  /** Customers synced at once (each is a handful of requests, paced by the clients' own limits). */
  readonly concurrency?: number;
}): Promise<SyncSummary> {
  const started = options.now().getTime();
  const receivedAt = options.now().toISOString();
  const dir = await mkdtemp(join(tmpdir(), 'adoption-sync-'));
  try {
    let customers = await options.sources.partnerCenter.customers();
    if (options.customer !== undefined) {
      const match = new CustomerIndex(customers.map((c) => c.name)).find(options.customer);
      if (match.kind !== 'one') {
        const names = match.kind === 'several' ? match.names : match.closest;
        throw new NoSuchCustomerError(
          `${match.kind === 'several' ? `"${options.customer}" matches several customers` : `No Partner Center customer matches "${options.customer}"`}${names.length > 0 ? `: ${names.join(', ')}` : ''}.`,
        );
      }
      customers = customers.filter((c) => c.name === match.name);
    }
    let skipped = 0;
    if (options.since !== undefined) {
      const since = options.since;
      const history = await options.store.history();
      const done = (c: PartnerCenterCustomer): boolean => (history.get(c.tenantId) ?? []).some((p) => p.day >= since);
      skipped = customers.filter(done).length;
      customers = customers.filter((c) => !done(c));
    }
    options.onEvent?.({ type: 'customers', total: customers.length });

    let analytics: SyncSummary['analytics'];
    let byTenant = new Map<string, AdoptionRecord[]>();
    try {
      const read = await syncAnalytics(options.sources.partnerCenter, dir, receivedAt);
      byTenant = read.byTenant;
      analytics = { ok: true, rows: read.rows };
    } catch (error) {
      analytics = { ok: false, ...explainFailure(error, 'Partner Center analytics') };
    }

    let rows = analytics.ok ? analytics.rows : 0;
    const pool = new Bottleneck({ maxConcurrent: options.concurrency ?? 4 });
    const outcomes = await Promise.all(
      customers.map((customer) =>
        pool.schedule(async (): Promise<CustomerOutcome> => {
          let outcome: CustomerOutcome;
          try {
            const read = await syncCustomer(customer, options.sources, dir, receivedAt);
            const all = [...(byTenant.get(customer.tenantId) ?? []), ...read.records];
            // Analytics that could not be read keep their old rows; everything else is this sync's snapshot.
            const sources = SNAPSHOT_SOURCES.filter((s) => analytics.ok || s !== 'pc-analytics');
            await options.store.replaceSnapshot({ tenantId: customer.tenantId, sources }, all);
            rows += read.rows;
            outcome = { customer: customer.name, ok: true, records: all.length, rows: read.rows, warnings: read.warnings };
          } catch (error) {
            outcome = { customer: customer.name, ok: false, ...explainFailure(error, 'sync') };
          }
          options.onEvent?.({ type: 'customer-done', outcome });
          return outcome;
        }),
      ),
    );
    await recordHistory(options.store, new Set(customers.filter((_, i) => outcomes[i]!.ok).map((c) => c.tenantId)), options.now());
    return { customers: outcomes, skipped, analytics, rows, ms: options.now().getTime() - started };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
