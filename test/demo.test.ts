import { expect } from 'chai';
import { tempStore, type TempStore } from './helpers.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { portfolioReport } from '../src/metrics/portfolio.js';
import { customerKey } from '../src/metrics/customer-key.js';
import { moves, trend } from '../src/metrics/trend.js';
import { FLAG_CODES, RECOMMENDATION_CODES } from '../src/metrics/report-types.js';
import { BACKENDS } from './shared-azurite.js';
import { DEFAULT_LINKS, DEFAULT_THRESHOLDS } from '../src/metrics/thresholds.js';

for (const backend of BACKENDS) {
  describe(`the demo portfolio (${backend})`, () => {
    let t: TempStore;
    beforeEach(async () => (t = await tempStore(backend)));
    afterEach(() => t.dispose());

    it('loads through the import path and shows every flag and recommendation beside healthy customers', async () => {
      const today = new Date('2027-03-01T09:00:00Z');
      const outcomes = await loadDemo(t.store, today);
      expect(outcomes.filter((o) => !o.ok)).to.deep.equal([]);
      const { customers } = portfolioReport(await t.store.records(), today, DEFAULT_THRESHOLDS, DEFAULT_LINKS);
      expect(customers).to.have.length(12);
      const flags = new Set(customers.flatMap((c) => c.flags.map((f) => f.code)));
      const advice = new Set(customers.flatMap((c) => c.recommendations.map((r) => r.code)));
      expect([...flags].sort()).to.deep.equal(FLAG_CODES.filter((c) => c !== 'usage-above-100-unexplained').sort());
      expect([...advice].sort()).to.deep.equal([...RECOMMENDATION_CODES].sort());
      const healthy = customers.filter((c) => c.flags.length === 0 && c.recommendations.length === 0).map((c) => c.customer);
      expect(healthy).to.deep.equal(['Alpine Ski House', 'Fourth Coffee']);
      const northwind = customers.find((c) => c.customer === 'Northwind Traders')!;
      expect(northwind.flags[0]!.evidence).to.deep.include({
        active: 52,
        entitled: 50,
        deletedActiveUsers: 5,
        licensesAssignedInWindow: 5,
      });
      expect(customers.find((c) => c.customer === 'Proseware')!.flags.map((f) => f.evidence['ageDays'])).to.deep.equal([21]);
      expect(customers.find((c) => c.customer === 'Contoso Ltd')!.dataAsOf).to.equal('2027-03-01T00:00:00.000Z');
    });

    it('comes with the weekly history its syncs would have kept, moved to today, so two customers went down', async () => {
      const today = new Date('2027-03-01T09:00:00Z');
      await loadDemo(t.store, today);
      const history = await t.store.history();
      expect(history.size).to.equal(12);
      const coho = history.get('0000000b-0000-4000-8000-c0ffee00000b')!;
      expect(coho).to.have.length(12);
      // Each workload moved as its usage did, in proportion: Coho's Teams is 28.6% on the demo's day.
      expect(coho[0]).to.deep.equal({
        day: '2026-12-07',
        deploymentPercent: 93.3,
        usagePercent: 52,
        workloadUsage: { Exchange: 72, 'SharePoint with OneDrive': 36, Teams: 48 },
      });
      expect(coho.at(-1)).to.deep.equal({
        day: '2027-02-22',
        deploymentPercent: 93.3,
        usagePercent: 38,
        workloadUsage: { Exchange: 52.6, 'SharePoint with OneDrive': 26.3, Teams: 35.1 },
      });
      // Proseware's data went stale three weeks ago, and its syncs' points stop there.
      expect(
        history
          .get('00000008-0000-4000-8000-c0ffee000008')!
          .map((p) => p.day)
          .at(-1),
      ).to.equal('2027-02-08');
      const { customers } = portfolioReport(await t.store.records(), today, DEFAULT_THRESHOLDS, DEFAULT_LINKS);
      const fell = moves(customers, { direction: 'down' }, (c) => trend(history.get(customerKey(c)) ?? [], c, '2027-03-01'));
      expect(fell.map((f) => [f.customer.customer, f.points, f.trend.deploymentChange, f.trend.usageChange])).to.deep.equal([
        ['Coho Winery', 7, 0, -7],
        ['Fabrikam Inc', 6.5, -1, -6.5],
      ]);
    });
  });
}
