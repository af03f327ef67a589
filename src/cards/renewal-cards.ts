import {
  calendarName,
  calendarOf,
  renewalsWithin,
  windowOf,
  type RenewalScope,
  type RenewalSpan,
  type RenewalWindow,
} from '../metrics/renewals.js';
import type { CustomerReport, Renewal } from '../metrics/report-types.js';
import { isLowAdoption } from '../metrics/portfolio-summary.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { Reply } from './card.js';
import { dayAfter } from '../time.js';
import type { PageRequest } from './actions.js';
import { customerList } from './list-cards.js';
import { count, customersText, renewalText } from './text.js';

/** Customers whose terms or trials end soon: "who renews soon?", "which trials end soon?", "who is not renewing?". */

/**
 * "2 customers renew in the next 90 days", "1 customer renews or ends a trial in …", "1 customer
 * has a trial ending in …", "1 customer has a subscription ending without auto-renew in …".
 */
function renewalsTitle(customers: number, span: string, scope: RenewalScope, trialsListed: boolean): string {
  const one = customers === 1;
  switch (scope) {
    case 'trials':
      return customers === 0
        ? `No trial ends in ${span}`
        : `${customersText(customers)} ${one ? 'has a trial' : 'have trials'} ending in ${span}`;
    case 'lapsing':
      return customers === 0
        ? `No subscription ends without auto-renew in ${span}`
        : `${customersText(customers)} ${one ? 'has a subscription' : 'have subscriptions'} ending without auto-renew in ${span}`;
    case 'at-risk':
      return customers === 0
        ? `No renewal is at risk in ${span}`
        : `${customersText(customers)} ${one ? 'has a renewal' : 'have renewals'} at risk in ${span}`;
    case 'all': {
      if (customers === 0) return `No subscription renews in ${span}`;
      const verb = one ? 'renews' : 'renew';
      const trials = one ? ' or ends a trial' : ' or end a trial';
      return `${customersText(customers)} ${verb}${trialsListed ? trials : ''} in ${span}`;
    }
  }
}

const RENEWALS_SUBTITLE: Readonly<Record<RenewalScope, string>> = {
  all: "Soonest first: live subscriptions whose term ends, and trials, from Partner Center (commitmentEndDate) or Graph. Before a renewal, low usage risks fewer seats (adoption content and training first); deployment near 100% is the moment to offer more; a trial's end is the moment to convert it.",
  trials:
    "Soonest first: live trials and when they end, from Partner Center (commitmentEndDate) or Graph. A trial's users count toward usage and its seats do not: before it ends, show what they use it for, and offer to convert it.",
  lapsing:
    'Soonest first: live subscriptions whose auto-renew is off (Partner Center autoRenewEnabled), so they end with their term unless someone acts. Ask the customer why: low usage calls for adoption content and training before the date.',
  'at-risk':
    'Soonest first: the terms and trials ending of customers whose deployment or usage is under its threshold, who are likely to keep fewer seats (adoption content and training before the date), and every term ending with auto-renew off, which ends unless someone acts.',
};

/** The CLI option that narrows --renewing the same way. */
const RENEWALS_OPTION: Readonly<Record<RenewalScope, string>> = {
  all: '',
  trials: ' --trials',
  lapsing: ' --lapsing',
  'at-risk': ' --at-risk',
};

/** "3 subscriptions (1 trial)", "125 seats": what ends in the span, over the customers listed. */
function renewalTotals(renewals: readonly Renewal[]): { title: string; value: string }[] {
  if (renewals.length === 0) return [];
  const trials = renewals.filter((r) => r.trial).length;
  const seats = renewals.reduce((sum, r) => sum + r.seats, 0);
  return [
    {
      title: 'Subscriptions',
      value: `${count(renewals.length)}${trials > 0 ? ` (${count(trials)} ${trials === 1 ? 'trial' : 'trials'})` : ''}`,
    },
    { title: 'Seats', value: count(seats) },
  ];
}

/**
 * What the title says the span is: "the next 90 days"; "the next 36 days, to the end of December";
 * "December (2026-12-01 to 2026-12-31)"; "Q1 (2027-01-01 to 2027-03-31)".
 */
function spanText(asked: RenewalSpan, window: RenewalWindow, today: string): string {
  if ('days' in asked) return `the next ${count(window.to)} days`;
  const span = calendarOf(asked, today);
  if (!span.whole) return `the next ${count(window.to)} days, to the end of ${calendarName(span)}`;
  return `${calendarName(span)} (${dayAfter(today, window.from)} to ${dayAfter(today, window.to)})`;
}

/** What the CLI's --renewing says for the span: the month's or quarter's name when the whole of it was asked, else the days. */
function renewingOption(asked: RenewalSpan, window: RenewalWindow, today: string): string {
  const span = 'days' in asked ? null : calendarOf(asked, today);
  return span?.whole ? calendarName(span).toLowerCase() : String(window.to);
}

/**
 * "who renews soon?": customers with a subscription whose term (or trial) ends within the days
 * asked, the soonest first, each renewal with its seats and date beside the customer's usage, which
 * decides what to do before it: low usage risks fewer seats at renewal, full deployment is the
 * moment for more, a trial's end the moment to convert it. "which trials end soon?": the trials alone.
 */
export function renewalsCard(view: PortfolioView, asked: RenewalSpan, scope: RenewalScope, page: PageRequest): Reply {
  const today = view.report.generatedAt;
  const window = windowOf(asked, today);
  const customers = view.renewing(window, scope);
  const within = (c: CustomerReport): Renewal[] => renewalsWithin(c, today, window, scope, isLowAdoption(c, view.thresholds));
  const ending = customers.flatMap(within);
  return customerList(
    view,
    customers,
    {
      title: renewalsTitle(
        customers.length,
        spanText(asked, window, today),
        scope,
        ending.some((r) => r.trial),
      ),
      subtitle: RENEWALS_SUBTITLE[scope],
      totals: renewalTotals(ending),
      command: `adoption report --renewing ${renewingOption(asked, window, today)}${RENEWALS_OPTION[scope]}`,
      // The row's own columns give deployment and usage beside it.
      note: (c) =>
        within(c)
          .map((r) => renewalText(r, today))
          .join(' · '),
      order: 'soonest first',
    },
    page,
  );
}
