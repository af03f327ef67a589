import { expect } from 'chai';
import { attentionText, mostNeedingAttention, subscriptionsNeedingAttention } from '../../src/metrics/subscription-attention.js';
import { reportOf, subscription } from '../helpers.js';

describe('subscriptions needing attention', () => {
  it('lists those in grace period, suspended, disabled or expired, from one source, the most seats first', () => {
    const attention = subscriptionsNeedingAttention([
      subscription('live'),
      subscription('grace', { attentionNeeded: true, quantity: 5 }),
      subscription('suspended', { status: 'suspended', quantity: 25 }),
      subscription('locked', { status: 'disabled', quantity: 1 }),
      subscription('ended', { status: 'expired', quantity: 5 }),
      // Cancelled on purpose, or not live yet: nothing to act on.
      subscription('cancelled', { status: 'deleted', quantity: 50 }),
      subscription('pending', { status: 'pending', quantity: 50 }),
      // The same subscriptions as Graph names them: Partner Center's serve.
      subscription('graph', { status: 'suspended', source: 'graph-directory-subscriptions', quantity: 99 }),
    ]);
    expect(attention).to.deep.equal([
      { offer: 'Offer suspended', seats: 25, reason: 'suspended' },
      { offer: 'Offer ended', seats: 5, reason: 'expired' },
      { offer: 'Offer grace', seats: 5, reason: 'grace' },
      { offer: 'Offer locked', seats: 1, reason: 'disabled' },
    ]);
    expect(attention.map(attentionText)).to.deep.equal([
      'Offer suspended: 25 seats suspended',
      'Offer ended: 5 seats expired',
      'Offer grace: 5 seats in grace period (renew it, or the seats lapse)',
      'Offer locked: 1 seat disabled (locked out)',
    ]);
    // Graph alone: its statuses count.
    expect(
      subscriptionsNeedingAttention([subscription('graph', { status: 'suspended', source: 'graph-directory-subscriptions' })]),
    ).to.deep.equal([{ offer: 'Offer graph', seats: 10, reason: 'suspended' }]);
  });

  it('lists the customers with any, the most such subscriptions first, then the most seats in them, then by name', () => {
    const one = (seats: number) => ({ offer: 'E3', seats, reason: 'suspended' as const });
    const customers = [
      reportOf('Zeta', { subscriptionsNeedingAttention: [one(5)] }),
      reportOf('Alpha', { subscriptionsNeedingAttention: [one(5)] }),
      reportOf('Busy', { subscriptionsNeedingAttention: [one(1), one(1)] }),
      reportOf('Large', { subscriptionsNeedingAttention: [one(40)] }),
      reportOf('Fine'),
    ];
    expect(mostNeedingAttention(customers).map((c) => c.customer)).to.deep.equal(['Busy', 'Large', 'Alpha', 'Zeta']);
  });
});
