import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { get as httpsGet } from 'node:https';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import type { DeploymentRecord, SubscriptionRecord, UsageRecord } from '../../src/data/records.js';
import type { AdoptionStore } from '../../src/data/store/adoption-store.js';
import { openStorage, type StorageConfig } from '../../src/data/store/storage.js';
import { DEFAULT_LINKS, DEFAULT_THRESHOLDS, portfolioReport } from '../../src/metrics/index.js';
import { LocalConnector } from '../../src/tools/local-connector.js';
import { subscribe } from '../../src/alerts/subscriptions.js';
import { openBotState } from '../../src/proactive/bot-state.js';
import { remember } from '../../src/proactive/conversations.js';
import { openSyncLog, type SyncRun } from '../../src/sync/sync-log.js';
import { appsUserCsv, FakeCloud, type FakeCloudOptions } from './fake-cloud.js';
import { customer, deploymentRow, subscription, usageRow } from './fake-data.js';
import { freePort, tempStore, type TempStore } from '../helpers.js';
import { BACKENDS, storageFor } from '../shared-azurite.js';
import { cardOf, textsOf } from '../bot/harness.js';
import type { SentActivity } from '../../src/tools/local-connector.js';

const run = promisify(execFile);

/** How the processes of the current backend's tests find their storage (set before each test). */
let storageEnv: Record<string, string> = {};

const CONTOSO = { id: 'c0ffee01-0000-4000-8000-000000000001', tenantId: 'AB12CD34-0000-4000-8000-00000000C001', name: 'Contoso Ltd' };
const FABRIKAM = { id: 'c0ffee02-0000-4000-8000-000000000002', tenantId: 'ab12cd34-0000-4000-8000-00000000f002', name: 'Fabrikam Inc' };
const TAILSPIN = { id: 'c0ffee03-0000-4000-8000-000000000003', tenantId: 'ab12cd34-0000-4000-8000-00000000e003', name: 'Tailspin Toys' };

/** Fabrikam as already cached from an earlier import (the sync cannot reach it: no consent). */
const FABRIKAM_SEED: DeploymentRecord = {
  kind: 'deployment',
  key: 'deployment|seed|pc-analytics|e3',
  customer: { tenantId: FABRIKAM.tenantId, name: 'Fabrikam Inc' },
  source: 'pc-analytics',
  asOf: '2026-11-01T00:00:00.000Z',
  product: 'OFFICE 365 ENTERPRISE E3',
  sold: 40,
  assigned: 30,
};

const sync = (cloud: FakeCloud, dataDir: string, ...args: string[]): ReturnType<typeof cli> => cli(cloud, dataDir, 'sync', ...args);

async function cli(cloud: FakeCloud, dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, ...cloud.env(), ...storageEnv, ADOPTION_DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function cloudOptions(): FakeCloudOptions {
  return {
    customers: [
      customer(CONTOSO, { subscriptions: [subscription(CONTOSO, 1, 20), subscription(CONTOSO, 2, 5), subscription(CONTOSO, 3, 2)] }),
      customer(FABRIKAM, { noConsent: true }),
      customer(TAILSPIN, {
        directorySubscriptions: [
          {
            createdDateTime: '2026-11-01T00:00:00Z',
            commerceSubscriptionId: 'f9c1ea2d-2c6e-4717-8c3b-7130812d70ba',
            id: '860697e3-b0aa-4196-a6c6-7ec361ed58f7',
            isTrial: true,
            nextLifecycleDateTime: '2026-12-01T00:00:00Z',
            serviceStatus: [],
            skuId: 'f8a1db68-be16-40ed-86d5-cb42ce701560',
            skuPartNumber: 'POWER_BI_PRO',
            status: 'Enabled',
            totalLicenses: 25,
          },
        ],
      }),
    ],
    deployment: [
      deploymentRow(CONTOSO, 'OFFICE 365 ENTERPRISE E3', 20, 16),
      deploymentRow(CONTOSO, 'MICROSOFT TEAMS ROOMS', 2, 1),
      deploymentRow(FABRIKAM, 'OFFICE 365 ENTERPRISE E3', 50, 10),
      deploymentRow(TAILSPIN, 'OFFICE 365 ENTERPRISE E3', 10, 10),
      deploymentRow(TAILSPIN, 'POWER BI PRO', 5, 2),
    ],
    usage: [
      usageRow(CONTOSO, 'Exchange', 'EXO', 14, 16),
      usageRow(CONTOSO, 'Teams', 'TEAMS', 9, 16),
      usageRow(TAILSPIN, 'Exchange', 'EXO', 10, 10),
    ],
    pageSize: 2,
    throttleOnce: [`/v1/customers/${CONTOSO.id}/subscriptions`],
    failOnce: ['/graph/v1.0/subscribedSkus'],
  };
}

for (const backend of BACKENDS) {
  describe(`adoption sync against Partner Center and Graph (a local cloud over HTTPS) (${backend})`, function () {
    this.timeout(60_000);
    let t: TempStore;
    let cloud: FakeCloud;

    let storageConfig: StorageConfig;
    /** A fresh instance of the cache the sync writes (as another process would read it). */
    const openCache = async (): Promise<AdoptionStore> => (await openStorage(storageConfig)).cache;
    /** The bot as a process, syncing from the local cloud on `schedule` (croner, with seconds). */
    const scheduledBot = (schedule: string, port: number): ChildProcessWithoutNullStreams =>
      spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
        env: {
          ...process.env,
          ...cloud.env(),
          ...storageEnv,
          ADOPTION_DATA_DIR: join(t.dir, 'data'),
          PORT: String(port),
          ADOPTION_SYNC_SCHEDULE: schedule,
        },
      });

    beforeEach(async () => {
      t = await tempStore();
      ({ config: storageConfig, env: storageEnv } = await storageFor(backend, join(t.dir, 'data')));
      cloud = await FakeCloud.start(cloudOptions(), t.dir);
    });

    afterEach(async () => {
      await cloud.close();
      await t.dispose();
    });

    it('syncs every customer it may, reports the one without consent, and fetches every page', async () => {
      const { code, stdout } = await sync(cloud, join(t.dir, 'data'));
      expect(code).to.equal(1);
      const lines = stdout.trim().split('\n');
      expect(lines).to.include('ok       Contoso Ltd: 13 row(s) read -> 16 record(s)');
      expect(lines).to.include(
        "FAILED   Fabrikam Inc: Microsoft Graph: no consent in the customer's tenant (Authorization_IdentityNotFound).",
      );
      expect(lines).to.include('ok       Tailspin Toys: 12 row(s) read -> 14 record(s)');
      expect(lines.at(-1)).to.match(/^Synced 2 customer\(s\), 1 failed; 33 row\(s\) read in \d+\.\d s\.$/);

      const paths = cloud.requests.map((r) => r.path);
      expect(paths.filter((p) => p.startsWith('/v1/analytics/commercial/deployment'))).to.deep.equal([
        '/v1/analytics/commercial/deployment/license?top=10000&skip=0',
        '/v1/analytics/commercial/deployment/license?top=2&skip=2',
        '/v1/analytics/commercial/deployment/license?top=2&skip=4',
      ]);
      expect(paths.filter((p) => p.startsWith('/v1/analytics/commercial/usage'))).to.have.length(2);
      expect(cloud.requests.filter((r) => r.path.startsWith('/v1/customers?')).map((r) => r.continuation)).to.deep.equal([null, '2']);
      expect(
        cloud.requests.filter((r) => r.path.startsWith(`/v1/customers/${CONTOSO.id}/subscriptions`)).map((r) => [r.path, r.continuation]),
      ).to.deep.equal([
        [`/v1/customers/${CONTOSO.id}/subscriptions`, null],
        [`/v1/customers/${CONTOSO.id}/subscriptions`, null],
        [`/v1/customers/${CONTOSO.id}/subscriptions?size=2&seek_operation=Next`, '2'],
      ]);
      expect(stdout).not.to.include('warning');
      // Graph answered 503 once (Retry-After: 1): the SDK's retry middleware asked again.
      expect(paths.filter((p) => p === '/graph/v1.0/subscribedSkus')).to.have.length(4);

      const downloads = cloud.requests.filter((r) => r.host === 'download');
      expect(downloads).to.have.length(8);
      expect(downloads.every((d) => d.authorization === null)).to.equal(true);
      const reportCalls = cloud.requests.filter((r) => r.host === 'cloud' && r.path.includes('/reports/'));
      expect(reportCalls).to.have.length(8);
      expect(reportCalls.every((r) => r.authorization?.startsWith('Bearer app-token.'))).to.equal(true);

      const store = await openCache();
      const today = new Date().toISOString().slice(0, 10);
      const history = await store.history();
      expect([...history.keys()].sort()).to.deep.equal([CONTOSO.tenantId.toLowerCase(), TAILSPIN.tenantId]);
      // Each workload's usage too, so "whose Teams usage dropped?" can be answered after the next sync.
      expect(history.get(CONTOSO.tenantId.toLowerCase())).to.deep.equal([
        { day: today, deploymentPercent: 77.3, usagePercent: 71.9, workloadUsage: { Exchange: 87.5, Teams: 56.3 } },
      ]);
      const records = await store.records();
      const tailspin = portfolioReport(records, new Date(), DEFAULT_THRESHOLDS, DEFAULT_LINKS).customers.find(
        (c) => c.tenantId === TAILSPIN.tenantId,
      );
      expect(tailspin?.flags.map((f) => f.code)).to.deep.equal(['trial-subscription', 'yammer-overuse']);
      expect(tailspin?.flags[0]?.evidence).to.deep.include({ offer: 'POWER_BI_PRO', seats: 25 });
      const tenants = new Set(records.map((r) => r.customer.tenantId));
      expect([...tenants].sort()).to.deep.equal([CONTOSO.tenantId.toLowerCase(), TAILSPIN.tenantId]);
      const contosoDeployment = records.filter(
        (r): r is DeploymentRecord =>
          r.kind === 'deployment' && r.customer.tenantId === CONTOSO.tenantId.toLowerCase() && r.source === 'pc-analytics',
      );
      expect(contosoDeployment.map((r) => [r.product, r.sold, r.assigned])).to.deep.equal([
        ['OFFICE 365 ENTERPRISE E3', 20, 16],
        ['MICROSOFT TEAMS ROOMS', 2, 1],
      ]);
      const graphUsage = records.filter(
        (r): r is UsageRecord =>
          r.kind === 'usage' && r.customer.tenantId === CONTOSO.tenantId.toLowerCase() && r.source === 'graph-active-user-detail',
      );
      expect(graphUsage.find((r) => r.workload === 'Exchange')).to.deep.include({ active: 2, entitled: 3 });
      expect(graphUsage.find((r) => r.workload === 'Teams')).to.deep.include({ active: 1, entitled: 3 });
      const bySource = (source: string): UsageRecord[] =>
        records.filter((r): r is UsageRecord => r.kind === 'usage' && r.customer.tenantId === TAILSPIN.tenantId && r.source === source);
      expect(
        bySource('graph-teams-user-detail').map((r) => [r.workload, r.active, r.entitled, r.evidence?.unlicensedActive]),
      ).to.deep.equal([['Teams', 1, 2, 1]]);
      expect(bySource('graph-yammer-user-detail').map((r) => [r.workload, r.active, r.entitled])).to.deep.equal([['Yammer', 1, null]]);
      expect(bySource('graph-m365-apps-user-detail').map((r) => [r.active, r.entitled])).to.deep.equal([[1, null]]);
    });

    it("keeps a failed customer's cached data as it was", async () => {
      const tenant = FABRIKAM.tenantId;
      const cached: DeploymentRecord = {
        kind: 'deployment',
        key: `deployment|${tenant}|pc-analytics|6fd2c87f-b296-42f0-b197-1e91e994b900`,
        customer: { tenantId: tenant, name: 'FABRIKAM INC' },
        source: 'pc-analytics',
        asOf: '2026-11-01T00:00:00.000Z',
        product: 'OFFICE 365 ENTERPRISE E3',
        sold: 40,
        assigned: 30,
      };
      await (await openCache()).upsert([cached]);
      const { code } = await sync(cloud, join(t.dir, 'data'));
      expect(code).to.equal(1);
      const after = (await (await openCache()).records()).filter((r) => r.customer.tenantId === tenant);
      expect(after).to.deep.equal([cached]);
    });

    it('writes each run down for the bot: what it synced and who failed, or why it stopped', async () => {
      const data = join(t.dir, 'data');
      const last = async (): Promise<SyncRun | null> => (await (await openSyncLog(await openStorage(storageConfig))).read()).last;
      expect((await sync(cloud, data, '--customer', 'tailspin')).code).to.equal(0);
      const one = await last();
      expect(one).to.deep.include({ trigger: 'command', only: 'Tailspin Toys' });
      expect(one!.outcome).to.deep.equal({ kind: 'done', synced: 1, skipped: 0, failedCount: 0, failed: [], analyticsFailure: null });
      expect(Date.parse(one!.finishedAt)).to.be.at.least(Date.parse(one!.startedAt));
      const fine = await cli(cloud, data, 'status');
      expect(fine.code).to.equal(0);
      expect(fine.stdout.trim().split('\n').at(-1)).to.match(
        /^Last sync \("adoption sync", Tailspin Toys only, \d{4}-\d\d-\d\d \d\d:\d\d UTC to \d\d:\d\d\): 1 customer synced, 0 failed\.$/,
      );
      await sync(cloud, data);
      const all = await last();
      expect(all).to.deep.include({ trigger: 'command', only: null });
      expect(all!.outcome).to.deep.equal({
        kind: 'done',
        synced: 2,
        skipped: 0,
        failedCount: 1,
        failed: [
          { customer: 'Fabrikam Inc', reason: "Microsoft Graph: no consent in the customer's tenant (Authorization_IdentityNotFound)" },
        ],
        analyticsFailure: null,
      });
      // `adoption status` says so too, and exits 1 for a monitor.
      const failing = await cli(cloud, data, 'status');
      expect(failing.code).to.equal(1);
      expect(failing.stdout.trim().split('\n').at(-1)).to.equal(
        "Failed: Fabrikam Inc: Microsoft Graph: no consent in the customer's tenant (Authorization_IdentityNotFound).",
      );
      // Partner Center gone: the sync stops before any customer, and says why.
      await cloud.close();
      const stopped = await sync(cloud, data);
      expect(stopped.code).to.equal(1);
      const outcome = (await last())!.outcome;
      expect(outcome.kind).to.equal('stopped');
      expect(stopped.stderr).to.include(`Sync stopped: ${(outcome as { reason: string }).reason}.`);
      cloud = await FakeCloud.start(cloudOptions(), t.dir);
    });

    it('finishes a sync that stopped: --since leaves out customers already synced that day', async () => {
      const first = await sync(cloud, join(t.dir, 'data'));
      expect(first.code).to.equal(1);
      const before = cloud.requests.length;
      const today = new Date().toISOString().slice(0, 10);
      const { code, stdout } = await sync(cloud, join(t.dir, 'data'), '--since', today);
      expect(code).to.equal(1);
      const lines = stdout.trim().split('\n');
      expect(lines[0]).to.equal(
        "FAILED   Fabrikam Inc: Microsoft Graph: no consent in the customer's tenant (Authorization_IdentityNotFound).",
      );
      expect(lines.at(-1)).to.match(/^Synced 0 customer\(s\), 1 failed, 2 already synced; \d+ row\(s\) read in \d+\.\d s\.$/);
      const again = cloud.requests.slice(before).filter((r) => r.path.startsWith('/v1/customers/'));
      expect(new Set(again.map((r) => r.path.split('/')[3]))).to.deep.equal(new Set([FABRIKAM.id]));
    });

    it('signs an admin in once, then keeps the refresh token Entra rotates on every use', async () => {
      const data = join(t.dir, 'data');
      const env: Record<string, string | undefined> = { ...process.env, ...cloud.env(), ...storageEnv, ADOPTION_DATA_DIR: data };
      delete env['ADOPTION_PARTNER_REFRESH_TOKEN'];
      const port = await freePort();
      const login = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'login', '--port', String(port)], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      login.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      for (let i = 0; !/^https:\S+$/m.test(out); i++) {
        if (i > 200) throw new Error(`no sign-in address:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // The browser: the sign-in page sends it back to the local redirect with a code.
      const signIn = new URL(/^https:\S+$/m.exec(out)![0]);
      const location = await new Promise<string>((resolve, reject) => {
        httpsGet(signIn, { ca: readFileSync(cloud.caFile) }, (res) => resolve(res.headers.location ?? '')).on('error', reject);
      });
      expect(new URL(location).origin).to.equal(`http://localhost:${port}`);
      expect(await (await fetch(location)).text()).to.equal('Signed in. You can close this tab.');
      const [exitCode] = (await once(login, 'exit')) as [number];
      expect(exitCode).to.equal(0);
      expect(out).to.include('Signed in as admin@partner.example.');
      expect((await stat(join(data, 'partner-center-tokens.json'))).mode & 0o777).to.equal(0o600);

      for (let i = 0; i < 2; i++) {
        const { code, stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sync'], { env }).then(
          (r) => ({ code: 0, stdout: r.stdout }),
          (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
        );
        expect(code).to.equal(1);
        expect(stdout).not.to.include('Partner Center analytics');
      }
      // Two App+User calls a sync (deployment and usage analytics), each with the newest token: each use rotated and saved it.
      expect(cloud.refreshTokensPresented).to.deep.equal([
        'refresh-token-rotated-1',
        'refresh-token-rotated-2',
        'refresh-token-rotated-3',
        'refresh-token-rotated-4',
      ]);
    });

    it("replaces a customer's synced sources whole: what Partner Center no longer returns is gone, imported files stay", async () => {
      const tenant = CONTOSO.tenantId.toLowerCase();
      const cancelled: SubscriptionRecord = {
        kind: 'subscription',
        key: `subscription|${tenant}|cancelled-sub`,
        customer: { tenantId: tenant, name: null },
        source: 'pc-subscriptions',
        asOf: '2026-11-01T00:00:00.000Z',
        subscriptionId: 'cancelled-sub',
        offerKey: 'CFQ7TTC0LFLX:0002',
        offerName: 'Office 365 E3',
        status: 'active',
        quantity: 50,
        isTrial: false,
        attentionNeeded: false,
        billingCycle: 'monthly',
        creationDate: null,
      };
      const imported: DeploymentRecord = {
        kind: 'deployment',
        key: `deployment|${tenant}|pc-legacy-analytics|e3`,
        customer: { tenantId: tenant, name: 'Contoso Ltd' },
        source: 'pc-legacy-analytics',
        asOf: '2026-11-01T00:00:00.000Z',
        product: 'OFFICE 365 ENTERPRISE E3',
        sold: 20,
        assigned: 10,
      };
      await (await openCache()).upsert([cancelled, imported]);
      await sync(cloud, join(t.dir, 'data'));
      const records = (await (await openCache()).records()).filter((r) => r.customer.tenantId === tenant);
      expect(records.filter((r) => r.kind === 'subscription').map((r) => (r as SubscriptionRecord).subscriptionId)).to.deep.equal([
        'c0ffee01-sub1',
        'c0ffee01-sub2',
        'c0ffee01-sub3',
      ]);
      expect(records.filter((r) => r.source === 'pc-legacy-analytics')).to.deep.equal([imported]);
    });

    it('syncs one customer by a forgiving name', async () => {
      const { code, stdout } = await sync(cloud, join(t.dir, 'data'), '--customer', 'tailspin');
      expect(code).to.equal(0);
      expect(stdout.trim().split('\n')[0]).to.equal('ok       Tailspin Toys: 12 row(s) read -> 14 record(s)');
      expect(cloud.requests.filter((r) => r.path.includes(CONTOSO.id))).to.deep.equal([]);
    });

    it('syncs a tenant whose Microsoft 365 Apps report has no rows: the report adds nothing, and its old figures go', async () => {
      await sync(cloud, join(t.dir, 'data'), '--customer', 'tailspin');
      const tenant = TAILSPIN.tenantId.toLowerCase();
      const apps = async (): Promise<UsageRecord[]> =>
        (await (await openCache()).records()).filter(
          (r): r is UsageRecord => r.customer.tenantId === tenant && r.source === 'graph-m365-apps-user-detail',
        );
      expect((await apps()).map((r) => r.active)).to.deep.equal([1]);
      // The tenant no longer has anyone on the Microsoft 365 Apps: Graph sends the header alone.
      await cloud.close();
      const options = cloudOptions();
      cloud = await FakeCloud.start(
        {
          ...options,
          customers: options.customers.map((c) =>
            c.id === TAILSPIN.id ? { ...c, reports: { ...c.reports, getM365AppUserDetail: appsUserCsv([]) } } : c,
          ),
        },
        t.dir,
      );
      const { code, stdout } = await sync(cloud, join(t.dir, 'data'), '--customer', 'tailspin');
      expect(code).to.equal(0);
      expect(stdout.trim().split('\n')[0]).to.equal('ok       Tailspin Toys: 11 row(s) read -> 13 record(s)');
      expect(await apps()).to.deep.equal([]);
    });

    it('says which settings are missing before it calls anything', async () => {
      const { code, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sync'], {
        env: { ...process.env, ...storageEnv, ADOPTION_DATA_DIR: join(t.dir, 'data'), ADOPTION_CLIENT_ID: 'app-client-id' },
      }).then(
        (r) => ({ code: 0, stderr: r.stderr }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
      expect(code).to.equal(2);
      expect(stderr.trim()).to.equal(
        'adoption sync needs ADOPTION_PARTNER_TENANT_ID, ADOPTION_CLIENT_SECRET. See "Setting up the sync" in the README; until then, import exported files with "adoption import".',
      );
      expect(cloud.requests).to.deep.equal([]);
    });

    it('leaves the cache whole when the sync is killed mid-way: finished customers in, the rest as they were', async () => {
      await cloud.close();
      cloud = await FakeCloud.start({ ...cloudOptions(), hang: [`/v1/customers/${TAILSPIN.id}/subscriptions`] }, t.dir);
      const kept: DeploymentRecord = {
        kind: 'deployment',
        key: `deployment|${TAILSPIN.tenantId}|pc-analytics|6fd2c87f-b296-42f0-b197-1e91e994b900`,
        customer: { tenantId: TAILSPIN.tenantId, name: 'TAILSPIN TOYS' },
        source: 'pc-analytics',
        asOf: '2026-11-01T00:00:00.000Z',
        product: 'OFFICE 365 ENTERPRISE E3',
        sold: 8,
        assigned: 4,
      };
      await (await openCache()).upsert([kept]);
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sync'], {
        env: { ...process.env, ...cloud.env(), ...storageEnv, ADOPTION_DATA_DIR: join(t.dir, 'data') },
        stdio: 'ignore',
      });
      const contoso = CONTOSO.tenantId.toLowerCase();
      for (let i = 0; ; i++) {
        const records = await (await openCache()).records();
        if (records.some((r) => r.customer.tenantId === contoso)) break;
        if (i > 200) throw new Error('Contoso was never written');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill('SIGKILL');
      await once(child, 'exit');
      const records = await (await openCache()).records();
      expect(records.filter((r) => r.customer.tenantId === contoso)).to.have.length(16);
      expect(records.filter((r) => r.customer.tenantId === TAILSPIN.tenantId)).to.deep.equal([kept]);
    });

    it('runs in two bot instances on the same schedule: one syncs and evaluates at a time, each alert goes out once', async function () {
      this.timeout(90_000);
      // Something cached already, so the bots do not load the demo portfolio.
      await (await openCache()).upsert([FABRIKAM_SEED]);
      const connector = await LocalConnector.start();
      const watcher = { id: 'a:watcher', conversationType: 'personal' };
      const state = await openBotState(await openStorage(storageConfig));
      await state.update((s) => {
        remember(s, {
          id: watcher.id,
          kind: 'personal',
          tenantId: null,
          serviceUrl: connector.url,
          channelId: 'msteams',
          bot: { id: '28:b', name: 'Adoption' },
          teamId: null,
          teamName: null,
          name: 'Megan',
        });
        subscribe(s, { conversationId: watcher.id, customer: null, belowPercent: 80, by: 'Megan', since: '2026-11-01T00:00:00.000Z' });
      });
      const logs = ['', ''];
      const bots = await Promise.all(
        [0, 1].map(async (i) => {
          // Every two seconds, in both.
          const bot = scheduledBot('*/2 * * * * *', await freePort());
          bot.stdout!.on('data', (chunk: Buffer) => (logs[i] += chunk.toString()));
          return bot;
        }),
      );
      try {
        const both = (): string => logs.join('\n');
        for (let i = 0; ; i++) {
          const synced = both().split('Synced 2 customer(s), 1 failed').length - 1;
          if (synced >= 2 && both().includes('Scheduled sync skipped: another instance is syncing.')) break;
          if (i > 600) throw new Error(`the instances did not sync twice with one skip:\n${both()}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        for (const bot of bots) {
          bot.kill('SIGTERM');
          if (bot.exitCode === null) await once(bot, 'exit');
        }
      }
      const alerts = connector.to(watcher.id).map((a) => String(a.activity['summary']));
      await connector.close();
      // Contoso and Fabrikam are under 80%: each alerted once, though both instances ran the schedule again and again.
      expect(alerts).to.deep.equal([
        'Contoso Ltd: Deployment is 77.3%, under the 80% threshold. Usage is 71.9%, under the 80% threshold.',
        'Fabrikam Inc: Deployment is 75%, under the 80% threshold.',
      ]);
    });

    it('runs inside the bot on a schedule, and the chat answers from what it synced', async () => {
      await (await openCache()).upsert([FABRIKAM_SEED]);
      const port = await freePort();
      const bot = scheduledBot('* * * * * *', port);
      const connector = await LocalConnector.start();
      try {
        let log = '';
        bot.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
        for (let i = 0; !log.includes('Synced 2 customer(s), 1 failed'); i++) {
          if (i > 300) throw new Error(`no scheduled sync finished:\n${log}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const ask = async (text: string): Promise<SentActivity | undefined> => {
          const conversation = { id: `a:${text}`, conversationType: 'personal' };
          const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'message',
              id: text,
              channelId: 'msteams',
              serviceUrl: connector.url,
              from: { id: '29:u' },
              recipient: { id: '28:b' },
              conversation,
              text,
            }),
          });
          expect(response.status).to.equal(200);
          return connector.to(conversation.id).at(-1);
        };
        expect((await ask('adoption for tailspin'))?.activity['summary']).to.equal('Tailspin Toys: deployment 80%, usage 84.6%');
        expect((await ask('portfolio'))?.activity['summary']).to.match(/^Portfolio: 3 customers, /);
        // The runs are written down once they are logged: the status shows the newest.
        let status: string[] = [];
        for (let i = 0; !status.some((l) => l.startsWith('Last sync')); i++) {
          if (i > 50) throw new Error(`no sync in the status:\n${status.join('\n')}`);
          status = textsOf(cardOf(await ask('when was the data last updated?')));
        }
        const today = new Date().toISOString().slice(0, 10);
        expect(status[0]).to.equal(`Data: 3 customers, newest from ${today}`);
        expect(status.slice(1, 3)).to.deep.equal([
          `Oldest: Fabrikam Inc, data as of 2026-11-01 (${Math.floor((Date.now() - Date.parse('2026-11-01T00:00:00Z')) / 86_400_000)} days old).`,
          '1 customer has data older than 7 days: Fabrikam Inc.',
        ]);
        expect(status[3]).to.equal(
          'From: Partner Center analytics (3 customers), Microsoft Graph active user detail (2 customers), Microsoft Graph Microsoft 365 Apps user detail (2 customers), Partner Center subscriptions (2 customers), Microsoft Graph directory subscriptions (1 customer).',
        );
        expect(status[4]).to.match(
          /^The bot syncs from Partner Center and Microsoft Graph on "\* \* \* \* \* \*" \(UTC\), next at \d{4}-\d\d-\d\d \d\d:\d\d UTC; an admin syncs now with "adoption sync"\.$/,
        );
        expect(status[5]).to.match(/^Last sync \(scheduled, \d{4}-\d\d-\d\d \d\d:\d\d UTC to \d\d:\d\d\): 2 customers synced, 1 failed\.$/);
        expect(status[6]).to.equal(
          "Failed: Fabrikam Inc: Microsoft Graph: no consent in the customer's tenant (Authorization_IdentityNotFound).",
        );
      } finally {
        bot.kill('SIGTERM');
        await once(bot, 'exit');
        await connector.close();
      }
    });
  });
}
