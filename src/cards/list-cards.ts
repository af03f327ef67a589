import type { RankedMeasure } from '../metrics/percent-filter.js';
import type { CustomerReport, FindingCode } from '../metrics/report-types.js';
import type { Thresholds } from '../metrics/thresholds.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { customerKey } from '../metrics/customer-key.js';
import { buttons, type Button, type PageDirection, type PageRequest } from './actions.js';
import { render, type ListPages, type Reply } from './card.js';
import { messageCard } from './message-cards.js';
import { FLAG_LABELS } from './labels.js';
import { count, customersText, name, percentText, plain } from './text.js';

/** Cards that list customers, each row with its two numbers and a button that opens its card. */

/** A list's rows on one card; its page buttons show the others. */
const LIST_ROWS = 25;
const CHOICE_ROWS = 10;

export type Color = 'Attention' | 'Good' | 'Default';

/** Red under the low threshold, green from the high one. */
export function percentColor(value: number | null, low: number, high: number): Color {
  if (value === null) return 'Default';
  if (value < low) return 'Attention';
  return value >= high ? 'Good' : 'Default';
}

/** A row's button: what it does with its customer (open its card, unless said otherwise). */
export type RowAction = (c: CustomerReport) => Button;
const openCard: RowAction = (c) => buttons.customer('Open', customerKey(c));

/** The button at the end of a list row, as the customer-list template binds it. */
export function rowButton({ title, verb, data }: Button, customer: string): object {
  return { title, verb, data, tooltip: `${title} ${name(customer)}` };
}

/** A row's note is cut past this: two renewals with their dates fit; 25 rows of it stay far under the size limit. */
const ROW_NOTE_CHARS = 240;

export function row(c: CustomerReport, thresholds: Thresholds, note: string, action: RowAction = openCard): object {
  return {
    open: rowButton(action(c), c.customer),
    name: name(c.customer),
    note: plain(note, ROW_NOTE_CHARS),
    deployment: percentText(c.deploymentPercent),
    deploymentColor: percentColor(c.deploymentPercent, thresholds.deploymentLowPercent, thresholds.upsellDeploymentPercent),
    usage: percentText(c.usagePercent),
    usageColor: percentColor(c.usagePercent, thresholds.usageLowPercent, 100),
  };
}

export function flagNote(c: CustomerReport): string {
  return c.flags.map((f) => FLAG_LABELS[f.code].title.toLowerCase()).join(' · ');
}

interface ListData {
  readonly title: string;
  readonly subtitle: string;
  readonly totals: readonly { title: string; value: string }[];
  readonly listTitle: string;
  readonly rows: readonly object[];
  readonly more: string;
  /** Counts of customers per flag or recommendation, each with a button that lists them. */
  readonly sections: readonly { title: string; facts: { title: string; value: string; code: FindingCode }[] }[];
  readonly buttons: readonly Button[];
  /** Partner Center's own partner-wide percents, on the portfolio card only. */
  readonly partnerFigures?: readonly { title: string; value: string }[];
}

export function listCard(data: ListData, summary: string): Reply {
  return { card: render('customer-list', { partnerFigures: [], ...data }), summary };
}

export interface ListOf {
  readonly title: string;
  readonly subtitle: string;
  /** The CLI command that lists them all, past the card's cap. */
  readonly command: string;
  /** What each row notes under the name; by default its flags. */
  readonly note?: (c: CustomerReport) => string;
  /** The order the customers come in, as the list's heading says it. */
  readonly order?: string;
  /** Facts above the list; none by default. */
  readonly totals?: ListData['totals'];
}

/** A word as a shell argument: quoted when it has spaces. */
export const quoted = (word: string): string => (/\s/.test(word) ? `"${word}"` : word);

/** "--measure usage", '--measure "SharePoint with OneDrive"': the report option that reads one number. */
export const measureOption = (measure: RankedMeasure): string =>
  `--measure ${measure.kind === 'workload' ? quoted(measure.workload) : measure.kind}`;

/**
 * Customers in the order given, each noted, a page of them at a time: past one page, which rows
 * these are, buttons to the pages before and after, and the CLI command that lists them all.
 */
export function customerList(view: PortfolioView, customers: readonly CustomerReport[], list: ListOf, page: PageRequest): Reply {
  const { title, subtitle, command, note = flagNote, order = 'worst first', totals = [] } = list;
  // A page the list no longer reaches (it got shorter since the button was sent) shows its last rows.
  const last = Math.max(0, Math.ceil(customers.length / LIST_ROWS) - 1) * LIST_ROWS;
  const from = Math.min(page.from, last);
  const shown = customers.slice(from, from + LIST_ROWS);
  const after = customers.length - from - shown.length;
  const next = after > 0 ? { origin: page.origin, from: from + LIST_ROWS } : null;
  const previous = from > 0 ? { origin: page.origin, from: Math.max(0, from - LIST_ROWS) } : null;
  const reply = listCard(
    {
      title,
      subtitle,
      totals,
      listTitle: `Customer (${order})`,
      rows: shown.map((c) => row(c, view.thresholds, note(c))),
      more:
        shown.length < customers.length
          ? `Showing ${count(from + 1)}–${count(from + shown.length)} of ${count(customers.length)}; the command line lists them all: ${command}`
          : '',
      sections: [],
      buttons: [
        ...(previous === null ? [] : [buttons.page(`Previous ${LIST_ROWS}`, previous)]),
        ...(next === null ? [] : [buttons.page(`Next ${Math.min(LIST_ROWS, after)}`, next)]),
        buttons.portfolio(),
      ],
    },
    title,
  );
  return { ...reply, pages: { title, next, previous } };
}

export function choicesCard(view: PortfolioView, query: string, customers: readonly CustomerReport[], choose: RowAction = openCard): Reply {
  const shown = customers.slice(0, CHOICE_ROWS);
  const title = `${customersText(customers.length)} match "${name(query)}"`;
  return listCard(
    {
      title,
      subtitle: 'Which one do you mean?',
      totals: [],
      listTitle: 'Customer',
      rows: shown.map((c) => row(c, view.thresholds, c.tenantId === null ? '' : `tenant ${c.tenantId}`, choose)),
      more: shown.length < customers.length ? `and ${count(customers.length - shown.length)} more: type more of the name.` : '',
      sections: [],
      buttons: [],
    },
    title,
  );
}

/** "list all customers", "customers A-Z": every customer by name, a page at a time, each with its flags. */
export function allCustomersCard(view: PortfolioView, page: PageRequest): Reply {
  const customers = view.alphabetical();
  return customerList(
    view,
    customers,
    {
      title: `${customersText(customers.length)}, A to Z`,
      subtitle: 'Every customer in the cache by name. "portfolio" has the totals and the lowest first.',
      command: 'adoption report --by-name',
      order: 'A to Z',
    },
    page,
  );
}

/** "more", "next page" with no list shown here lately: how lists turn their pages. */
export function moreCard(): Reply {
  return messageCard(
    'No list to continue here.',
    [
      `Ask for one first ("low adoption", "all customers"): lists show ${count(LIST_ROWS)} customers at a time, and "more" (or "Next" under the list) shows the next ones, "previous" the ones before. The command line lists any list whole (the line under it says how).`,
    ],
    [buttons.allCustomers(), buttons.portfolio()],
  );
}

/** "more" past a list's last page, or "previous" before its first. */
export function listEndCard(pages: ListPages, direction: PageDirection): Reply {
  const whole = pages.next === null && pages.previous === null;
  const title = whole
    ? `That was the whole list: "${pages.title}".`
    : `That was the ${direction === 'next' ? 'last' : 'first'} page of "${pages.title}".`;
  const other = direction === 'next' ? '"previous" goes back a page' : '"more" shows the next page';
  return messageCard(
    title,
    [whole ? 'Ask another question, or "all customers" for every customer A to Z.' : `${other}.`],
    [buttons.portfolio()],
  );
}
