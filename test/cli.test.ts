import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { DEMO_A_TO_Z, DEMO_TO_ACT_ON, doc } from './helpers.js';
import { openStorage, type StorageConfig } from '../src/data/store/storage.js';
import { BACKENDS, storageFor } from './shared-azurite.js';

const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it: a real process, its own data folder. */
for (const backend of BACKENDS) {
  describe(`the adoption command line (${backend})`, function () {
    this.timeout(60_000);
    let dataDir: string;
    let where: { config: StorageConfig; env: Record<string, string> };
    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'adoption-cli-'));
      where = await storageFor(backend, dataDir);
    });
    after(() => rm(dataDir, { recursive: true, force: true }));

    /**
     * A report option's test on a demo cache of its own. The options read the cache through the same
     * store interface on either backend, so these run on lowdb only (CI has 15 minutes); what the
     * backend does change (import, refusal, history, the JSON contract) runs on both.
     */
    const optionTest = (title: string, test: () => Promise<void>): void => {
      if (backend === 'lowdb') it(title, test);
    };

    async function adoption(...args: string[]): Promise<Result> {
      return adoptionIn(where.env, ...args);
    }

    async function adoptionIn(env: Record<string, string>, ...args: string[]): Promise<Result> {
      try {
        const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
          env: { ...process.env, ...env },
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    }

    /** The customers `adoption report --json ARGS` lists, in its order; the command must succeed. */
    async function reportedIn(env: Record<string, string>, ...args: string[]): Promise<string[]> {
      const r = await adoptionIn(env, 'report', '--json', ...args);
      expect(r.code, r.stderr).to.equal(0);
      return (JSON.parse(r.stdout) as { customers: { customer: string }[] }).customers.map((c) => c.customer);
    }

    it('imports files of several kinds, one line each, and exits non-zero naming the one it refused', async () => {
      const r = await adoption(
        'import',
        doc('commercial-deployment-license.json'),
        doc('commercial-usage-license.json'),
        doc('teams-user-detail-beta.json'),
      );
      expect(r.code).to.equal(1);
      expect(r.stdout).to.contain(
        'commercial-deployment-license.json: Partner Center deployment analytics, 2 row(s) -> 2 record(s) (2 new, 0 updated)',
      );
      expect(r.stdout).to.contain('warning: read "licenseActive" as "licensesActive" (2 times)');
      expect(r.stderr).to.contain('teams-user-detail-beta.json: a Graph report does not say which customer tenant it comes from.');
    });

    it('prints the JSON contract with exact numbers', async () => {
      const r = await adoption('report', '--json', '--customer', 'test compny');
      expect(r.code).to.equal(0);
      const report = JSON.parse(r.stdout) as { customers: Record<string, unknown>[] };
      expect(report.customers).to.have.length(1);
      expect(report.customers[0]).to.deep.include({
        customer: 'TEST COMPANY',
        tenantId: '0112a436-b14e-4888-967b-ca4bb2cf1234',
        dataAsOf: '2018-10-14T00:00:00.000Z',
        deploymentPercent: 0,
        usagePercent: 0,
      });
      const products = report.customers[0]!['products'] as {
        product: string;
        sold: number | null;
        assigned: number | null;
        deploymentPercent: number | null;
        workloads: unknown[];
      }[];
      expect(products.map((p) => [p.product, p.sold, p.assigned, p.deploymentPercent, p.workloads])).to.deep.equal([
        ['DYNAMICS AX TASK', 9, 0, 0, []],
        ['DOMESTIC AND INTERNATIONAL CALLING PLAN', 5, 0, 0, []],
        [
          'OFFICE 365 ENTERPRISE E3',
          null,
          null,
          null,
          [{ workload: 'SharePoint with OneDrive', active: 0, entitled: 1, usagePercent: 0, source: 'pc-analytics' }],
        ],
        [
          'EXCHANGE ONLINE PROTECTION',
          null,
          null,
          null,
          [{ workload: 'Exchange', active: 0, entitled: 1, usagePercent: 0, source: 'pc-analytics' }],
        ],
      ]);
      const flags = report.customers[0]!['flags'] as { code: string }[];
      expect(flags.map((f) => f.code)).to.deep.equal(['stale-data']);
    });

    it('lists the candidates and exits non-zero when a name matches several customers', async () => {
      await adoption('import', '--customer', 'Test Company Two', doc('service-requests.json'));
      const r = await adoption('report', '--customer', 'test');
      expect(r.code).to.equal(1);
      expect(r.stderr).to.equal('"test" matches several customers; say which:\n  TEST COMPANY\n  Test Company Two\n');
      const exact = await adoption('report', '--json', '--customer', 'test company');
      expect((JSON.parse(exact.stdout) as { customers: { customer: string }[] }).customers.map((c) => c.customer)).to.deep.equal([
        'TEST COMPANY',
      ]);
    });

    it('lists the customers with more than so many service requests in the last 30 days, the most first', async () => {
      // The documented example's one request is from 2015: not in the last 30 days.
      expect(await adoption('report', '--requests-above', '0')).to.deep.include({
        code: 0,
        stdout: 'No customer has more than 0 service requests in the last 30 days.\n',
      });
      // The same answer, three requests from yesterday: status 1 is open, 2 closed (the documented enum's numbers).
      const example = JSON.parse(await readFile(doc('service-requests.json'), 'utf8')) as { items: Record<string, unknown>[] };
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 19);
      const items = [1, 2, 2].map((status, i) => ({ ...example.items[0], id: `recent-${i}`, status, createdDate: yesterday }));
      const recent = join(dataDir, 'recent-requests.json');
      await writeFile(recent, JSON.stringify({ ...example, totalCount: 3, items }));
      expect((await adoption('import', '--customer', 'Test Company Two', recent)).code).to.equal(0);
      const json = (...args: string[]) => adoption('report', '--json', ...args).then((r) => JSON.parse(r.stdout) as PortfolioJson);
      type PortfolioJson = { customers: { customer: string; serviceRequests: { last30Days: number; open: number } }[] };
      const busy = await json('--requests-above', '2');
      expect(busy.customers.map((c) => [c.customer, c.serviceRequests])).to.deep.equal([['Test Company Two', { last30Days: 3, open: 1 }]]);
      expect((await json('--requests-above', '3')).customers).to.deep.equal([]);
      const text = await adoption('report', '--requests-above', '2');
      expect(text.stdout).to.include('3 service requests in the last 30 days (1 still open); the threshold is 3');
      expect((await adoption('report', '--requests-above', 'many')).stderr).to.include(
        'give a whole number of service requests, such as 3',
      );
      // Known from its service requests alone: no usage figures, as --without "usage data" says.
      expect(await reportedIn(where.env, '--without', 'usage data')).to.deep.equal(['Test Company Two']);
      expect(await adoption('report', '--without', 'usage figures', '--customer', 'test company')).to.deep.include({
        code: 0,
        stdout: 'No customer lacks usage figures.\n',
      });
    });

    it('lists the customers with subscriptions in grace period, suspended or locked out, read from Graph as documented', async () => {
      expect(await adoption('report', '--attention')).to.deep.include({
        code: 0,
        stdout: 'No customer has a subscription needing attention.\n',
      });
      // The documented companySubscription, as a tenant in trouble would show it: one of each status.
      const example = JSON.parse(await readFile(doc('graph-directory-subscriptions.json'), 'utf8')) as { value: Record<string, unknown>[] };
      const value = [
        ['Enabled', 25],
        ['Warning', 10],
        ['Suspended', 5],
        ['LockedOut', 3],
      ].map(([status, totalLicenses], i) => ({ ...example.value[0], id: `sub-${i}`, status, totalLicenses }));
      const troubled = join(dataDir, 'troubled-subscriptions.json');
      await writeFile(troubled, JSON.stringify({ value }));
      expect(
        (await adoption('import', '--customer', 'Graph Tenant', '--tenant', '331af819-4e0b-49f7-a6bf-14e1165ad3a0', troubled)).code,
      ).to.equal(0);
      const json = JSON.parse((await adoption('report', '--json', '--attention')).stdout) as {
        customers: { customer: string; subscriptionsNeedingAttention: unknown[] }[];
      };
      expect(json.customers.map((c) => [c.customer, c.subscriptionsNeedingAttention])).to.deep.equal([
        [
          'Graph Tenant',
          [
            { offer: 'MyPartNumber', seats: 10, reason: 'grace' },
            { offer: 'MyPartNumber', seats: 5, reason: 'suspended' },
            { offer: 'MyPartNumber', seats: 3, reason: 'disabled' },
          ],
        ],
      ]);
      expect((await adoption('report', '--attention')).stdout).to.include(
        'Needs attention: MyPartNumber: 10 seats in grace period (renew it, or the seats lapse) · MyPartNumber: 5 seats suspended · MyPartNumber: 3 seats disabled (locked out)',
      );
    });

    it('lists the customers below or above a percent of deployment, usage or one workload', async () => {
      const names = (...args: string[]): Promise<string[]> => reportedIn(where.env, ...args);
      expect(await names('--below', '50', '--measure', 'exchange')).to.deep.equal(['TEST COMPANY']);
      // The documented example's customer uses nothing: at 0%, not below it.
      expect(await names('--at-most', '0', '--measure', 'exchange')).to.deep.equal(['TEST COMPANY']);
      expect(await adoption('report', '--below', '0', '--measure', 'exchange')).to.deep.include({
        code: 0,
        stdout: 'No customer has Exchange usage below 0%.\n',
      });
      expect(await names('--at-least', '0', '--measure', 'deployment')).to.deep.equal(['TEST COMPANY']);
      expect(await adoption('report', '--at-least', '0.1', '--measure', 'deployment')).to.deep.include({
        code: 0,
        stdout: 'No customer has deployment at least 0.1%.\n',
      });
      const none = await adoption('report', '--above', '90', '--measure', 'deployment');
      expect(none).to.deep.include({ code: 0, stdout: 'No customer has deployment above 90%.\n' });
      // --measure alone: every customer with that number, lowest first.
      expect(await names('--measure', 'exchange')).to.deep.equal(['TEST COMPANY']);
      const unread = await adoption('report', '--measure', 'teams');
      expect(unread).to.deep.include({ code: 0, stdout: 'No customer has Teams usage figures.\n' });
      const unknown = await adoption('report', '--below', '50', '--measure', 'rockets');
      expect(unknown.code).to.equal(1);
      expect(unknown.stderr).to.contain(
        "argument 'rockets' is invalid. give deployment, usage or a workload: Exchange, SharePoint with OneDrive, Teams, Yammer",
      );
    });

    optionTest('lists the customers with licenses sold and assigned to nobody, or entitlements nobody used, the most first', async () => {
      const test = await adoption('report', '--json', '--unassigned');
      expect((JSON.parse(test.stdout) as { customers: { customer: string }[] }).customers.map((c) => c.customer)).to.deep.equal([
        'TEST COMPANY',
      ]);
      const none = await adoption('report', '--unassigned', '--above', '50');
      expect(none).to.deep.include({ code: 0, stdout: 'No customer is above 50% and has unassigned licenses.\n' });
      const demo = await storageFor(backend, await mkdtemp(join(tmpdir(), 'adoption-cli-unassigned-')));
      try {
        const r = await adoptionIn(demo.env, 'report', '--json', '--unassigned');
        expect(r.code, r.stderr).to.equal(0);
        const customers = (JSON.parse(r.stdout) as { customers: { customer: string; sold: number; assigned: number }[] }).customers;
        expect(customers.slice(0, 4).map((c) => [c.customer, c.sold - c.assigned])).to.deep.equal([
          ['Fabrikam Inc', 60],
          ['Fourth Coffee', 25],
          ['Woodgrove Bank', 20],
          ['Contoso Ltd', 15],
        ]);
        expect(customers).to.have.length(12);
        // --inactive: entitlements nobody used, the most first (87 each: more unassigned first).
        const inactive = await adoptionIn(demo.env, 'report', '--json', '--inactive');
        const idle = (JSON.parse(inactive.stdout) as { customers: { customer: string; entitled: number; active: number }[] }).customers;
        expect(idle.slice(0, 4).map((c) => [c.customer, c.entitled - c.active])).to.deep.equal([
          ['Contoso Ltd', 94],
          ['Fourth Coffee', 87],
          ['Coho Winery', 87],
          ['Fabrikam Inc', 75],
        ]);
        expect(idle).to.have.length(11);
        // --product: the licenses of those products are counted (Fabrikam, the most unassigned, has no E3).
        const e3 = await adoptionIn(demo.env, 'report', '--json', '--unassigned', '--product', 'E3');
        const names = (JSON.parse(e3.stdout) as { customers: { customer: string }[] }).customers.map((c) => c.customer);
        // 20, 15, 10 and 10 (Proseware's E3 entitlements the more inactive), 5, 3, 2.
        expect(names).to.deep.equal([
          'Woodgrove Bank',
          'Contoso Ltd',
          'Proseware',
          'Adventure Works',
          'Northwind Traders',
          'Coho Winery',
          'Wingtip Toys',
        ]);
      } finally {
        await rm(demo.env['ADOPTION_DATA_DIR']!, { recursive: true, force: true });
      }
    });

    optionTest('lists the customers A to Z with --by-name, after the other options choose them', async () => {
      const demo = await storageFor(backend, await mkdtemp(join(tmpdir(), 'adoption-cli-by-name-')));
      try {
        const names = (...args: string[]): Promise<string[]> => reportedIn(demo.env, ...args);
        expect(await names('--by-name')).to.deep.equal(DEMO_A_TO_Z);
        expect(await names('--below', '80', '--by-name')).to.deep.equal([
          'Alpine Ski House',
          'Coho Winery',
          'Fabrikam Inc',
          'Fourth Coffee',
          'Proseware',
        ]);
      } finally {
        await rm(demo.env['ADOPTION_DATA_DIR']!, { recursive: true, force: true });
      }
    });

    optionTest('lists the customers by licenses sold, the largest or smallest first, within a seat count', async () => {
      const demo = await storageFor(backend, await mkdtemp(join(tmpdir(), 'adoption-cli-size-')));
      try {
        const names = (...args: string[]): Promise<string[]> => reportedIn(demo.env, ...args);
        expect((await names('--largest')).slice(0, 3)).to.deep.equal(['Contoso Ltd', 'Fourth Coffee', 'Woodgrove Bank']);
        expect((await names('--smallest')).slice(0, 2)).to.deep.equal(['Tailspin Toys', 'Wingtip Toys']);
        expect(await names('--seats-above', '100')).to.deep.equal(['Contoso Ltd', 'Fourth Coffee', 'Woodgrove Bank']);
        expect(await names('--seats-below', '40')).to.deep.equal(['Tailspin Toys', 'Wingtip Toys']);
        // Of one product: its licenses (Fourth Coffee's 150 Business Premium before Fabrikam's 100, its 20 Dynamics aside).
        expect(await names('--largest', '--product', 'business premium')).to.deep.equal([
          'Fourth Coffee',
          'Fabrikam Inc',
          'Litware Inc',
          'Alpine Ski House',
          'Tailspin Toys',
        ]);
        const fewer = await adoptionIn(demo.env, 'report', '--seats-above', '160', '--product', 'business premium');
        // Fourth Coffee has 170 licenses in all, 150 of them Business Premium.
        expect(fewer).to.deep.include({
          code: 0,
          stdout: 'No customer has a product named like "business premium" and has more than 160 licenses sold.\n',
        });
        const none = await adoptionIn(demo.env, 'report', '--seats-above', '1000');
        expect(none).to.deep.include({ code: 0, stdout: 'No customer has more than 1000 licenses sold.\n' });
        const both = await adoptionIn(demo.env, 'report', '--largest', '--smallest');
        expect(both.code).to.equal(1);
        expect(both.stderr).to.contain("option '--largest' cannot be used with option '--smallest'");
      } finally {
        await rm(demo.env['ADOPTION_DATA_DIR']!, { recursive: true, force: true });
      }
    });

    optionTest('lists the customers with a product, or without it (or without a workload), as the chat does', async () => {
      const demo = await storageFor(backend, await mkdtemp(join(tmpdir(), 'adoption-cli-product-')));
      try {
        const names = (...args: string[]): Promise<string[]> => reportedIn(demo.env, ...args);
        expect(await names('--product', 'dynamics sales')).to.deep.equal(['Fourth Coffee']);
        expect(await names('--without', 'E3')).to.deep.equal([
          'Fourth Coffee',
          'Fabrikam Inc',
          'Litware Inc',
          'Alpine Ski House',
          'Tailspin Toys',
        ]);
        expect(await names('--without', 'onedrive')).to.deep.equal(['Adventure Works', 'Proseware']);
        const none = await adoptionIn(demo.env, 'report', '--product', 'E3', '--without', 'teams');
        expect(none).to.deep.include({ code: 0, stdout: 'No customer has a product named like "E3" and lacks Teams entitlements.\n' });
      } finally {
        await rm(demo.env['ADOPTION_DATA_DIR']!, { recursive: true, force: true });
      }
    });

    optionTest('lists every product over the customers, the most licenses sold first, as the chat does', async () => {
      const demo = await storageFor(backend, await mkdtemp(join(tmpdir(), 'adoption-cli-products-')));
      try {
        const json = await adoptionIn(demo.env, 'products', '--json');
        expect(json.code, json.stderr).to.equal(0);
        type Total = {
          product: string;
          customers: number;
          sold: number | null;
          active: number;
          entitled: number;
          usagePercent: number | null;
        };
        const rows = (stdout: string) =>
          (JSON.parse(stdout) as Total[]).map((t) => [t.product, t.customers, t.sold, t.active, t.entitled, t.usagePercent]);
        expect(rows(json.stdout)).to.deep.equal([
          ['OFFICE 365 ENTERPRISE E3', 6, 640, 1451, 1671, 86.8],
          ['MICROSOFT 365 BUSINESS PREMIUM', 5, 385, 619, 834, 74.2],
          ['SPE_E3', 1, 35, 0, 0, null],
          ['DYNAMICS 365 SALES ENTERPRISE', 1, 20, 13, 17, 76.5],
          ['Microsoft 365 users', 2, null, 84, 103, 81.6],
        ]);
        const table = await adoptionIn(demo.env, 'products');
        expect(table.stdout.split('\n')).to.include(
          '│ OFFICE 365 ENTERPRISE E3       │ 6         │ 640  │ 577      │ 90.2%      │ 1451   │ 1671     │ 86.8% │',
        );
        // By one number, lowest first (as "which product has the lowest usage?"), or highest; those without it last.
        const byUsage = await adoptionIn(demo.env, 'products', '--measure', 'usage', '--json');
        expect(rows(byUsage.stdout).map(([product]) => product)).to.deep.equal([
          'MICROSOFT 365 BUSINESS PREMIUM',
          'DYNAMICS 365 SALES ENTERPRISE',
          'Microsoft 365 users',
          'OFFICE 365 ENTERPRISE E3',
          'SPE_E3',
        ]);
        const byDeployment = await adoptionIn(demo.env, 'products', '--measure', 'deployment', '--highest', '--json');
        expect(rows(byDeployment.stdout).map(([product]) => product)).to.deep.equal([
          'SPE_E3',
          'OFFICE 365 ENTERPRISE E3',
          'DYNAMICS 365 SALES ENTERPRISE',
          'MICROSOFT 365 BUSINESS PREMIUM',
          'Microsoft 365 users',
        ]);
        const alone = await adoptionIn(demo.env, 'products', '--highest');
        expect(alone.code).to.equal(1);
        expect(alone.stderr).to.contain('error: --highest lists by --measure: add --measure deployment or usage');
      } finally {
        await rm(demo.env['ADOPTION_DATA_DIR']!, { recursive: true, force: true });
      }
    });

    optionTest('lists every workload over the customers, the least used first, as the chat does', async () => {
      const demo = await storageFor(backend, await mkdtemp(join(tmpdir(), 'adoption-cli-workloads-')));
      try {
        const json = await adoptionIn(demo.env, 'workloads', '--json');
        expect(json.code, json.stderr).to.equal(0);
        expect(JSON.parse(json.stdout)).to.deep.equal([
          { workload: 'SharePoint with OneDrive', customers: 10, low: 2, active: 566, entitled: 792, usagePercent: 71.5 },
          { workload: 'Dynamics', customers: 1, low: 0, active: 13, entitled: 17, usagePercent: 76.5 },
          { workload: 'Teams', customers: 12, low: 2, active: 737, entitled: 888, usagePercent: 83 },
          { workload: 'Exchange', customers: 12, low: 1, active: 781, entitled: 888, usagePercent: 88 },
          { workload: 'Yammer', customers: 1, low: 0, active: 70, entitled: 40, usagePercent: 175 },
        ]);
        const table = await adoptionIn(demo.env, 'workloads', '--highest');
        const rows = table.stdout.split('\n').filter((line) => /^│ [A-Z]/.test(line));
        expect(rows.slice(0, 2)).to.deep.equal([
          '│ Workload                 │ Customers │ Under 50% │ Active │ Entitled │ Usage │',
          '│ Yammer                   │ 1         │ 0         │ 70     │ 40       │ 175%  │',
        ]);
        // The usage threshold in force decides who is low in each.
        const higher = await adoptionIn({ ...demo.env, ADOPTION_USAGE_LOW_PERCENT: '85' }, 'workloads', '--json');
        expect((JSON.parse(higher.stdout) as { workload: string; low: number }[]).map((t) => [t.workload, t.low])).to.deep.equal([
          ['SharePoint with OneDrive', 10],
          ['Dynamics', 1],
          ['Teams', 6],
          ['Exchange', 3],
          ['Yammer', 0],
        ]);
      } finally {
        await rm(demo.env['ADOPTION_DATA_DIR']!, { recursive: true, force: true });
      }
    });

    optionTest('lists the customers new, or with a subscription created, in the last so many days, the newest first', async () => {
      const demo = await storageFor(backend, await mkdtemp(join(tmpdir(), 'adoption-cli-new-')));
      try {
        type Started = { customer: string; subscriptionStarts: { offer: string; createdOn: string | null; trial: boolean }[] };
        const started = async (...options: string[]): Promise<Started[]> => {
          const json = await adoptionIn(demo.env, 'report', '--json', ...options);
          expect(json.code, json.stderr).to.equal(0);
          return (JSON.parse(json.stdout) as { customers: Started[] }).customers;
        };
        // Tailspin's Teams Premium trial was created at 10:12, 15 days before the demo's day, which moves with today:
        // 14 days 13 hours 48 minutes before today's midnight, whatever the hour now.
        const bought = await started('--new-subscriptions', '16');
        expect(bought.map((c) => c.customer)).to.deep.equal(['Tailspin Toys']);
        const created = bought[0]!.subscriptionStarts[0]!;
        expect([created.offer, created.trial]).to.deep.equal(['Microsoft Teams Premium Trial', true]);
        const midnight = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
        expect(midnight - Date.parse(created.createdOn!)).to.equal(((14 * 24 + 13) * 60 + 48) * 60_000);
        expect(await started('--new-subscriptions', '14')).to.deep.equal([]);
        // Their other subscriptions are about ten months old: new within the last year, not the last 30 days.
        expect((await started('--new-customers', '365')).map((c) => c.customer)).to.deep.equal(['Tailspin Toys', 'Woodgrove Bank']);
        expect(await adoptionIn(demo.env, 'report', '--new-customers', '30')).to.deep.include({
          code: 0,
          stdout: 'No customer is new (every subscription created) in the last 30 days.\n',
        });
        const both = await adoptionIn(demo.env, 'report', '--new-customers', '30', '--new-subscriptions', '30');
        expect(both.code).to.equal(1);
        expect(both.stderr).to.contain("option '--new-customers <days>' cannot be used with option '--new-subscriptions <days>'");
      } finally {
        await rm(demo.env['ADOPTION_DATA_DIR']!, { recursive: true, force: true });
      }
    });

    optionTest(
      'lists the customers whose subscriptions renew or trials end within so many days, the soonest first, each with its renewals',
      async () => {
        const demo = await storageFor(backend, await mkdtemp(join(tmpdir(), 'adoption-cli-renewing-')));
        try {
          const json = await adoptionIn(demo.env, 'report', '--json', '--renewing', '90');
          expect(json.code, json.stderr).to.equal(0);
          type Renewing = { customer: string; renewals: { offer: string; seats: number; autoRenew: boolean | null; trial: boolean }[] };
          const customers = (JSON.parse(json.stdout) as { customers: Renewing[] }).customers;
          expect(customers.map((c) => [c.customer, c.renewals.map((r) => [r.offer, r.seats, r.autoRenew, r.trial])])).to.deep.equal([
            [
              'Tailspin Toys',
              [
                ['Microsoft Teams Premium Trial', 5, true, true],
                ['Microsoft 365 Business Premium', 20, false, false],
              ],
            ],
            ['Woodgrove Bank', [['Office 365 E3', 100, true, false]]],
          ]);
          const text = await adoptionIn(demo.env, 'report', '--renewing', '30');
          expect(text.stdout).to.match(/^Tailspin Toys /);
          expect(text.stdout).to.match(
            /\n {2}Renewals: Microsoft Teams Premium Trial: 5-seat trial ends \d{4}-\d{2}-\d{2}, in 15 days \(auto-renew on\) · Microsoft 365 Business Premium: 20 seats end \d{4}-\d{2}-\d{2}, in 65 days \(auto-renew off\)\n/,
          );
          expect(text.stdout).to.match(/\n {2}Renewals: Office 365 E3: 100 seats renew \d{4}-\d{2}-\d{2}, in 30 days\n/);
          const trials = await adoptionIn(demo.env, 'report', '--json', '--trials');
          expect((JSON.parse(trials.stdout) as { customers: Renewing[] }).customers.map((c) => c.customer)).to.deep.equal([
            'Tailspin Toys',
          ]);
          const lapsing = await adoptionIn(demo.env, 'report', '--json', '--lapsing');
          expect((JSON.parse(lapsing.stdout) as { customers: Renewing[] }).customers.map((c) => c.customer)).to.deep.equal([
            'Tailspin Toys',
          ]);
          // At risk: every renewal of a customer under a threshold, and every one with auto-renew off.
          const names = async (env: Record<string, string>): Promise<string[]> =>
            (JSON.parse((await adoptionIn(env, 'report', '--json', '--at-risk')).stdout) as { customers: Renewing[] }).customers.map(
              (c) => c.customer,
            );
          expect(await names(demo.env)).to.deep.equal(['Tailspin Toys']);
          // With usage under 95% called low, Tailspin's trial (15 days) and Woodgrove's renewal (30 days) are at risk too.
          expect(await names({ ...demo.env, ADOPTION_USAGE_LOW_PERCENT: '95' })).to.deep.equal(['Tailspin Toys', 'Woodgrove Bank']);
          const both = await adoptionIn(demo.env, 'report', '--lapsing', '--trials');
          expect(both.code).to.equal(1);
          expect(both.stderr).to.contain("option '--lapsing' cannot be used with option '--trials'");
          const noTrial = await adoptionIn(demo.env, 'report', '--trials', '--renewing', '14');
          expect(noTrial).to.deep.include({ code: 0, stdout: 'No customer has a trial ending in the next 14 days.\n' });
          const none = await adoptionIn(demo.env, 'report', '--renewing', '10');
          expect(none).to.deep.include({ code: 0, stdout: 'No customer has a subscription renewing in the next 10 days.\n' });
          // A month: its renewals alone (Woodgrove renews in 30 days, Tailspin's paid term ends in 65, its trial in 15).
          type Dated = { customer: string; renewals: { renewsOn: string }[] };
          const dated = (JSON.parse(json.stdout) as { customers: Dated[] }).customers;
          const monthOf = (days: number): string =>
            new Date(Date.now() + days * 86_400_000).toLocaleString('en', { month: 'long', timeZone: 'UTC' }).toLowerCase();
          const endingIn = (days: number): string[] => {
            const month = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 7);
            return dated.filter((c) => c.renewals.some((r) => r.renewsOn.startsWith(month))).map((c) => c.customer);
          };
          const inMonth = async (month: string): Promise<string[]> =>
            (
              JSON.parse((await adoptionIn(demo.env, 'report', '--json', '--renewing', month)).stdout) as { customers: Renewing[] }
            ).customers.map((c) => c.customer);
          expect(await inMonth(monthOf(30)))
            .to.deep.equal(endingIn(30))
            .and.include('Woodgrove Bank');
          expect(await inMonth(monthOf(65)))
            .to.deep.equal(endingIn(65))
            .and.include('Tailspin Toys')
            .and.not.include('Woodgrove Bank');
          const neither = monthOf(150);
          expect(await adoptionIn(demo.env, 'report', '--renewing', neither)).to.deep.include({
            code: 0,
            stdout: `No customer has a subscription renewing in ${neither[0]!.toUpperCase()}${neither.slice(1)}.\n`,
          });
          // A calendar quarter: its renewals alone (Tailspin's paid term ends in its quarter, 65 days on).
          const quarterOf = (days: number): { name: string; from: string; to: string } => {
            const at = new Date(Date.now() + days * 86_400_000);
            const [year, q] = [at.getUTCFullYear(), Math.floor(at.getUTCMonth() / 3)];
            const day = (month: number, date: number): string => new Date(Date.UTC(year, month, date)).toISOString().slice(0, 10);
            return { name: `q${q + 1}`, from: day(q * 3, 1), to: day(q * 3 + 3, 0) };
          };
          const quarter = quarterOf(65);
          expect(await inMonth(quarter.name))
            .to.deep.equal(
              dated
                .filter((c) => c.renewals.some((r) => r.renewsOn.slice(0, 10) >= quarter.from && r.renewsOn.slice(0, 10) <= quarter.to))
                .map((c) => c.customer),
            )
            .and.include('Tailspin Toys');
          const unreadable = await adoptionIn(demo.env, 'report', '--renewing', 'soon');
          expect(unreadable.code).to.equal(1);
          expect(unreadable.stderr).to.contain(
            "option '--renewing <days|month|quarter>' argument 'soon' is invalid. give a whole number of days, such as 30, a month, such as december, or a quarter, such as q1",
          );
        } finally {
          await rm(demo.env['ADOPTION_DATA_DIR']!, { recursive: true, force: true });
        }
      },
    );

    optionTest('lists the customers to act on, the most urgent first, as the chat does for "what should I do?"', async () => {
      const demo = await storageFor(backend, await mkdtemp(join(tmpdir(), 'adoption-cli-actions-')));
      try {
        const r = await adoptionIn(demo.env, 'report', '--json', '--actions');
        expect(r.code, r.stderr).to.equal(0);
        const customers = (JSON.parse(r.stdout) as { customers: { customer: string }[] }).customers;
        expect(customers.map((c) => c.customer)).to.deep.equal([...DEMO_TO_ACT_ON]);
        const none = await adoptionIn(demo.env, 'report', '--actions', '--above', '95');
        expect(none).to.deep.include({
          code: 0,
          stdout:
            'No customer is above 95% and has a suggested action, a subscription needing attention, a trial ending soon or old data.\n',
        });
      } finally {
        await rm(demo.env['ADOPTION_DATA_DIR']!, { recursive: true, force: true });
      }
    });

    it('lists only the customers with one flag or recommendation, and refuses a code it does not know', async () => {
      const stale = await adoption('report', '--json', '--with', 'stale-data');
      expect(stale.code).to.equal(0);
      expect((JSON.parse(stale.stdout) as { customers: { customer: string }[] }).customers.map((c) => c.customer)).to.deep.equal([
        'TEST COMPANY',
      ]);
      const none = await adoption('report', '--with', 'trial-subscription', '--below', '50');
      expect(none).to.deep.include({ code: 0, stdout: 'No customer is below 50% and has trial-subscription.\n' });
      const unknown = await adoption('report', '--with', 'rockets');
      expect(unknown.code).to.equal(1);
      expect(unknown.stderr).to.contain("argument 'rockets' is invalid. Allowed choices are license-transfer, duplicate-subscription,");
    });

    it('exports one CSV row per customer x product x workload', async () => {
      const out = join(dataDir, 'export.csv');
      const r = await adoption('export', '--format', 'csv', '--out', out);
      expect(r.code).to.equal(0);
      const lines = (await readFile(out, 'utf8')).trim().split('\n');
      expect(lines[0]).to.equal(
        'customer,tenantId,dataAsOf,customerDeploymentPercent,customerUsagePercent,product,sold,assigned,deploymentPercent,workload,active,entitled,usagePercent,source,flags,recommendations',
      );
      expect(lines).to.have.length(5);
      expect(lines).to.include(
        'TEST COMPANY,0112a436-b14e-4888-967b-ca4bb2cf1234,2018-10-14T00:00:00.000Z,0,0,EXCHANGE ONLINE PROTECTION,,,,Exchange,0,1,0,pc-analytics,stale-data,adoption-content',
      );
      const nowhere = join(dataDir, 'no-such-folder', 'export.csv');
      expect(await adoption('export', '--out', nowhere)).to.deep.include({
        code: 1,
        stderr: `Cannot write ${nowhere}: its folder does not exist. Give --out a file path in a folder you may write to.\n`,
      });
      expect(await adoption('export', '--out', dataDir)).to.deep.include({
        code: 1,
        stderr: `Cannot write ${dataDir}: it is a folder. Give --out a file path in a folder you may write to.\n`,
      });
    });

    it('says how a customer moved since the sync a week ago', async () => {
      const store = (await openStorage(where.config)).cache;
      const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
      await store.recordHistory([
        { customerKey: '0112a436-b14e-4888-967b-ca4bb2cf1234', point: { day: weekAgo, deploymentPercent: 10, usagePercent: null } },
      ]);
      const r = await adoption('report', '--customer', 'test company');
      expect(r.code).to.equal(0);
      expect(r.stdout.split('\n')).to.include(`  Trend: deployment ▼ down 10 pts in 7 days (since ${weekAgo})`);
      const fell = await adoption('report', '--json', '--falling');
      expect((JSON.parse(fell.stdout) as { customers: { customer: string }[] }).customers.map((c) => c.customer)).to.deep.equal([
        'TEST COMPANY',
      ]);
      // --days looks further back, for the trend line and for --falling / --rising.
      const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
      await store.recordHistory([
        { customerKey: '0112a436-b14e-4888-967b-ca4bb2cf1234', point: { day: monthAgo, deploymentPercent: 25, usagePercent: 5 } },
      ]);
      const month = await adoption('report', '--customer', 'test company', '--falling', '--days', '30');
      expect(month.stdout.split('\n')).to.include(
        `  Trend: deployment ▼ down 25 pts in 30 days (since ${monthAgo}) · usage ▼ down 5 pts in 30 days (since ${monthAgo})`,
      );
      const rose = await adoption('report', '--customer', 'test company', '--rising', '--days', '30');
      expect([rose.code, rose.stdout.trim()]).to.deep.equal([0, 'No customer went up since a month or more ago.']);
      // Either way: the fall above is a move.
      const moved = await adoption('report', '--json', '--moving', '--days', '30');
      expect((JSON.parse(moved.stdout) as { customers: { customer: string }[] }).customers.map((c) => c.customer)).to.deep.equal([
        'TEST COMPANY',
      ]);
      // One number's move, by more than so many points: usage fell 5, deployment 25.
      const names = (r: { stdout: string }): string[] =>
        (JSON.parse(r.stdout) as { customers: { customer: string }[] }).customers.map((c) => c.customer);
      const usageFell = ['report', '--falling', '--days', '30', '--measure', 'usage', '--more-than'];
      expect(names(await adoption(...usageFell, '4.5', '--json'))).to.deep.equal(['TEST COMPANY']);
      const notSoFar = await adoption(...usageFell, '5');
      expect([notSoFar.code, notSoFar.stdout.trim()]).to.deep.equal([
        0,
        'No customer had its usage go down by more than 5 points since a month or more ago.',
      ]);
      expect(
        names(await adoption('report', '--falling', '--days', '30', '--measure', 'deployment', '--more-than', '20 points', '--json')),
      ).to.deep.equal(['TEST COMPANY']);
      expect(await adoption('report', '--more-than', '5')).to.deep.include({
        code: 1,
        stderr: '--more-than counts the points of a move: give it with --falling, --rising or --moving.\n',
      });
      // A workload's move, from the points that kept it: Exchange 40% a month ago, 0% today.
      await store.recordHistory([
        {
          customerKey: '0112a436-b14e-4888-967b-ca4bb2cf1234',
          point: { day: monthAgo, deploymentPercent: 25, usagePercent: 5, workloadUsage: { Exchange: 40 } },
        },
      ]);
      expect(
        names(await adoption('report', '--falling', '--days', '30', '--measure', 'exchange', '--more-than', '39', '--json')),
      ).to.deep.equal(['TEST COMPANY']);
      const teams = await adoption('report', '--falling', '--days', '30', '--measure', 'teams');
      expect([teams.code, teams.stdout.trim()]).to.deep.equal([0, 'No customer had its Teams usage go down since a month or more ago.']);
      const still = await adoption('report', '--moving', '--above', '50');
      expect([still.code, still.stdout.trim()]).to.deep.equal([0, 'No customer is above 50% and moved since a week or more ago.']);
      const both = await adoption('report', '--falling', '--rising');
      expect(both.code).to.equal(1);
      expect(both.stderr).to.include("error: option '--falling' cannot be used with option '--rising'");
      const alsoMoving = await adoption('report', '--rising', '--moving');
      expect(alsoMoving.code).to.equal(1);
      expect(alsoMoving.stderr).to.include("error: option '--rising' cannot be used with option '--moving'");
      const zero = await adoption('report', '--falling', '--days', '0');
      expect(zero.code).to.equal(1);
      expect(zero.stderr).to.include('give a whole number of days, such as 30');
    });

    it("shows Partner Center's partner-wide figures (the legacy usage example) before any customer is in", async () => {
      const own = await storageFor(backend, await mkdtemp(join(tmpdir(), 'adoption-cli-partner-')));
      try {
        expect((await adoptionIn(own.env, 'import', doc('partner-licenses-usage.json'))).code).to.equal(0);
        const r = await adoptionIn(own.env, 'report');
        expect(r.code).to.equal(0);
        expect(r.stdout.trimEnd().split('\n')).to.deep.equal([
          'No customers in the cache yet: import files with `adoption import FILE...`.',
          '',
          "Partner Center's partner-wide figures (legacy analytics, prorated):",
          '  - usage crm Dynamics: 0% (as of 2017-03-10)',
          '  - usage crm SharePoint with OneDrive: 0% (as of 2017-03-10)',
          '  - usage o365 Exchange: 0% (as of 2017-03-09)',
          '  - usage o365 SharePoint with OneDrive: 0% (as of 2017-03-09)',
          '  - usage o365 Skype for Business: 0% (as of 2017-03-09)',
        ]);
      } finally {
        await rm(own.env['ADOPTION_DATA_DIR']!, { recursive: true, force: true });
      }
    });

    it('refuses a counts report at the line and column of a cell that is not a count; reads it once fixed', async () => {
      const header =
        'Report Refresh Date,Exchange Active,Exchange Inactive,OneDrive Active,OneDrive Inactive,SharePoint Active,SharePoint Inactive,Skype For Business Active,Skype For Business Inactive,Yammer Active,Yammer Inactive,Teams Active,Teams Inactive,Office 365 Active,Office 365 Inactive,Report Period';
      const good = '2026-11-20,1,2,3,4,5,6,7,8,9,10,11,12,13,14,7';
      const file = join(dataDir, 'counts.csv');
      await writeFile(file, `\uFEFF${header}\r\n${good}\r\n2026-11-21,1,x,3,4,5,6,7,8,9,10,11,12,13,14,7\r\n`);
      const refused = await adoption('import', '--customer', 'Woodgrove', file);
      expect(refused.code).to.equal(1);
      expect(refused.stderr).to.contain(`${file} at line 3, column 3: "Exchange Inactive" is not a count of users ("x").`);
      await writeFile(file, `\uFEFF${header}\r\n${good}\r\n`);
      expect((await adoption('import', '--customer', 'Woodgrove', file)).code).to.equal(0);
      const r = await adoption('report', '--customer', 'woodgrove');
      // Usage alone: Exchange 1 of 3, SharePoint with OneDrive 5 of 11 (the larger of each), Skype 7 of 15, Yammer 9 of 19, Teams 11 of 23.
      expect(r.stdout.split('\n')[1]).to.equal('  Deployment — (no license counts yet) · Usage 46.5% (33 of 71 entitlements active)');
    });
  });
}
