import type { Role } from '../access/access-policy.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { customerKey } from '../metrics/customer-key.js';
import { buttons, type Button } from './actions.js';
import { render, type Reply } from './card.js';
import { count, day, name, plain } from './text.js';

/** Short answers: a sentence or two and buttons for what to do next. */

export function messageCard(title: string, lines: readonly string[], actions: readonly Button[]): Reply {
  const safeTitle = plain(title, 200);
  return { card: render('message', { title: safeTitle, lines: lines.map((l) => plain(l, 600)), buttons: actions }), summary: safeTitle };
}

const customerButtons = (customers: readonly CustomerReport[]): Button[] =>
  customers.slice(0, 3).map((c) => buttons.customer(name(c.customer), customerKey(c)));

export function notUnderstoodCard(text: string, closest: readonly CustomerReport[]): Reply {
  return messageCard(
    `I didn't get "${text}".`,
    [
      closest.length > 0
        ? 'Did you mean one of these customers? Or try the portfolio, the customers with low adoption, or help.'
        : 'Try "adoption for <customer>", "portfolio", "below 40%", "low adoption" or "help".',
    ],
    // Hosts show at most 5 actions: two customers and the three ways on.
    [...customerButtons(closest).slice(0, 2), buttons.portfolio(), buttons.lowAdoption(), buttons.help()],
  );
}

/**
 * No customer is named so; with `products` (the products the cache holds, in words), no product
 * either: "Copilot adoption" may ask for one or the other.
 */
export function customerNotFoundCard(query: string, closest: readonly CustomerReport[], products: string | null = null): Reply {
  return messageCard(
    `No customer ${products === null ? '' : 'or product '}matches "${query}".`,
    [
      closest.length > 0 ? 'The closest names are below.' : 'Ask for the portfolio to see every customer.',
      ...(products === null ? [] : [products]),
    ],
    [...customerButtons(closest), buttons.portfolio(), buttons.help()],
  );
}

/** Where roles come from, for anyone who asks. */
const ROLES_SET =
  'Roles are set where the bot runs: ADOPTION_ADMINS and ADOPTION_AGENTS list the admins and agents; with neither set, everyone in an allowed tenant is an admin.';

/** "am I an admin?", "who are the admins?": what the asker may do here, and where roles are set. */
export function roleCard(role: Role): Reply {
  return role === 'admin'
    ? messageCard(
        "You are one of the bot's admins.",
        ['You can open and share every card, and change alerts, channel links and thresholds for everyone here.', ROLES_SET],
        [buttons.help()],
      )
    : messageCard(
        "You are one of the bot's agents.",
        [
          'You can open every card and share it to its account channel. Alerts, channel links and thresholds are changed by the admins: ask one of them.',
          ROLES_SET,
        ],
        [buttons.help()],
      );
}

/** The answer to "thanks". */
export function thanksCard(): Reply {
  return messageCard("You're welcome.", ['Ask me about any customer whenever you like, or say "help" for what I can do.'], []);
}

/** "export to Excel": files are written where the bot runs, by an admin; the chat says how. */
export function exportCard(): Reply {
  return messageCard(
    'Exports are made on the command line.',
    [
      'Where the bot runs, "adoption export --format csv --out adoption.csv" writes one row per customer, product and workload, with both numbers, their counts, the explanations and the suggested actions; Excel opens it as it is. "--format json" gives the report as the bot computes it.',
      'Ask your admin for it. In chat, the portfolio and the lists below it show the same numbers.',
    ],
    [buttons.portfolio(), buttons.actions()],
  );
}

export function customerGoneCard(): Reply {
  return messageCard(
    'That customer is no longer in the cache.',
    ['Its data was removed or re-imported under another name.'],
    [buttons.portfolio()],
  );
}

export function emptyPortfolioCard(): Reply {
  return messageCard(
    'No customers in the cache yet.',
    ['Import Partner Center or Microsoft Graph exports with "adoption import FILE...", or load the demo portfolio with "adoption demo".'],
    [buttons.help()],
  );
}

/** One line on what the bot knows, for the help and welcome cards. */
export function dataStatus(view: PortfolioView): string {
  const newest = view.customers.reduce<string | null>(
    (a, c) => (c.dataAsOf !== null && (a === null || c.dataAsOf > a) ? c.dataAsOf : a),
    null,
  );
  return view.customers.length === 0
    ? 'No customer data yet: an admin imports it with "adoption import".'
    : `${count(view.customers.length)} customers in the cache, newest data from ${day(newest)}.`;
}
