import { expect } from 'chai';
import type { SubscriptionRecord } from '../../src/data/records.js';
import { daysUntil, renewalsOf } from '../../src/metrics/renewals.js';

const customer = { tenantId: 't', name: 'Contoso' };
const subscription = (id: string, fields: Partial<SubscriptionRecord>): SubscriptionRecord => ({
  kind: 'subscription',
  key: `subscription|t|${id}`,
  customer,
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

describe('renewals', () => {
  it('lists live, paid subscriptions with a known end of term from one source, soonest first', () => {
    const renewals = renewalsOf([
      subscription('later', { renewsOn: '2027-03-01T00:00:00.000Z', autoRenew: true }),
      subscription('sooner', { renewsOn: '2026-12-25T00:00:00.000Z', autoRenew: false, quantity: 100 }),
      subscription('trial', { renewsOn: '2026-12-01T00:00:00.000Z', isTrial: true }),
      subscription('suspended', { renewsOn: '2026-12-02T00:00:00.000Z', status: 'suspended' }),
      subscription('unknown', {}),
      // The same subscriptions as Graph names them: Partner Center's serve.
      subscription('graph', { renewsOn: '2026-12-03T00:00:00.000Z', source: 'graph-directory-subscriptions' }),
    ]);
    expect(renewals).to.deep.equal([
      { offer: 'Offer sooner', seats: 100, renewsOn: '2026-12-25T00:00:00.000Z', autoRenew: false },
      { offer: 'Offer later', seats: 10, renewsOn: '2027-03-01T00:00:00.000Z', autoRenew: true },
    ]);
    const graphOnly = renewalsOf([
      subscription('graph', { renewsOn: '2026-12-03T00:00:00.000Z', source: 'graph-directory-subscriptions' }),
    ]);
    expect(graphOnly).to.deep.equal([{ offer: 'Offer graph', seats: 10, renewsOn: '2026-12-03T00:00:00.000Z', autoRenew: null }]);
  });

  it('counts whole days from today to the day of the renewal, whatever the hour', () => {
    const renewal = { offer: 'E3', seats: 1, renewsOn: '2026-12-25T23:00:00.000Z', autoRenew: null };
    expect(daysUntil(renewal, '2026-11-25T12:00:00.000Z')).to.equal(30);
    expect(daysUntil(renewal, '2026-12-25T00:00:00.000Z')).to.equal(0);
    expect(daysUntil(renewal, '2026-12-26T08:00:00.000Z')).to.equal(-1);
  });
});
