import type { SubscriptionRecord } from '../data/records.js';
import { DAY_MS } from '../time.js';
import { preferredSource } from './preferred-source.js';
import type { CustomerReport, SubscriptionStart } from './report-types.js';

/**
 * When a customer bought what: its subscriptions' creation dates (Partner Center creationDate,
 * Graph createdDateTime). The oldest says since when it is a customer; the newest, what it bought lately.
 */

/** How far back "new customers" and "new subscriptions" look unless asked otherwise. */
export const NEW_DAYS = 30;

/**
 * The customer's subscriptions, from one source (Partner Center before Graph), the newest first and
 * those the source gave no creation date last.
 */
export function subscriptionStarts(subscriptions: readonly SubscriptionRecord[]): SubscriptionStart[] {
  const source = preferredSource(subscriptions);
  return subscriptions
    .flatMap((s) => (s.source !== source ? [] : [{ offer: s.offerName, seats: s.quantity, createdOn: s.creationDate, trial: s.isTrial }]))
    .sort((a, b) => (b.createdOn ?? '').localeCompare(a.createdOn ?? '') || a.offer.localeCompare(b.offer));
}

/** Whether any of the customer's subscriptions has a creation date: whether "new" can be told of it. */
export const hasStartDates = (c: Pick<CustomerReport, 'subscriptionStarts'>): boolean =>
  c.subscriptionStarts.some((s) => s.createdOn !== null);

/** What "new" asks about: customers whose first subscription is recent, or any subscription created lately. */
export type NewWhat = 'customers' | 'subscriptions';

/** The subscriptions a customer started in the `days` up to `asOf` (ISO time), the newest first. */
export function startedWithin(c: Pick<CustomerReport, 'subscriptionStarts'>, asOf: string, days: number): SubscriptionStart[] {
  const since = Date.parse(asOf) - days * DAY_MS;
  return c.subscriptionStarts.filter((s) => s.createdOn !== null && Date.parse(s.createdOn) >= since);
}

/**
 * The customers new in the `days` up to `asOf`: whose every subscription was created in them, by
 * the dates their source gave (customers), or who started any subscription in them (subscriptions); the newest first, then by name.
 */
export function newWithin<C extends Pick<CustomerReport, 'customer' | 'subscriptionStarts'>>(
  customers: readonly C[],
  what: NewWhat,
  asOf: string,
  days: number,
): C[] {
  return customers
    .flatMap((c) => {
      const recent = startedWithin(c, asOf, days);
      const isNew = what === 'customers' ? recent.length > 0 && recent.length === c.subscriptionStarts.length : recent.length > 0;
      return isNew ? [{ c, newest: recent[0]!.createdOn! }] : [];
    })
    .sort((a, b) => b.newest.localeCompare(a.newest) || a.c.customer.localeCompare(b.c.customer))
    .map(({ c }) => c);
}
