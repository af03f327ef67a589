import { actionRow, findingOf, isFlagCode, TRIAL_ACTION_DAYS, type ActionRow } from '../metrics/findings.js';
import { beyondText, changesRead, describeMovement, spanText, towards, WEEK_DAYS, type Movement, type Trend } from '../metrics/trend.js';
import { measureName, type RankedMeasure } from '../metrics/percent-filter.js';
import { serviceRequestsText } from '../metrics/service-requests.js';
import { attentionText } from '../metrics/subscription-attention.js';
import { unassignedLicenses } from '../metrics/unassigned.js';
import { FLAG_CODES, RECOMMENDATION_CODES, type CustomerReport, type FindingCode, type PartnerTotal } from '../metrics/report-types.js';
import type { Thresholds } from '../metrics/thresholds.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { customerKey } from '../metrics/customer-key.js';
import type { SizeQuestion } from '../metrics/size.js';
import type { MostQuestion } from '../metrics/most-by.js';
import { percent } from '../metrics/percent.js';
import { strictlyOver, type CountBound } from '../metrics/count-bound.js';
import { productCounts, type IdleQuestion, type LicenseCounts } from '../metrics/unassigned.js';
import { buttons, type Button, type PageRequest } from './actions.js';
import { render, type Reply } from './card.js';
import { messageCard } from './message-cards.js';
import { findingLabel, FLAG_LABELS, shortFindingLabel } from './labels.js';
import {
  boundText,
  capitalized,
  count,
  customersText,
  day,
  deploymentCounted,
  entitlementsText,
  few,
  inactiveText,
  licensesText,
  name,
  percentText,
  renewalLabel,
  plain,
  seatsText,
  unassignedText,
  usageCounted,
} from './text.js';

/** Cards that list customers, each row with its two numbers and a button that opens its card. */

const PORTFOLIO_ROWS = 10;
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
type RowAction = (c: CustomerReport) => Button;
const openCard: RowAction = (c) => buttons.customer('Open', customerKey(c));

/** The button at the end of a list row, as the customer-list template binds it. */
export function rowButton({ title, verb, data }: Button, customer: string): object {
  return { title, verb, data, tooltip: `${title} ${name(customer)}` };
}

/** A row's note is cut past this: two renewals with their dates fit; 25 rows of it stay far under the size limit. */
const ROW_NOTE_CHARS = 240;

function row(c: CustomerReport, thresholds: Thresholds, note: string, action: RowAction = openCard): object {
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

function listCard(data: ListData, summary: string): Reply {
  return { card: render('customer-list', { partnerFigures: [], ...data }), summary };
}

function partnerFigure(t: PartnerTotal): { title: string; value: string } {
  const sold = t.licensesSold === null ? '' : ` of ${count(t.licensesSold)} licenses sold`;
  return {
    title: plain(`${t.measure === 'deployment' ? 'Deployment' : 'Usage'}, ${t.service}${t.workload === null ? '' : ` ${t.workload}`}`, 80),
    value: `${percentText(t.percent)}${sold} (as of ${day(t.asOf)})`,
  };
}

export function portfolioCard(view: PortfolioView): Reply {
  const s = view.summary;
  const t = view.thresholds;
  const shown = view.customers.slice(0, PORTFOLIO_ROWS);
  const counted = <K extends FindingCode>(codes: readonly K[], counts: Readonly<Record<K, number>>) =>
    codes.filter((k) => counts[k] > 0).map((k) => ({ title: findingLabel(k), value: customersText(counts[k]), code: k }));
  return listCard(
    {
      title: `Portfolio: ${customersText(s.customers)}`,
      subtitle: `Computed ${day(view.report.generatedAt)} from the cache · worst first`,
      // Only Partner Center's partner-wide figures are in: no customer totals to show.
      totals:
        s.customers === 0
          ? []
          : [
              {
                title: 'Deployment',
                value: deploymentCounted(s.assigned, s.sold, s.deploymentPercent),
              },
              { title: 'Usage', value: usageCounted(s.active, s.entitled, s.usagePercent) },
              {
                title: 'Low adoption',
                value: `${customersText(s.lowAdoption)} (deployment under ${t.deploymentLowPercent}% or usage under ${t.usageLowPercent}%)`,
              },
            ],
      listTitle: shown.length < s.customers ? `Lowest ${shown.length}` : 'Customers',
      rows: shown.map((c) => row(c, t, flagNote(c))),
      more:
        shown.length < s.customers
          ? `Showing the ${shown.length} lowest of ${count(s.customers)}. Ask "low adoption" or "below 50%" for more, or "all customers" for every one, A to Z.`
          : '',
      sections: [
        { title: 'Why numbers look odd', facts: counted(FLAG_CODES, s.flags) },
        { title: 'Suggested actions', facts: counted(RECOMMENDATION_CODES, s.recommendations) },
      ].filter((section) => section.facts.length > 0),
      // Every customer by name, when the card cannot show them all.
      buttons: [buttons.lowAdoption(), buttons.actions(), ...(shown.length < s.customers ? [buttons.allCustomers()] : []), buttons.help()],
      partnerFigures: view.report.partnerTotals.map(partnerFigure),
    },
    `Portfolio: ${customersText(s.customers)}, deployment ${percentText(s.deploymentPercent)}, usage ${percentText(s.usagePercent)}`,
  );
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
  const turn = (title: string, to: number): Button => buttons.page(title, { origin: page.origin, from: to });
  return listCard(
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
        ...(from > 0 ? [turn(`Previous ${LIST_ROWS}`, Math.max(0, from - LIST_ROWS))] : []),
        ...(after > 0 ? [turn(`Next ${Math.min(LIST_ROWS, after)}`, from + LIST_ROWS)] : []),
        buttons.portfolio(),
      ],
    },
    title,
  );
}

/** "who dropped?", "who improved this month?": each row says which number moved, by how much, since when. */
const MOVED_WORDS: Readonly<Record<Movement['direction'], { went: string; flag: string; compared: string; order: string }>> = {
  down: { went: 'went down', flag: '--falling', compared: 'lower than at', order: 'biggest fall first' },
  up: { went: 'went up', flag: '--rising', compared: 'higher than at', order: 'biggest rise first' },
  either: { went: 'moved', flag: '--moving', compared: 'changed since', order: 'biggest move first' },
};

/** What a move of deployment or usage lists: each number that went the way asked. */
const BOTH_NUMBERS: readonly RankedMeasure[] = [{ kind: 'deployment' }, { kind: 'usage' }];

/** Whether the trend knows how the measure moved (a workload's usage only since syncs kept it). */
const knownChange = (t: Trend | null, measure: RankedMeasure): boolean => t !== null && changesRead(t, measure)[0] != null;

export function movedCard(view: PortfolioView, movement: Movement, page: PageRequest): Reply {
  const moved = view.moved(movement);
  const byKey = new Map(moved.map((m) => [customerKey(m.customer), m.trend]));
  const { direction, days, beyondPoints, measure } = movement;
  const { went, flag, compared, order } = MOVED_WORDS[direction];
  const beyond = beyondText(beyondPoints);
  const what = measure === undefined ? null : measureName(measure);
  if (moved.length === 0 && measure?.kind === 'workload' && !view.customers.some((c) => knownChange(view.trend(c, days), measure))) {
    return messageCard(
      `No ${what} history yet`,
      [
        `Each sync keeps every workload's usage from this version on, and no sync before today kept ${what}. "Who dropped?" compares deployment and usage, which the history has from further back.`,
      ],
      [buttons.portfolio(), buttons.help()],
    );
  }
  return customerList(
    view,
    moved.map((m) => m.customer),
    {
      title:
        moved.length === 0
          ? `No customer${what === null ? '' : `'s ${what}`} ${went}${beyond}`
          : `${customersText(moved.length)}${what === null ? '' : ` whose ${what}`} ${went}${beyond}`,
      subtitle: `${what === null ? 'Deployment or usage' : capitalized(what)} ${compared} the newest sync ${spanText(days)} or more before today (or the oldest one), biggest move first. Each sync adds a day to the history.`,
      command: [
        `adoption report ${flag}`,
        measure === undefined ? '' : ` ${measureOption(measure)}`,
        beyondPoints === undefined ? '' : ` --more-than ${beyondPoints}`,
        days === WEEK_DAYS ? '' : ` --days ${days}`,
      ].join(''),
      note: (c) => {
        const t = byKey.get(customerKey(c));
        if (t === undefined) return '';
        const line = (read: RankedMeasure): string[] => {
          const [change = null] = changesRead(t, read);
          return towards(direction, change) > 0 ? [`${measureName(read)} ${describeMovement(change, t)}`] : [];
        };
        return (measure === undefined ? BOTH_NUMBERS : [measure]).flatMap(line).join(' · ');
      },
      order,
    },
    page,
  );
}

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
      order: order === 'largest' ? 'most licenses first' : 'fewest licenses first',
    },
    page,
  );
}

/** Customers with one flag or recommendation, worst first, each with what it says of them. */
export function customersWithCard(view: PortfolioView, code: FindingCode, page: PageRequest): Reply {
  const customers = view.withFinding(code);
  const label = findingLabel(code);
  const title = customers.length === 0 ? `No customer has this now: ${label}` : `${customersText(customers.length)}: ${label}`;
  const subtitle = isFlagCode(code) ? 'Why their numbers look odd' : 'What to do, and why';
  return customerList(
    view,
    customers,
    {
      title,
      subtitle,
      command: `adoption report --with ${code}`,
      note: (c) => {
        const finding = findingOf(c, code);
        return finding === undefined ? '' : 'reason' in finding ? finding.reason : finding.message;
      },
    },
    page,
  );
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

/** "Adoption content: usage 31% is below 50% · Old data: 21 days old · Renewal: Office 365 E3, 100 seats on 2026-12-25" (or "Trial end: …"). */
export function actionNote(row: ActionRow): string {
  const advice = row.advice.map((a) => `${shortFindingLabel(a.code)}: ${a.reason}`);
  const r = row.renewal;
  return [
    ...advice,
    ...(row.attention ?? []).map((a) => `Needs attention: ${attentionText(a)}`),
    ...(row.staleDays === null ? [] : [`Old data: ${count(row.staleDays)} days old`]),
    ...(r === undefined ? [] : [`${renewalLabel(r)}: ${r.offer}, ${count(r.seats)} seats on ${r.renewsOn.slice(0, 10)}`]),
  ].join(' · ');
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

/** "what should I do?": customers with a suggested action, a trial about to end or old data, the most urgent first, each with why. */
export function actionsCard(view: PortfolioView, page: PageRequest): Reply {
  const customers = view.needingAction();
  return customerList(
    view,
    customers,
    {
      title: customers.length === 0 ? 'Nothing to act on now' : `${customersText(customers.length)} to act on`,
      subtitle: `Most urgent first: low adoption (adoption content), then many support requests (training and self-support), then subscriptions needing attention (renew or reactivate them), then upsell (training courses), then trials ending within ${TRIAL_ACTION_DAYS} days (convert them); old data last, to refresh before acting.`,
      command: 'adoption report --actions',
      note: (c) => actionNote(actionRow(c, view.report.generatedAt)),
      order: 'most urgent first',
    },
    page,
  );
}

/** "more", "next page": a list turns its pages with the buttons under it, each page asking its question again. */
export function moreCard(): Reply {
  return messageCard(
    'Use "Next" under a list for its next rows.',
    [
      `Lists show ${count(LIST_ROWS)} customers at a time; "Next" and "Previous" under each one turn its pages. "all customers" lists every customer A to Z, and the command line lists any list whole (the line under it says how).`,
    ],
    [buttons.allCustomers(), buttons.portfolio()],
  );
}
