import { expect } from 'chai';
import sinon from 'sinon';
import { loadConfig } from '../../src/config.js';
import { PortfolioCache } from '../../src/portfolio/portfolio-cache.js';
import { doc, ok, tempStore, type TempStore } from '../helpers.js';
import { BACKENDS } from '../shared-azurite.js';

const NOW = new Date('2026-11-25T09:00:00Z');

for (const backend of BACKENDS) {
  describe(`the portfolio kept between turns (${backend})`, () => {
    let t: TempStore;
    beforeEach(async () => {
      t = await tempStore(backend);
      ok((await t.import([doc('commercial-deployment-license.json')]))[0]);
    });
    afterEach(async () => {
      sinon.restore();
      await t.dispose();
    });

    it('computes once for turns that arrive together, and again when the cache changes', async () => {
      const records = sinon.spy(t.store, 'records');
      const cache = new PortfolioCache(t.store, loadConfig({}), () => NOW);
      const [a, b] = await Promise.all([cache.view(), cache.view()]);
      expect(a).to.equal(b);
      expect(records.callCount).to.equal(1);
      expect(await cache.view()).to.equal(a);
      ok((await t.import([doc('graph-subscribedskus.json')], { customerName: 'Northwind Traders', tenantId: 'northwind.example' }))[0]);
      const after = await cache.view();
      expect(records.callCount).to.equal(2);
      expect(after.customers.length).to.equal(a.customers.length + 1);
    });

    it('gives a turn that sees a newer cache the newer portfolio, not the one still being computed', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const records = t.store.records.bind(t.store);
      // The first computation reads the cache as it is now, then takes its time.
      sinon
        .stub(t.store, 'records')
        .onFirstCall()
        .callsFake(async () => {
          const snapshot = await records();
          await held;
          return snapshot;
        })
        .callThrough();
      const cache = new PortfolioCache(t.store, loadConfig({}), () => NOW);
      const older = cache.view();
      ok((await t.import([doc('graph-subscribedskus.json')], { customerName: 'Northwind Traders', tenantId: 'northwind.example' }))[0]);
      const newer = cache.view();
      release();
      const [first, second] = await Promise.all([older, newer]);
      expect(second.customers.map((c) => c.customer)).to.include('Northwind Traders');
      expect(second.customers.length).to.equal(first.customers.length + 1);
      // The slower, older computation does not replace the newer one.
      expect(await cache.view()).to.equal(second);
    });
  });
}
