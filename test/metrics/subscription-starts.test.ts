import { expect } from 'chai';
import { hasStartDates, newWithin, startedWithin, subscriptionStarts } from '../../src/metrics/subscription-starts.js';
import type { SubscriptionStart } from '../../src/metrics/report-types.js';
import { reportOf, subscription } from '../helpers.js';

const AS_OF = '2026-11-25T12:00:00.000Z';
const start = (offer: string, createdOn: string | null, fields: Partial<SubscriptionStart> = {}): SubscriptionStart => ({
  offer,
  seats: 10,
  createdOn,
  trial: false,
  ...fields,
});

describe('subscription starts', () => {
  it('lists a customer’s subscriptions from one source, the newest first and the undated last', () => {
    expect(
      subscriptionStarts([
        subscription('old', { creationDate: '2025-03-01T00:00:00Z' }),
        subscription('undated'),
        subscription('trial', { creationDate: '2026-11-05T10:12:00Z', isTrial: true, quantity: 5 }),
        subscription('cancelled', { creationDate: '2026-11-20T00:00:00Z', status: 'deleted', quantity: 1 }),
        // The same subscriptions as Graph names them: Partner Center's serve.
        subscription('graph', { creationDate: '2026-11-24T00:00:00Z', source: 'graph-directory-subscriptions' }),
      ]),
    ).to.deep.equal([
      { offer: 'Offer cancelled', seats: 1, createdOn: '2026-11-20T00:00:00Z', trial: false },
      { offer: 'Offer trial', seats: 5, createdOn: '2026-11-05T10:12:00Z', trial: true },
      { offer: 'Offer old', seats: 10, createdOn: '2025-03-01T00:00:00Z', trial: false },
      { offer: 'Offer undated', seats: 10, createdOn: null, trial: false },
    ]);
  });

  it('counts a subscription created exactly the span before as within it, and one a second earlier as not', () => {
    const c = reportOf('Contoso', {
      subscriptionStarts: [start('Edge', '2026-10-26T12:00:00.000Z'), start('Before', '2026-10-26T11:59:59.000Z'), start('Undated', null)],
    });
    expect(startedWithin(c, AS_OF, 30).map((s) => s.offer)).to.deep.equal(['Edge']);
    expect(startedWithin(c, AS_OF, 31).map((s) => s.offer)).to.deep.equal(['Edge', 'Before']);
  });

  it('tells new customers (every subscription recent) from customers who bought lately, the newest first, then by name', () => {
    const customers = [
      // Every subscription in the last 30 days: new.
      reportOf('Zeta', { subscriptionStarts: [start('E3', '2026-11-10T00:00:00Z'), start('Teams Premium', '2026-11-01T00:00:00Z')] }),
      reportOf('Alpha', { subscriptionStarts: [start('E3', '2026-11-10T00:00:00Z')] }),
      // A customer for years that added a trial: bought lately, not new.
      reportOf('Beta', { subscriptionStarts: [start('Trial', '2026-11-20T00:00:00Z'), start('E3', '2024-01-01T00:00:00Z')] }),
      // One subscription with no date: maybe old, so not new.
      reportOf('Gamma', { subscriptionStarts: [start('E5', '2026-11-22T00:00:00Z'), start('E3', null)] }),
      reportOf('Delta', { subscriptionStarts: [start('E3', '2026-09-01T00:00:00Z')] }),
      reportOf('Epsilon'),
    ];
    expect(newWithin(customers, 'customers', AS_OF, 30).map((c) => c.customer)).to.deep.equal(['Alpha', 'Zeta']);
    expect(newWithin(customers, 'subscriptions', AS_OF, 30).map((c) => c.customer)).to.deep.equal(['Gamma', 'Beta', 'Alpha', 'Zeta']);
    expect(newWithin(customers, 'customers', AS_OF, 90).map((c) => c.customer)).to.deep.equal(['Alpha', 'Zeta', 'Delta']);
    expect(customers.filter(hasStartDates).map((c) => c.customer)).to.deep.equal(['Zeta', 'Alpha', 'Beta', 'Gamma', 'Delta']);
  });
});
