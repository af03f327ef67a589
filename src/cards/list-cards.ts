import { actionRow, findingOf, isFlagCode, TRIAL_ACTION_DAYS, type ActionRow } from '../metrics/findings.js';
import { describeMovement, spanText, towards, WEEK_DAYS, type Movement } from '../metrics/trend.js';
import {
  filterClause,
  filterPhrase,
  measureName,
  workloadTotal,
  type PercentFilter,
  type PercentFilters,
  type PercentMeasure,
  type PercentQuery,
  type RankOrder,
  type RankedMeasure,
} from '../metrics/percent-filter.js';
import {
  FLAG_CODES,
  RECOMMENDATION_CODES,
  type CustomerReport,
  type FindingCode,
  type PartnerTotal,
  type Renewal,
} from '../metrics/report-types.js';
import type { Thresholds } from '../metrics/thresholds.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { customerKey } from '../metrics/customer-key.js';
import { MONTH_NAMES, renewalsWithin, spanDays, type RenewalScope, type RenewalSpan } from '../metrics/renewals.js';
import type { SizeQuestion } from '../metrics/size.js';
import { buttons, type Button } from './actions.js';
import { render, type Reply } from './card.js';
import { findingLabel, FLAG_LABELS, shortFindingLabel } from './labels.js';
import {
  count,
  customersText,
  day,
  entitlementsText,
  inactiveText,
  licensesText,
  name,
  percentText,
  renewalLabel,
  renewalText,
  plain,
  unassignedText,
} from './text.js';

/** Cards that list customers, each row with its two numbers and a button that opens its card. */

const PORTFOLIO_ROWS = 10;
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

function flagNote(c: CustomerReport): string {
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
                value: `${percentText(s.deploymentPercent)} (${licensesText(s.assigned, s.sold, s.deploymentPercent)})`,
              },
              { title: 'Usage', value: `${percentText(s.usagePercent)} (${entitlementsText(s.active, s.entitled, s.usagePercent)})` },
              {
                title: 'Low adoption',
                value: `${customersText(s.lowAdoption)} (deployment under ${t.deploymentLowPercent}% or usage under ${t.usageLowPercent}%)`,
              },
            ],
      listTitle: shown.length < s.customers ? `Lowest ${shown.length}` : 'Customers',
      rows: shown.map((c) => row(c, t, flagNote(c))),
      more:
        shown.length < s.customers
          ? `Showing the ${shown.length} lowest of ${count(s.customers)}. Ask "low adoption" or "below 50%" for more.`
          : '',
      sections: [
        { title: 'Why numbers look odd', facts: counted(FLAG_CODES, s.flags) },
        { title: 'Suggested actions', facts: counted(RECOMMENDATION_CODES, s.recommendations) },
      ].filter((section) => section.facts.length > 0),
      buttons: [buttons.lowAdoption(), buttons.actions(), buttons.help()],
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

/** Customers in the order given, each noted; past the cap, the CLI command that lists them all. */
export function customerList(view: PortfolioView, customers: readonly CustomerReport[], list: ListOf): Reply {
  const { title, subtitle, command, note = flagNote, order = 'worst first', totals = [] } = list;
  const shown = customers.slice(0, LIST_ROWS);
  return listCard(
    {
      title,
      subtitle,
      totals,
      listTitle: `Customer (${order})`,
      rows: shown.map((c) => row(c, view.thresholds, note(c))),
      more:
        shown.length < customers.length
          ? `and ${count(customers.length - shown.length)} more; the command line lists them all: ${command}`
          : '',
      sections: [],
      buttons: [buttons.portfolio()],
    },
    title,
  );
}

const MEASURE_MEANING: Readonly<Record<Exclude<PercentMeasure['kind'], 'lower'>, string>> = {
  deployment: 'Deployment: licenses assigned of sold',
  usage: 'Usage: entitlements active in the last 28 days, all workloads',
  workload: 'usage: entitlements active in the last 28 days, over all products',
};

/** The numbers the filters read, each with what it counts: "Teams 28.6% (12 of 42 entitlements active)"; then the flags. */
function measuredNote(c: CustomerReport, measures: readonly PercentMeasure[]): string {
  return [...measures.map((m) => measuredText(c, m)), flagNote(c)].filter((part) => part !== '').join(' · ');
}

function measuredText(c: CustomerReport, measure: PercentMeasure): string {
  switch (measure.kind) {
    case 'lower':
      return '';
    case 'deployment':
      return `${percentText(c.deploymentPercent)} (${licensesText(c.assigned, c.sold, c.deploymentPercent)})`;
    case 'usage':
      return `${percentText(c.usagePercent)} (${entitlementsText(c.active, c.entitled, c.usagePercent)})`;
    case 'workload': {
      const w = workloadTotal(c, measure.workload);
      return w === undefined
        ? ''
        : `${measure.workload} ${percentText(w.usagePercent)} (${entitlementsText(w.active, w.entitled, w.usagePercent)})`;
    }
  }
}

/** "below 40%" read for both numbers, as a condition among others joined by "or". */
function eitherPhrase(f: PercentFilter): string {
  if (f.measure.kind !== 'lower') return filterPhrase(f);
  return f.side === 'below' ? `deployment or usage below ${f.percent}%` : `deployment and usage above ${f.percent}%`;
}

/** "usage below 50% and deployment above 80%", "usage above 30% and below 40%": a group of conditions after "with". */
function groupPhrase(group: PercentFilters): string {
  return group
    .map((f, i) =>
      i > 0 && f.measure.kind !== 'lower' && sameMeasure(group[i - 1]!.measure, f.measure) ? `${f.side} ${f.percent}%` : eitherPhrase(f),
    )
    .join(' and ');
}

/**
 * "below 40%", "Teams usage below 50%", "deployment above 90%", "usage below 50% or deployment
 * below 60%", "usage below 50% and deployment above 80%, or usage below 20%": those customers, the
 * farthest from the line first.
 */
export function percentCard(view: PortfolioView, query: PercentQuery): Reply {
  const customers = view.passing(query);
  const filters = query.flat();
  const measures = distinctMeasures(filters);
  // Groups of one are joined by a plain "or"; a comma shows where a group of several ends.
  const or = query.every((group) => group.length === 1) ? ' or ' : ', or ';
  const [group, ...others] = query;
  const title =
    customers.length === 0
      ? `No customer ${query.map((g) => g.map(filterClause).join(' and ')).join(or)}`
      : others.length > 0
        ? `${customersText(customers.length)} with ${query.map(groupPhrase).join(or)}`
        : [customersText(customers.length), ...allPhrase(group)].join(' ');
  const subtitle = measures
    .map((measure) => {
      if (measure.kind !== 'lower') {
        return measure.kind === 'workload' ? `${measure.workload} ${MEASURE_MEANING.workload}` : MEASURE_MEANING[measure.kind];
      }
      return filters
        .filter((f) => f.measure.kind === 'lower')
        .map(
          ({ side, percent }) => `Deployment ${side === 'below' ? 'or' : 'and'} usage ${side === 'below' ? 'under' : 'over'} ${percent}%`,
        )
        .join(' · ');
    })
    .join(' · ');
  return customerList(view, customers, {
    title,
    subtitle,
    // The command line joins its conditions by "and" only: for "or", it lists every customer.
    command: others.length > 0 ? 'adoption report --json' : reportCommand(group),
    note: (c) => measuredNote(c, measures),
    order: filters.every((f) => f.side === 'above') ? 'highest first' : 'lowest first',
  });
}

/** One group's conditions after the count: "below 40%", "with usage above 30% and below 40%" (a measure said once for the conditions in a row that read it). */
function allPhrase(group: PercentFilters): string[] {
  const both = group.filter((f) => f.measure.kind === 'lower').map(filterPhrase);
  const one = group
    .filter((f) => f.measure.kind !== 'lower')
    .map((f, i, all) => (i > 0 && sameMeasure(all[i - 1]!.measure, f.measure) ? `${f.side} ${f.percent}%` : filterPhrase(f)));
  return [...both, ...(one.length > 0 ? [`with ${one.join(' and ')}`] : [])];
}

const sameMeasure = (a: PercentMeasure, b: PercentMeasure): boolean =>
  a.kind === b.kind && (a.kind !== 'workload' || (b.kind === 'workload' && a.workload === b.workload));

/** Each measure the filters read, once, in the order first read. */
function distinctMeasures(filters: readonly PercentFilter[]): PercentMeasure[] {
  const distinct: PercentMeasure[] = [];
  for (const { measure } of filters) if (!distinct.some((m) => sameMeasure(m, measure))) distinct.push(measure);
  return distinct;
}

/** The command line that lists the same customers: one --measure serves --below and --above, so mixed measures list all. */
function reportCommand(filters: PercentFilters): string {
  const [measure, ...others] = distinctMeasures(filters);
  if (others.length > 0 || measure === undefined) return 'adoption report --json';
  const bounds = filters.map((f) => `--${f.side} ${f.percent}`).join(' ');
  const option = measure.kind === 'lower' ? '' : ` ${measureOption(measure)}`;
  return `adoption report ${bounds}${option}`;
}

/**
 * "Teams usage", "rank customers by usage", "who has the highest deployment?": every customer with
 * that number, lowest (or highest) first, each with its counts.
 */
export function rankedCard(view: PortfolioView, measure: RankedMeasure, order: RankOrder): Reply {
  const customers = view.ranked(measure, order);
  const what = measureName(measure);
  const meaning = measure.kind === 'workload' ? `${measure.workload} ${MEASURE_MEANING.workload}` : MEASURE_MEANING[measure.kind];
  const subject = measure.kind === 'workload' ? measure.workload : measure.kind;
  return customerList(view, customers, {
    title:
      customers.length === 0
        ? `No customer has ${what} figures yet`
        : `${what.charAt(0).toUpperCase()}${what.slice(1)}: ${customersText(customers.length)}`,
    subtitle: `${meaning}. Customers with no ${subject} figures are left out.`,
    command: `adoption report ${measureOption(measure)}`,
    note: (c) => measuredNote(c, [measure]),
    order: `${order} first`,
  });
}

/** A word as a shell argument: quoted when it has spaces. */
export const quoted = (word: string): string => (/\s/.test(word) ? `"${word}"` : word);

/** "--measure usage", '--measure "SharePoint with OneDrive"': the report option that reads one number. */
const measureOption = (measure: RankedMeasure): string =>
  `--measure ${measure.kind === 'workload' ? quoted(measure.workload) : measure.kind}`;

/** Customers under the configured thresholds: of both numbers, each its own, or of the one measured. */
export function lowAdoptionCard(view: PortfolioView, measure: PercentMeasure): Reply {
  const t = view.thresholds;
  if (measure.kind !== 'lower') {
    const percent = measure.kind === 'deployment' ? t.deploymentLowPercent : t.usageLowPercent;
    return percentCard(view, [[{ side: 'below', percent, measure }]]);
  }
  const customers = view.lowAdoption();
  const title = customers.length === 0 ? 'No customer has low adoption' : `${customersText(customers.length)} with low adoption`;
  return customerList(view, customers, {
    title,
    subtitle: `Deployment under ${t.deploymentLowPercent}% or usage under ${t.usageLowPercent}% (set by ADOPTION_DEPLOYMENT_LOW_PERCENT and ADOPTION_USAGE_LOW_PERCENT)`,
    command: 'adoption report --json',
  });
}

/** "best customers", "top 5": the highest first, the ones to ask for a case study or a testimonial. */
export function bestCard(view: PortfolioView, count: number | null): Reply {
  const ranked = view.best();
  const shown = count === null ? ranked : ranked.slice(0, count);
  return customerList(view, shown, {
    title:
      shown.length === ranked.length
        ? `${customersText(ranked.length)}, best first`
        : `The best ${shown.length} of ${customersText(ranked.length)}`,
    subtitle: 'Ranked by the lower of deployment and usage: good candidates for case studies and user testimonials',
    command: 'adoption report',
    order: 'best first',
  });
}

/** "who dropped?", "who improved this month?": each row says which number moved, by how much, since when. */
const MOVED_WORDS: Readonly<Record<Movement['direction'], { went: string; flag: string; compared: string; order: string }>> = {
  down: { went: 'went down', flag: '--falling', compared: 'lower than at', order: 'biggest fall first' },
  up: { went: 'went up', flag: '--rising', compared: 'higher than at', order: 'biggest rise first' },
  either: { went: 'moved', flag: '--moving', compared: 'changed since', order: 'biggest move first' },
};

export function movedCard(view: PortfolioView, movement: Movement): Reply {
  const moved = view.moved(movement);
  const byKey = new Map(moved.map((m) => [customerKey(m.customer), m.trend]));
  const { went, flag, compared, order } = MOVED_WORDS[movement.direction];
  return customerList(
    view,
    moved.map((m) => m.customer),
    {
      title: moved.length === 0 ? `No customer ${went}` : `${customersText(moved.length)} ${went}`,
      subtitle: `Deployment or usage ${compared} the newest sync ${spanText(movement.days)} or more before today (or the oldest one), biggest move first. Each sync adds a day to the history.`,
      command: `adoption report ${flag}${movement.days === WEEK_DAYS ? '' : ` --days ${movement.days}`}`,
      note: (c) => {
        const t = byKey.get(customerKey(c));
        if (t === undefined) return '';
        const line = (label: string, change: number | null): string[] =>
          towards(movement.direction, change) > 0 ? [`${label} ${describeMovement(change, t)}`] : [];
        return [...line('deployment', t.deploymentChange), ...line('usage', t.usageChange)].join(' · ');
      },
      order,
    },
  );
}

/** "who has the most unused licenses?": each row says how many licenses nobody has, and how many nobody used. */
export function unassignedCard(view: PortfolioView): Reply {
  const customers = view.unassigned();
  return customerList(view, customers, {
    title: customers.length === 0 ? 'Every license sold is assigned' : `${customersText(customers.length)} with unassigned licenses`,
    subtitle:
      'Licenses sold and assigned to nobody, the most first: roll them out with adoption content, or right-size them at renewal. Inactive: assigned, and not used in the last 28 days.',
    command: 'adoption report --unassigned',
    note: (c) => [unassignedText(c), inactiveText(c)].filter((part) => part !== '').join(' · '),
    order: 'most unassigned first',
  });
}

/**
 * "biggest customers", "top 10 customers by seats", "customers with more than 100 seats": each row
 * with its licenses sold, assigned and used; `shown` keeps the first so many.
 */
export function sizeCard(view: PortfolioView, question: SizeQuestion, shown: number | null): Reply {
  const ranked = view.bySize(question);
  const customers = shown === null ? ranked : ranked.slice(0, shown);
  const { order, seats } = question;
  const within = seats === null ? '' : ` with ${seats.side === 'above' ? 'more' : 'fewer'} than ${count(seats.count)} licenses sold`;
  const title =
    customers.length === 0
      ? `No customer${within || ' with licenses sold'}`
      : customers.length < ranked.length
        ? `The ${customers.length} ${order} of ${customersText(ranked.length)}${within || ' by licenses sold'}`
        : `${customersText(customers.length)}${within || ' by licenses sold'}`;
  return customerList(view, customers, {
    title,
    subtitle:
      'Licenses sold: Partner Center deployment analytics or subscribed SKUs, or Graph subscribed SKUs. A customer known from usage reports alone has no count and is left out.',
    command: `adoption report --${order}${seats === null ? '' : ` --seats-${seats.side} ${seats.count}`}`,
    note: (c) =>
      [licensesText(c.assigned, c.sold, c.deploymentPercent), entitlementsText(c.active, c.entitled, c.usagePercent)].join(' · '),
    order: order === 'largest' ? 'most licenses first' : 'fewest licenses first',
  });
}

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
};

/** The CLI option that narrows --renewing the same way. */
const RENEWALS_OPTION: Readonly<Record<RenewalScope, string>> = { all: '', trials: ' --trials', lapsing: ' --lapsing' };

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
 * "who renews soon?": customers with a subscription whose term (or trial) ends within the days
 * asked, the soonest first, each renewal with its seats and date beside the customer's usage, which
 * decides what to do before it: low usage risks fewer seats at renewal, full deployment is the
 * moment for more, a trial's end the moment to convert it. "which trials end soon?": the trials alone.
 */
export function renewalsCard(view: PortfolioView, asked: RenewalSpan, scope: RenewalScope): Reply {
  const today = view.report.generatedAt;
  const days = spanDays(asked, today);
  const customers = view.renewing(days, scope);
  const span = `the next ${count(days)} days${'month' in asked ? `, to the end of ${MONTH_NAMES[asked.month - 1]}` : ''}`;
  const ending = customers.flatMap((c) => renewalsWithin(c, today, days, scope));
  return customerList(view, customers, {
    title: renewalsTitle(
      customers.length,
      span,
      scope,
      ending.some((r) => r.trial),
    ),
    subtitle: RENEWALS_SUBTITLE[scope],
    totals: renewalTotals(ending),
    command: `adoption report --renewing ${days}${RENEWALS_OPTION[scope]}`,
    // The row's own columns give deployment and usage beside it.
    note: (c) =>
      renewalsWithin(c, today, days, scope)
        .map((r) => renewalText(r, today))
        .join(' · '),
    order: 'soonest first',
  });
}

/** Customers with one flag or recommendation, worst first, each with what it says of them. */
export function customersWithCard(view: PortfolioView, code: FindingCode): Reply {
  const customers = view.withFinding(code);
  const label = findingLabel(code);
  const title = customers.length === 0 ? `No customer has this now: ${label}` : `${customersText(customers.length)}: ${label}`;
  const subtitle = isFlagCode(code) ? 'Why their numbers look odd' : 'What to do, and why';
  return customerList(view, customers, {
    title,
    subtitle,
    command: `adoption report --with ${code}`,
    note: (c) => {
      const finding = findingOf(c, code);
      return finding === undefined ? '' : 'reason' in finding ? finding.reason : finding.message;
    },
  });
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
    ...(row.staleDays === null ? [] : [`Old data: ${count(row.staleDays)} days old`]),
    ...(r === undefined ? [] : [`${renewalLabel(r)}: ${r.offer}, ${count(r.seats)} seats on ${r.renewsOn.slice(0, 10)}`]),
  ].join(' · ');
}

/** "what should I do?": customers with a suggested action, a trial about to end or old data, the most urgent first, each with why. */
export function actionsCard(view: PortfolioView): Reply {
  const customers = view.needingAction();
  return customerList(view, customers, {
    title: customers.length === 0 ? 'Nothing to act on now' : `${customersText(customers.length)} to act on`,
    subtitle: `Most urgent first: low adoption (adoption content), then many support requests (training and self-support), then upsell (training courses), then trials ending within ${TRIAL_ACTION_DAYS} days (convert them); old data last, to refresh before acting.`,
    command: 'adoption report --actions',
    note: (c) => actionNote(actionRow(c, view.report.generatedAt)),
    order: 'most urgent first',
  });
}
