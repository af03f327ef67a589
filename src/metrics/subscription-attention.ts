import type { SubscriptionRecord } from '../data/records.js';
import { mostBy } from './most-by.js';
import { preferredSource } from './preferred-source.js';
import type { CustomerReport, SubscriptionAttention } from './report-types.js';

/**
 * Subscriptions a partner must act on before the seats are lost: in their grace period (Graph's
 * "Warning", Partner Center's attentionNeeded), suspended, disabled (Graph's "LockedOut") or
 * expired. Deleted ones were cancelled on purpose and are left out.
 */

const REASON_OF: Partial<Record<SubscriptionRecord['status'], SubscriptionAttention['reason']>> = {
  suspended: 'suspended',
  disabled: 'disabled',
  expired: 'expired',
};

/** The customer's subscriptions that need attention, from one source (Partner Center before Graph), the most seats first. */
export function subscriptionsNeedingAttention(subscriptions: readonly SubscriptionRecord[]): SubscriptionAttention[] {
  const source = preferredSource(subscriptions);
  return subscriptions
    .flatMap((s) => {
      const reason = REASON_OF[s.status] ?? (s.status === 'active' && s.attentionNeeded ? 'grace' : undefined);
      return s.source !== source || reason === undefined ? [] : [{ offer: s.offerName, seats: s.quantity, reason }];
    })
    .sort((a, b) => b.seats - a.seats || a.offer.localeCompare(b.offer));
}

const REASON_TEXT: Readonly<Record<SubscriptionAttention['reason'], string>> = {
  grace: 'in grace period (renew it, or the seats lapse)',
  suspended: 'suspended',
  disabled: 'disabled (locked out)',
  expired: 'expired',
};

/** "Office 365 E3: 25 seats suspended". */
export function attentionText(a: SubscriptionAttention): string {
  return `${a.offer}: ${a.seats} seat${a.seats === 1 ? '' : 's'} ${REASON_TEXT[a.reason]}`;
}

/** The customers with a subscription that needs attention, the most such subscriptions first, then the most seats in them. */
export function mostNeedingAttention<C extends Pick<CustomerReport, 'customer' | 'subscriptionsNeedingAttention'>>(
  customers: readonly C[],
): C[] {
  return mostBy(
    customers,
    (c) => c.subscriptionsNeedingAttention.length,
    (c) => c.subscriptionsNeedingAttention.reduce((sum, a) => sum + a.seats, 0),
    0,
  );
}
