import { hasStartDates, type NewWhat } from '../metrics/subscription-starts.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { buttons, type PageRequest } from './actions.js';
import type { Reply } from './card.js';
import { customerList } from './list-cards.js';
import { messageCard } from './message-cards.js';
import { count, customersText, daysText, startText } from './text.js';

/** Customers new lately, or who bought lately: "any new customers?", "who bought something this month?". */

const LISTED: Readonly<
  Record<NewWhat, { readonly title: string; readonly none: string; readonly subtitle: string; readonly option: string }>
> = {
  customers: {
    title: 'new',
    none: 'No customer is new',
    subtitle:
      'Every subscription they have was created in that time. New customers are still assigning their licenses: low deployment is expected in the first weeks, and onboarding help counts most now.',
    option: '--new-customers',
  },
  subscriptions: {
    title: 'with a new subscription',
    none: 'No customer started a subscription',
    subtitle:
      'A subscription created in that time: a new product, more seats on a subscription of their own, or a trial. Its licenses may not be assigned yet.',
    option: '--new-subscriptions',
  },
};

export function newCard(view: PortfolioView, what: NewWhat, days: number, page: PageRequest): Reply {
  const listed = LISTED[what];
  const span = `in the last ${daysText(days)}`;
  const customers = view.newWithin(what, days);
  if (customers.length === 0) {
    const dated = view.customers.filter(hasStartDates).length;
    if (dated === 0) {
      return messageCard(
        'No subscription in the cache has a creation date, so I cannot tell what is new.',
        [
          "The dates come with the customers' subscriptions (Partner Center subscriptions or Graph directory subscriptions), which have not been synced or imported yet.",
        ],
        [buttons.portfolio(), buttons.help()],
      );
    }
    return messageCard(
      `${listed.none} ${span}.`,
      [
        `Told from the subscriptions of ${count(dated)} of ${customersText(view.customers.length)}: customers with no subscription in the cache are not counted.`,
      ],
      [buttons.portfolio()],
    );
  }
  return customerList(
    view,
    customers,
    {
      title: `${customersText(customers.length)} ${listed.title} ${span}`,
      subtitle: listed.subtitle,
      command: `adoption report ${listed.option} ${days}`,
      note: (c) => view.startedWithin(c, days).map(startText).join(' · '),
      order: 'newest first',
    },
    page,
  );
}
