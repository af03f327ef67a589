import { serviceRequestsText } from '../metrics/service-requests.js';
import { attentionText } from '../metrics/subscription-attention.js';
import { unassignedLicenses } from '../metrics/unassigned.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { SizeQuestion } from '../metrics/size.js';
import type { MostQuestion } from '../metrics/most-by.js';
import { percent } from '../metrics/percent.js';
import { strictlyOver, type CountBound } from '../metrics/count-bound.js';
import { productCounts, type IdleQuestion, type LicenseCounts } from '../metrics/unassigned.js';
import type { PageRequest } from './actions.js';
import type { Reply } from './card.js';
import {
  boundText,
  count,
  customersText,
  entitlementsText,
  few,
  inactiveText,
  licensesText,
  name,
  seatsText,
  SIZE_ORDER_TEXT,
  unassignedText,
} from './text.js';
import { customerList, quoted, type ListOf } from './list-cards.js';

/** Customers by how many of something they have: unassigned and inactive licenses, service requests, subscriptions needing attention, licenses sold. */

/** The count a "most" list keeps customers strictly over: 0 (any at all) unless a bound was asked. */
const over = (above: CountBound<'above'> | null): number => (above === null ? 0 : strictlyOver(above));

/**
 * The customers with more than `above` of something (any, when null), or the first `top` of them,
 * titled by how many have it: "12 customers with unassigned licenses", "The 10 customers with the
 * most unassigned licenses, of 12 with any", "No customer has more than 100 unassigned licenses",
 * or `noneAtAll` when nobody has any.
 */
function countedList(
  view: PortfolioView,
  all: readonly CustomerReport[],
  { above, top }: MostQuestion,
  counted: { readonly thing: string; readonly noneAtAll: string },
  list: Omit<ListOf, 'title'>,
  page: PageRequest,
): Reply {
  const more = above === null ? '' : `${boundText(above)} `;
  const customers = top === null ? all : all.slice(0, top);
  const title =
    customers.length < all.length
      ? `The ${count(customers.length)} customers with the most ${counted.thing}, of ${count(all.length)} with any`
      : customers.length > 0
        ? `${customersText(customers.length)} with ${more}${counted.thing}`
        : above === null
          ? counted.noneAtAll
          : `No customer has ${more}${counted.thing}`;
  return customerList(view, customers, { ...list, title }, page);
}

/** "who has the most unused licenses?": each row says how many licenses nobody has, and how many nobody used. */
export function unassignedCard(view: PortfolioView, asked: IdleQuestion, page: PageRequest): Reply {
  const { product } = asked;
  const counts = countsIn(product);
  const of = product === null ? '' : `${name(view.productLabel(product))} `;
  const customers = view.unassigned(over(asked.above), product);
  const sums = customers.map(counts).reduce((s, c) => ({ unassigned: s.unassigned + unassignedLicenses(c), sold: s.sold + c.sold }), {
    unassigned: 0,
    sold: 0,
  });
  return countedList(
    view,
    customers,
    asked,
    { thing: `unassigned ${of}licenses`, noneAtAll: `Every ${of}license sold is assigned` },
    {
      subtitle: `${product === null ? 'Licenses' : `Licenses of the products named like "${name(product)}"`} sold and assigned to nobody, the most first: roll them out with adoption content, or right-size them at renewal. Inactive: assigned, and not used in the last 28 days.`,
      command: `adoption report --unassigned${productOption(product)}`,
      note: (c) => idleNote(counts(c), 'unassigned'),
      totals:
        customers.length === 0
          ? []
          : [
              {
                title: `Over ${customersText(customers.length)}`,
                value: `${count(sums.unassigned)} of ${count(sums.sold)} ${of}licenses unassigned`,
              },
            ],
      order: 'most unassigned first',
    },
    page,
  );
}

/**
 * A customer's counts: over all its products, or over those named like the words (none without
 * one), each customer's counted once however often the card reads them (sums, then rows).
 */
function countsIn(product: string | null): (c: CustomerReport) => LicenseCounts {
  if (product === null) return (c) => c;
  const counted = new Map<CustomerReport, LicenseCounts>();
  return (c) => {
    let counts = counted.get(c);
    if (counts === undefined) {
      counts = productCounts(c, product) ?? { customer: c.customer, sold: 0, assigned: 0, active: 0, entitled: 0 };
      counted.set(c, counts);
    }
    return counts;
  };
}

/** "60 of 100 licenses unassigned · 75 of 120 entitlements inactive", the list's own count first; unassigned only when there are any after inactive. */
function idleNote(c: LicenseCounts, first: 'unassigned' | 'inactive'): string {
  const parts =
    first === 'unassigned' ? [unassignedText(c), inactiveText(c)] : [inactiveText(c), unassignedLicenses(c) > 0 ? unassignedText(c) : ''];
  return parts.filter((part) => part !== '').join(' · ');
}

const productOption = (product: string | null): string => (product === null ? '' : ` --product ${quoted(product)}`);

/** "who has the most inactive users?": each row says how many entitlements nobody used, and how many licenses nobody has. */
export function inactiveCard(view: PortfolioView, asked: IdleQuestion, page: PageRequest): Reply {
  const { product } = asked;
  const counts = countsIn(product);
  const of = product === null ? '' : `${name(view.productLabel(product))} `;
  return countedList(
    view,
    view.inactive(over(asked.above), product),
    asked,
    {
      thing: `inactive ${of}entitlements`,
      noneAtAll: `Everyone entitled to ${of === '' ? 'a product' : name(product!)} was active in the last 28 days`,
    },
    {
      subtitle: `${product === null ? 'Entitlements' : `Entitlements to the products named like "${name(product)}"`} nobody used in the last 28 days, the most first: show the people who have them what they are for, or reassign them. Unassigned: sold, and given to nobody.`,
      command: `adoption report --inactive${productOption(product)}`,
      note: (c) => idleNote(counts(c), 'inactive'),
      order: 'most inactive first',
    },
    page,
  );
}

/** "who has the most support requests?": each row says how many in the last 30 days, and how many are still open. */
export function serviceRequestsCard(view: PortfolioView, asked: MostQuestion, page: PageRequest): Reply {
  const thing = 'service requests in the last 30 days';
  const { above } = asked;
  return countedList(
    view,
    view.serviceRequests(over(above)),
    asked,
    { thing, noneAtAll: `No customer has any ${thing}` },
    {
      subtitle: `Partner Center service requests created in the last 30 days, the most first. ${view.thresholds.supportRequests30Days} or more call for training and for promoting self-support.`,
      command: `adoption report --requests-above ${over(above)}`,
      note: (c) => serviceRequestsText(c.serviceRequests),
      order: 'most requests first',
    },
    page,
  );
}

/** "which subscriptions need attention?": each row names the subscriptions in grace period, suspended, disabled or expired. */
export function attentionCard(view: PortfolioView, page: PageRequest): Reply {
  const customers = view.needingAttention();
  return customerList(
    view,
    customers,
    {
      title:
        customers.length === 0
          ? 'No subscription needs attention: none is in grace period, suspended, disabled or expired'
          : `${customersText(customers.length)} with subscriptions needing attention`,
      subtitle:
        'Subscriptions in their grace period, suspended, disabled (locked out) or expired, from Partner Center (or Graph): renew or reactivate them before the seats are lost, or right-size them with the customer.',
      command: 'adoption report --attention',
      note: (c) => c.subscriptionsNeedingAttention.map(attentionText).join(' · '),
      order: 'most subscriptions first',
    },
    page,
  );
}

/**
 * "biggest customers", "top 10 customers by seats", "customers with more than 100 seats": each row
 * with its licenses sold, assigned and used; `shown` keeps the first so many. Of one product
 * ("biggest E3 customers"): by that product's licenses, each row with its counts.
 */
export function sizeCard(
  view: PortfolioView,
  question: SizeQuestion,
  shown: number | null,
  product: string | null,
  page: PageRequest,
): Reply {
  const ranked = view.bySize(question, product);
  const customers = shown === null ? ranked : ranked.slice(0, shown);
  const { order, seats } = question;
  const label = product === null ? null : name(view.productLabel(product));
  const within = seats === null ? '' : ` with ${seatsText(seats, label)}`;
  const by = label === null ? ' by licenses sold' : ` by ${label} licenses sold`;
  const counts = countsIn(product);
  const title =
    customers.length === 0
      ? `No customer${within || ' with licenses sold'}`
      : customers.length < ranked.length
        ? `The ${few(customers.length)}${order} of ${customersText(ranked.length)}${within || by}`
        : `${customersText(customers.length)}${within || by}`;
  return customerList(
    view,
    customers,
    {
      title,
      subtitle:
        'Licenses sold: Partner Center deployment analytics or subscribed SKUs, or Graph subscribed SKUs. A customer known from usage reports alone has no count and is left out.',
      command: `adoption report --${order}${seats === null ? '' : ` --seats-${seats.side} ${seats.count}`}${productOption(product)}`,
      note: (c) => {
        // A product's counts make their own percents; the customer's are its report's.
        const n = counts(c);
        const own = product === null;
        return [
          licensesText(n.assigned, n.sold, own ? c.deploymentPercent : percent(n.assigned, n.sold)),
          entitlementsText(n.active, n.entitled, own ? c.usagePercent : percent(n.active, n.entitled)),
        ].join(' · ');
      },
      order: SIZE_ORDER_TEXT[order],
    },
    page,
  );
}
