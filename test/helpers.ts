import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFiles, type FileOutcome } from '../src/data/import-files.js';
import type { AdoptionStore } from '../src/data/store/adoption-store.js';
import { openStorage, type StorageConfig } from '../src/data/store/storage.js';
import type { SubscriptionRecord } from '../src/data/records.js';
import type { CustomerReport } from '../src/metrics/report-types.js';
import { storageFor, type Backend } from './shared-azurite.js';

export const DOCS = fileURLToPath(new URL('./fixtures/docs/', import.meta.url));
export const doc = (name: string): string => join(DOCS, name);

/** One of Contoso's Partner Center subscriptions: 10 seats of "Offer <id>", active, but for the fields given. */
export const subscription = (id: string, fields: Partial<SubscriptionRecord> = {}): SubscriptionRecord => ({
  kind: 'subscription',
  key: `subscription|t|${id}`,
  customer: { tenantId: 't', name: 'Contoso' },
  source: 'pc-subscriptions',
  asOf: '2026-11-25T00:00:00.000Z',
  subscriptionId: id,
  offerKey: id.toUpperCase(),
  offerName: `Offer ${id}`,
  status: 'active',
  quantity: 10,
  isTrial: false,
  attentionNeeded: false,
  billingCycle: 'monthly',
  creationDate: null,
  ...fields,
});

/** A customer's report with no numbers, no findings and nothing to renew, but for the fields given. */
export function reportOf(customer: string, fields: Partial<CustomerReport> = {}): CustomerReport {
  return {
    customer,
    tenantId: null,
    dataAsOf: null,
    sources: [],
    deploymentPercent: null,
    usagePercent: null,
    sold: 0,
    assigned: 0,
    active: 0,
    entitled: 0,
    products: [],
    workloads: [],
    flags: [],
    recommendations: [],
    renewals: [],
    serviceRequests: { last30Days: 0, open: 0 },
    subscriptionsNeedingAttention: [],
    subscriptionStarts: [],
    ...fields,
  };
}

/** The demo portfolio's customers to act on, the most urgent first: what "what should I do?" and `report --actions` list. */
export const DEMO_TO_ACT_ON = [
  'Coho Winery',
  'Fabrikam Inc',
  'Litware Inc',
  'Woodgrove Bank',
  'Wingtip Toys',
  'Contoso Ltd',
  'Northwind Traders',
  'Tailspin Toys',
  'Proseware',
] as const;

/** The demo portfolio's customers A to Z: what "list all customers" and `report --by-name` list. */
export const DEMO_A_TO_Z = [
  'Adventure Works',
  'Alpine Ski House',
  'Coho Winery',
  'Contoso Ltd',
  'Fabrikam Inc',
  'Fourth Coffee',
  'Litware Inc',
  'Northwind Traders',
  'Proseware',
  'Tailspin Toys',
  'Wingtip Toys',
  'Woodgrove Bank',
] as const;

export interface TempStore {
  readonly dir: string;
  readonly store: AdoptionStore;
  /** Where the store is (lowdb files under dir/data, or an Azurite container), and the environment a process needs to use it. */
  readonly config: StorageConfig;
  readonly env: Readonly<Record<string, string>>;
  file(name: string, content: string): Promise<string>;
  import(files: string[], ctx?: { customerName?: string; tenantId?: string; receivedAt?: string }): Promise<FileOutcome[]>;
  dispose(): Promise<void>;
}

/** A fresh cache on one backend (lowdb by default), with a temporary folder for files. */
export async function tempStore(backend: Backend = 'lowdb'): Promise<TempStore> {
  const dir = await mkdtemp(join(tmpdir(), 'adoption-test-'));
  const { config, env } = await storageFor(backend, join(dir, 'data'));
  const store = (await openStorage(config)).cache;
  return {
    dir,
    store,
    config,
    env,
    async file(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    import: (files, ctx = {}) =>
      importFiles(
        store,
        files.map((path) => ({ path, name: path })),
        {
          customerName: ctx.customerName ?? null,
          tenantId: ctx.tenantId ?? null,
          receivedAt: ctx.receivedAt ?? '2026-11-20T06:00:00.000Z',
        },
      ),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export function ok(outcome: FileOutcome | undefined): Extract<FileOutcome, { ok: true }> {
  if (!outcome?.ok) throw new Error(`expected the file to be imported, got: ${outcome ? outcome.message : 'nothing'}`);
  return outcome;
}

export function refusedMessage(outcome: FileOutcome | undefined): string {
  if (!outcome || outcome.ok) throw new Error('expected the file to be refused');
  return outcome.message;
}

export const ACTIVE_USER_HEADER =
  'Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products';

export interface UserRow {
  refresh?: string;
  deleted?: boolean;
  exchange?: { licensed: boolean; last?: string; assigned?: string };
  sharePoint?: { licensed: boolean; last?: string };
  oneDrive?: { licensed: boolean; last?: string };
  yammer?: { licensed: boolean; last?: string };
  teams?: { licensed: boolean; last?: string };
}

/** One getOffice365ActiveUserDetail CSV line, with a concealed (hashed) user name as tenants often have. */
export function activeUserLine(u: UserRow, i: number): string {
  const b = (x: boolean | undefined): string => (x ? 'True' : 'False');
  return [
    u.refresh ?? '2026-11-20',
    `${(0xabcdef + i).toString(16).toUpperCase()}A1B2C3D4E5F6`,
    `${(0x123456 + i).toString(16).toUpperCase()}`,
    b(u.deleted),
    u.deleted ? '2026-11-10' : '',
    b(u.exchange?.licensed),
    b(u.oneDrive?.licensed),
    b(u.sharePoint?.licensed),
    'False',
    b(u.yammer?.licensed),
    b(u.teams?.licensed),
    u.exchange?.last ?? '',
    u.oneDrive?.last ?? '',
    u.sharePoint?.last ?? '',
    '',
    u.yammer?.last ?? '',
    u.teams?.last ?? '',
    u.exchange?.assigned ?? '',
    '',
    '',
    '',
    '',
    '',
    'OFFICE 365 E3',
  ].join(',');
}

export function activeUserCsv(rows: UserRow[], bom = true): string {
  return `${bom ? '\uFEFF' : ''}${[ACTIVE_USER_HEADER, ...rows.map(activeUserLine)].join('\r\n')}\r\n`;
}

/** A port nobody listens on right now, for a server started by another process. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/**
 * Reads until `settled` holds or `timeoutMs` passes, and returns the last value read: for state
 * written after what a test waits on (an outbox's receipts follow its sends), on a machine of any speed.
 */
export async function settledRead<T>(read: () => Promise<T>, settled: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!settled(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
