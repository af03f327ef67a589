import { expect } from 'chai';
import { activeUserCsv, doc, ok, tempStore, type TempStore } from '../helpers.js';
import { portfolioReport } from '../../src/metrics/portfolio.js';
import { DEFAULT_LINKS, DEFAULT_THRESHOLDS } from '../../src/metrics/thresholds.js';
import { BACKENDS } from '../shared-azurite.js';
import type { CustomerReport } from '../../src/metrics/report-types.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';

function analytics(
  rows: { product: string; sold: number; deployed: number; usage: Record<string, [number, number]> }[],
  processed = '2026-11-20T00:00:00',
): {
  deployment: string;
  usage: string;
} {
  const common = (product: string) => ({
    processedDateTime: processed,
    customerTenantId: TENANT,
    customerName: 'Contoso Ltd',
    productId: product,
    productName: product,
  });
  const deployment = rows.map((r) => ({ ...common(r.product), licensesDeployed: r.deployed, licensesSold: r.sold }));
  const usage = rows.flatMap((r) =>
    Object.entries(r.usage).map(([w, [a, q]]) => ({ ...common(r.product), workloadCode: w, licensesActive: a, licensesQualified: q })),
  );
  return {
    deployment: JSON.stringify({ Value: deployment, '@nextLink': null, TotalCount: deployment.length }),
    usage: JSON.stringify({ Value: usage, TotalCount: usage.length }),
  };
}

for (const backend of BACKENDS) {
  describe(`deployment, usage, flags and advice per customer (${backend})`, () => {
    let t: TempStore;
    beforeEach(async () => (t = await tempStore(backend)));
    afterEach(() => t.dispose());

    async function report(): Promise<CustomerReport> {
      const { customers } = portfolioReport(await t.store.records(), NOW, DEFAULT_THRESHOLDS, DEFAULT_LINKS);
      expect(customers).to.have.length(1);
      return customers[0]!;
    }

    async function load(a: ReturnType<typeof analytics>): Promise<void> {
      for (const o of await t.import([await t.file('d.json', a.deployment), await t.file('u.json', a.usage)])) ok(o);
    }

    it('sums over products and workloads: deployment and usage as sum over sum, rounded to one decimal', async () => {
      await load(
        analytics([
          { product: 'E3', sold: 30, deployed: 20, usage: { EXO: [15, 20], TEAMS: [7, 20] } },
          { product: 'Visio', sold: 3, deployed: 1, usage: { EXO: [1, 1] } },
        ]),
      );
      const r = await report();
      expect([r.sold, r.assigned, r.deploymentPercent]).to.deep.equal([33, 21, 63.6]);
      expect([r.active, r.entitled, r.usagePercent]).to.deep.equal([23, 41, 56.1]);
      expect(r.products.map((p) => [p.product, p.deploymentPercent, p.workloads.map((w) => w.usagePercent)])).to.deep.equal([
        ['E3', 66.7, [75, 35]],
        ['Visio', 33.3, [100]],
      ]);
      expect(r.flags).to.deep.equal([]);
      expect(r.recommendations).to.deep.equal([]);
    });

    it('gives null, not a division by zero, when nothing was sold or nobody is entitled', async () => {
      await load(analytics([{ product: 'E3', sold: 0, deployed: 0, usage: { EXO: [0, 0] } }]));
      const r = await report();
      expect([r.deploymentPercent, r.usagePercent]).to.deep.equal([null, null]);
      expect(r.products[0]!.workloads[0]!.usagePercent).to.equal(null);
    });

    it('shows usage above 100% as it is and, without evidence, says so and what to import', async () => {
      await load(analytics([{ product: 'E3', sold: 20, deployed: 20, usage: { TEAMS: [22, 20] } }]));
      const r = await report();
      expect(r.usagePercent).to.equal(110);
      expect(r.flags.map((f) => f.code)).to.deep.equal(['usage-above-100-unexplained']);
      expect(r.flags[0]!.message).to.contain('Teams usage reads 110% (22 active of 20 entitled)');
    });

    it('explains usage above 100% by license transfer when Graph shows leavers and newcomers', async () => {
      await load(analytics([{ product: 'E3', sold: 3, deployed: 2, usage: { EXO: [3, 2] } }]));
      const csv = activeUserCsv([
        { exchange: { licensed: true, last: '2026-11-18' } },
        { exchange: { licensed: true, last: '2026-11-18', assigned: '2026-11-12' } },
        { deleted: true, exchange: { licensed: true, last: '2026-11-05' } },
      ]);
      ok((await t.import([await t.file('graph.csv', csv)], { tenantId: TENANT }))[0]);
      const r = await report();
      expect(r.usagePercent).to.equal(150);
      const [flag] = r.flags;
      expect(flag?.code).to.equal('license-transfer');
      expect(flag?.evidence).to.deep.include({ active: 3, entitled: 2, deletedActiveUsers: 1, licensesAssignedInWindow: 1 });
      expect(r.products.find((p) => p.product === 'E3')!.workloads[0]!.source).to.equal('pc-analytics');
    });

    it('prefers Partner Center analytics over Graph for the same workload, and uses Graph where it is alone', async () => {
      await load(analytics([{ product: 'E3', sold: 10, deployed: 10, usage: { EXO: [5, 10] } }]));
      const csv = activeUserCsv([
        { exchange: { licensed: true, last: '2026-11-18' }, teams: { licensed: true, last: '2026-11-18' } },
        { teams: { licensed: true } },
      ]);
      ok((await t.import([await t.file('graph.csv', csv)], { customerName: 'contoso ltd' }))[0]);
      const r = await report();
      const rows = r.products.flatMap((p) => p.workloads.map((w) => [p.product, w.workload, w.active, w.entitled, w.source]));
      expect(rows).to.deep.include.members([
        ['E3', 'Exchange', 5, 10, 'pc-analytics'],
        ['Microsoft 365 users', 'Teams', 1, 2, 'graph-active-user-detail'],
      ]);
      expect([r.active, r.entitled, r.usagePercent]).to.deep.equal([6, 12, 50]);
    });

    it('flags Yammer used beyond Yammer licenses', async () => {
      await load(analytics([{ product: 'E3', sold: 50, deployed: 40, usage: { YAM: [70, 40] } }]));
      const r = await report();
      expect(r.flags.map((f) => [f.code, f.evidence])).to.deep.equal([
        ['yammer-overuse', { workload: 'Yammer', activeUsers: 70, entitled: 40 }],
      ]);
    });

    it('makes no Yammer claim from the Yammer report alone (activity, not licenses); flags it once Graph counts Yammer licenses', async () => {
      ok((await t.import([doc('yammer-user-detail-beta.json')], { tenantId: TENANT }))[0]);
      const alone = await report();
      expect(alone.products.flatMap((p) => p.workloads.map((w) => [w.workload, w.active, w.entitled]))).to.deep.equal([
        ['Yammer', 1, null],
      ]);
      expect(alone.flags.map((f) => f.code)).to.deep.equal(['stale-data']);

      // The active user detail counts Yammer licenses: nobody holds one.
      const csv = activeUserCsv([{ exchange: { licensed: true, last: '2026-11-18' } }]);
      ok((await t.import([await t.file('graph.csv', csv)], { tenantId: TENANT }))[0]);
      expect((await report()).flags.map((f) => [f.code, f.evidence])).to.deep.equal([
        ['yammer-overuse', { workload: 'Yammer', activeUsers: 1, entitled: 0 }],
      ]);
    });

    it('flags a trial and two subscriptions for one offer where one is suspended', async () => {
      await load(analytics([{ product: 'E3', sold: 50, deployed: 40, usage: { EXO: [30, 40] } }]));
      const sub = (id: string, offerId: string, name: string, status: string, extra = {}) => ({
        id,
        offerId,
        offerName: name,
        quantity: 10,
        status,
        isTrial: false,
        ...extra,
      });
      const subscriptions = {
        totalCount: 3,
        items: [
          sub('s1', 'CFQ7TTC0LF8Q:0001:A', 'Office 365 E3', 'active'),
          sub('s2', 'CFQ7TTC0LF8Q:0001:B', 'Office 365 E3', 'suspended'),
          sub('s3', 'CFQ7TTC0LDPB:0001:T', 'Teams Premium Trial', 'active', { isTrial: true }),
        ],
        links: { self: { uri: `/customers/${TENANT}/subscriptions` } },
      };
      ok((await t.import([await t.file('subs.json', JSON.stringify(subscriptions))]))[0]);
      const r = await report();
      expect(r.flags.map((f) => f.code)).to.deep.equal(['duplicate-subscription', 'trial-subscription']);
      expect(r.flags[0]!.evidence['subscriptions']).to.deep.equal(['s1 (active, 10 seats)', 's2 (suspended, 10 seats)']);
    });

    it('flags data older than 7 days, saying how old', async () => {
      await load(analytics([{ product: 'E3', sold: 10, deployed: 8, usage: { EXO: [6, 8] } }], '2026-11-10T00:00:00'));
      const r = await report();
      expect(r.flags.map((f) => [f.code, f.evidence['ageDays']])).to.deep.equal([['stale-data', 12]]);
    });

    it('does not flag data exactly 7 days old', async () => {
      await load(analytics([{ product: 'E3', sold: 10, deployed: 8, usage: { EXO: [6, 8] } }], '2026-11-15T00:00:00'));
      expect((await report()).flags).to.deep.equal([]);
    });

    it('advises adoption content for low usage and many unused licenses', async () => {
      await load(analytics([{ product: 'E3', sold: 100, deployed: 40, usage: { EXO: [10, 40] } }]));
      const r = await report();
      expect(r.recommendations.map((x) => [x.code, x.reason])).to.deep.equal([
        ['adoption-content', 'usage 25% is below 50%; deployment 40% is below 60% (60 of 100 licenses unassigned)'],
      ]);
    });

    it('advises training for low usage when no deployment figures are in yet, and says so', async () => {
      const { usage } = analytics([{ product: 'E3', sold: 0, deployed: 0, usage: { EXO: [10, 40] } }]);
      ok((await t.import([await t.file('u.json', usage)]))[0]);
      const r = await report();
      expect(r.deploymentPercent).to.equal(null);
      expect(r.recommendations.map((x) => [x.code, x.reason])).to.deep.equal([
        ['adoption-content', 'usage 25% is below 50%'],
        ['training-upsell', 'usage 25% is below 50% while no deployment figures are in yet'],
      ]);
    });

    it('advises training courses at the upsell boundary of 90% deployment, not below it', async () => {
      await load(analytics([{ product: 'E3', sold: 100, deployed: 90, usage: { EXO: [80, 90] } }]));
      expect((await report()).recommendations.map((x) => x.code)).to.deep.equal(['training-upsell']);
      await t.dispose();
      t = await tempStore(backend);
      await load(analytics([{ product: 'E3', sold: 1000, deployed: 899, usage: { EXO: [800, 899] } }]));
      expect((await report()).recommendations.map((x) => x.code)).to.deep.equal([]);
    });

    it('advises training and self-support after 3 service requests in 30 days', async () => {
      await load(analytics([{ product: 'E3', sold: 100, deployed: 80, usage: { EXO: [70, 80] } }]));
      const request = (id: string, created: string) => ({
        id,
        title: 'How do I?',
        severity: 'minimal',
        status: 'open',
        createdDate: created,
      });
      const two = { totalCount: 2, items: [request('1', '2026-11-01T00:00:00'), request('2', '2026-10-24T00:00:00')] };
      ok((await t.import([await t.file('sr.json', JSON.stringify(two))], { tenantId: TENANT }))[0]);
      expect((await report()).recommendations).to.deep.equal([]);
      const third = { totalCount: 1, items: [request('3', '2026-11-21T00:00:00')] };
      ok((await t.import([await t.file('sr3.json', JSON.stringify(third))], { tenantId: TENANT }))[0]);
      const [advice] = (await report()).recommendations;
      expect(advice?.code).to.equal('training-and-self-support');
      expect(advice?.reason).to.equal('3 service requests in the last 30 days (3 still open); the threshold is 3');
    });
  });
}
