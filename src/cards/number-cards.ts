import {
  boundPhrase,
  filterClause,
  filterPhrase,
  measureName,
  measureTotal,
  workloadTotal,
  type PercentFilter,
  type PercentFilters,
  type PercentMeasure,
  type PercentQuery,
  type RankOrder,
  type RankedMeasure,
} from '../metrics/percent-filter.js';
import type { Among } from '../metrics/among.js';
import { bySize } from '../metrics/size.js';
import { soldOf } from '../metrics/products.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { Reply } from './card.js';
import { buttons, type PageRequest } from './actions.js';
import { customerList, flagNote, measureOption, quoted } from './list-cards.js';
import { shortFindingLabel } from './labels.js';
import { messageCard } from './message-cards.js';
import { noSuchProduct } from './product-cards.js';
import {
  capitalized,
  count,
  customersText,
  deploymentCounted,
  few,
  name,
  percentText,
  seatsText,
  SIZE_ORDER_TEXT,
  usageCounted,
} from './text.js';
import { percent } from '../metrics/percent.js';
import { medianPercent } from '../metrics/median.js';
import { lowPercent } from '../metrics/thresholds.js';

/** Customers by one number: below or above a percent, ranked, low, best ("below 40%", "Teams usage", "best customers"). */

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
      return deploymentCounted(c.assigned, c.sold, c.deploymentPercent);
    case 'usage':
      return usageCounted(c.active, c.entitled, c.usagePercent);
    case 'workload': {
      const w = workloadTotal(c, measure.workload);
      return w === undefined ? '' : `${measure.workload} ${usageCounted(w.active, w.entitled, w.usagePercent)}`;
    }
  }
}

/** "below 40%" read for both numbers, as a condition among others joined by "or". */
function eitherPhrase(f: PercentFilter): string {
  if (f.measure.kind !== 'lower') return filterPhrase(f);
  return `deployment ${f.side === 'below' ? 'or' : 'and'} usage ${boundPhrase(f)}`;
}

/** "usage below 50% and deployment above 80%", "usage above 30% and below 40%": a group of conditions after "with". */
function groupPhrase(group: PercentFilters): string {
  return group
    .map((f, i) =>
      i > 0 && f.measure.kind !== 'lower' && sameMeasure(group[i - 1]!.measure, f.measure) ? boundPhrase(f) : eitherPhrase(f),
    )
    .join(' and ');
}

/**
 * "below 40%", "Teams usage below 50%", "deployment above 90%", "usage below 50% or deployment
 * below 60%", "usage below 50% and deployment above 80%, or usage below 20%": those customers, the
 * farthest from the line first.
 */
export function percentCard(
  all: PortfolioView,
  query: PercentQuery,
  among: Among | null,
  page: PageRequest,
  /** What the percents are, after the title: ", the average". */
  caption = '',
): Reply {
  const scope = scoped(all, among);
  if ('reply' in scope) return scope.reply;
  const { view } = scope;
  const customers = scope.arrange(view.passing(query));
  const filters = query.flat();
  const nearest = customers.length === 0 ? nearestTo(view, query) : undefined;
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
          (f) =>
            `Deployment ${f.side === 'below' ? 'or' : 'and'} usage ${f.inclusive ? boundPhrase(f) : `${f.side === 'below' ? 'under' : 'over'} ${f.percent}%`}`,
        )
        .join(' · ');
    })
    .join(' · ');
  return customerList(
    view,
    nearest === undefined ? customers : [nearest],
    {
      title: `${title}${caption}${scope.phrase}`,
      subtitle,
      // The command line joins its conditions by "and" only: for "or", it lists every customer.
      command: `${others.length > 0 ? 'adoption report --json' : reportCommand(group)}${scope.options}`,
      note: (c) => measuredNote(c, measures),
      order:
        nearest !== undefined
          ? `nearest to ${query[0][0].percent}%`
          : among?.size
            ? SIZE_ORDER_TEXT[among.size]
            : filters.every((f) => f.side === 'above')
              ? 'highest first'
              : 'lowest first',
    },
    page,
  );
}

/** When no customer meets a single condition: the one that comes nearest (the lowest for "below 5%"), if any has the number. */
function nearestTo(view: PortfolioView, query: PercentQuery): CustomerReport | undefined {
  const [[filter, ...others], ...groups] = query;
  if (others.length > 0 || groups.length > 0) return undefined;
  return view.ranked(filter.measure, filter.side === 'below' ? 'lowest' : 'highest')[0];
}

/** One group's conditions after the count: "below 40%", "with usage above 30% and below 40%" (a measure said once for the conditions in a row that read it). */
function allPhrase(group: PercentFilters): string[] {
  const both = group.filter((f) => f.measure.kind === 'lower').map(filterPhrase);
  const one = group
    .filter((f) => f.measure.kind !== 'lower')
    .map((f, i, all) => (i > 0 && sameMeasure(all[i - 1]!.measure, f.measure) ? boundPhrase(f) : filterPhrase(f)));
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
  const bounds = filters.map((f) => `--${f.inclusive ? (f.side === 'below' ? 'at-most' : 'at-least') : f.side} ${f.percent}`).join(' ');
  const option = measure.kind === 'lower' ? '' : ` ${measureOption(measure)}`;
  return `adoption report ${bounds}${option}`;
}

/**
 * "Teams usage", "rank customers by usage", "who has the highest deployment?": every customer with
 * that number, lowest (or highest) first, each with its counts.
 */
export function rankedCard(
  all: PortfolioView,
  measure: RankedMeasure,
  order: RankOrder,
  count: number | null,
  among: Among | null,
  page: PageRequest,
): Reply {
  const scope = scoped(all, among);
  if ('reply' in scope) return scope.reply;
  const { view } = scope;
  const ranked = scope.arrange(view.ranked(measure, order));
  const customers = count === null ? ranked : ranked.slice(0, count);
  // "Usage: 7 customers with E3" when each has the number; ", among 9 customers with E3" when not.
  const within = ranked.length === view.customers.length ? scope.all : scope.phrase;
  const what = measureName(measure);
  const meaning = measure.kind === 'workload' ? `${measure.workload} ${MEASURE_MEANING.workload}` : MEASURE_MEANING[measure.kind];
  const subject = measure.kind === 'workload' ? measure.workload : measure.kind;
  return customerList(
    view,
    customers,
    {
      title:
        customers.length === 0
          ? `No customer has ${what} figures yet`
          : customers.length < ranked.length
            ? `${capitalized(what)}: the ${order}${customers.length === 1 ? '' : ` ${customers.length}`} of ${customersText(ranked.length)}${within}`
            : `${capitalized(what)}: ${customersText(customers.length)}${within}`,
      subtitle: `${meaning}. Customers with no ${subject} figures are left out.`,
      command: `adoption report ${measureOption(measure)}${scope.options}`,
      note: (c) => measuredNote(c, [measure]),
      order: among?.size ? SIZE_ORDER_TEXT[among.size] : `${order} first`,
      totals: ranked.length === 0 ? [] : [rankedTotal(ranked, measure, capitalized(what))],
    },
    page,
  );
}

/**
 * "Teams usage over 12 customers: 80.3% (765 of 953 entitlements active) · median customer 82%":
 * the average asked for, sum over sum, then what a typical customer sees.
 */
function rankedTotal(ranked: readonly CustomerReport[], measure: RankedMeasure, what: string): { title: string; value: string } {
  const total = measureTotal(ranked, measure);
  const counted =
    measure.kind === 'deployment'
      ? deploymentCounted(total.part, total.whole, total.percent)
      : usageCounted(total.part, total.whole, total.percent);
  return {
    title: `${what} over ${customersText(ranked.length)}`,
    value: `${counted} · median customer ${percentText(medianPercent(ranked, measure))}`,
  };
}

/** Customers under the configured thresholds: of both numbers, each its own, or of the one measured. */
export function lowAdoptionCard(all: PortfolioView, measure: PercentMeasure, among: Among | null, page: PageRequest): Reply {
  const t = all.thresholds;
  if (measure.kind !== 'lower') {
    const percent = lowPercent(t, measure.kind);
    return percentCard(all, [[{ side: 'below', percent, measure }]], among, page);
  }
  const scope = scoped(all, among);
  if ('reply' in scope) return scope.reply;
  const customers = scope.arrange(scope.view.lowAdoption());
  const title = customers.length === 0 ? 'No customer has low adoption' : `${customersText(customers.length)} with low adoption`;
  const of = scope.view.customers.length;
  return customerList(
    scope.view,
    customers,
    {
      title: `${title}${scope.phrase}`,
      subtitle: `Deployment under ${t.deploymentLowPercent}% or usage under ${t.usageLowPercent}% (set by ADOPTION_DEPLOYMENT_LOW_PERCENT and ADOPTION_USAGE_LOW_PERCENT)`,
      // "what percentage of customers are low?"
      totals:
        customers.length === 0
          ? []
          : [
              {
                title: 'Share',
                value: `${count(customers.length)} of ${customersText(of)} (${percentText(percent(customers.length, of))})`,
              },
            ],
      command: `adoption report --json${scope.options}`,
      ...(among?.size ? { order: SIZE_ORDER_TEXT[among.size] } : {}),
    },
    page,
  );
}

/**
 * The portfolio narrowed to the customers asked about, with how the title says it (", among 7
 * customers with E3") and the command line's options that narrow the same way; or, when none is
 * left, the answer that says so.
 */
function scoped(
  view: PortfolioView,
  among: Among | null,
):
  | {
      view: PortfolioView;
      /** ", among 7 customers with E3, the largest first": after a title that counts fewer. */
      phrase: string;
      /** " with E3, the largest first": after a title that counts them all. */
      all: string;
      options: string;
      arrange: (customers: CustomerReport[]) => CustomerReport[];
    }
  | { reply: Reply } {
  const asIs = (customers: CustomerReport[]): CustomerReport[] => customers;
  if (among === null) return { view, phrase: '', all: '', options: '', arrange: asIs };
  // "the largest E3 accounts below 40%": by their E3 licenses.
  const sold = among.product === null ? undefined : soldOf(among.product);
  const { size } = among;
  // As the command line's --largest and --smallest: the customers with licenses sold, in their order.
  const arrange =
    size === null ? asIs : (customers: CustomerReport[]): CustomerReport[] => bySize(customers, { order: size, seats: null }, sold);
  const sized = size === null ? '' : `, the ${size} first`;
  const sizeOption = size === null ? '' : ` --${size}`;
  if (among.product === null && among.seats === null && among.finding === null)
    return { view, phrase: sized, all: sized, options: sizeOption, arrange };
  const narrowed = view.among(among);
  const label = among.product === null ? null : name(view.productLabel(among.product));
  // "with E3 and more than 100 E3 licenses sold" says it once: "with more than 100 E3 licenses sold".
  const seats = among.seats === null ? null : seatsText(among.seats, label);
  const finding = among.finding === null ? null : shortFindingLabel(among.finding);
  if (narrowed.customers.length === 0) {
    if (among.product !== null && view.withProduct(among.product).length === 0)
      return { reply: noSuchProduct(view, name(among.product), '') };
    const asked = [among.product === null ? null : `a product named like "${name(among.product)}"`, seats, finding].filter(
      (p) => p !== null,
    );
    return { reply: messageCard(`No customer has ${asked.join(' and ')}.`, [], [buttons.portfolio(), buttons.help()]) };
  }
  const parts = [seats === null ? label : null, seats, finding].filter((p) => p !== null);
  const options = [
    among.product === null ? '' : ` --product ${quoted(among.product)}`,
    among.seats === null ? '' : ` --seats-${among.seats.side} ${among.seats.count}`,
    among.finding === null ? '' : ` --with ${among.finding}`,
    sizeOption,
  ].join('');
  return {
    view: narrowed,
    phrase: `, among ${customersText(narrowed.customers.length)} with ${parts.join(' and ')}${sized}`,
    all: ` with ${parts.join(' and ')}${sized}`,
    options,
    arrange,
  };
}

/** Why each end of the ranking by the lower of the two numbers is worth a look. */
const STANDING_USE: Record<'best' | 'worst', string> = {
  best: 'good candidates for case studies and user testimonials',
  worst: 'the first to offer adoption content and training',
};

/**
 * "best customers", "top 5": the highest first, the ones to ask for a case study or a testimonial;
 * "bottom 5", "the 3 worst customers": the lowest first, the ones to help first.
 */
export function standingCard(view: PortfolioView, end: 'best' | 'worst', count: number | null, page: PageRequest): Reply {
  const ranked = end === 'best' ? view.best() : view.worst();
  const shown = count === null ? ranked : ranked.slice(0, count);
  return customerList(
    view,
    shown,
    {
      title:
        shown.length === ranked.length
          ? `${customersText(ranked.length)}, ${end} first`
          : `The ${end} ${few(shown.length)}of ${customersText(ranked.length)}`,
      subtitle: `Ranked by the lower of deployment and usage: ${STANDING_USE[end]}`,
      command: 'adoption report',
      order: `${end} first`,
    },
    page,
  );
}

/** The numbers a measure reads: both for either number ("lower"), or the one named. */
function numbersOf(measure: PercentMeasure): [RankedMeasure, ...RankedMeasure[]] {
  return measure.kind === 'lower' ? [{ kind: 'deployment' }, { kind: 'usage' }] : [measure];
}

/** The customers a question is about: all, or those it names. */
function asked(all: PortfolioView, among: Among | null): PortfolioView {
  return among === null ? all : all.among(among);
}

/**
 * "which customers are below average?", "customers above average Teams usage": the customers on
 * that side of the average (sum over sum) of the number, over the customers asked about; for both
 * numbers, below either average, or above both.
 */
export function averageCard(
  all: PortfolioView,
  side: 'below' | 'above',
  measure: PercentMeasure,
  among: Among | null,
  page: PageRequest,
): Reply {
  const over = asked(all, among).customers;
  const filters = numbersOf(measure).flatMap((m) => {
    const average = measureTotal(over, m).percent;
    return average === null ? [] : [{ side, percent: average, measure: m }];
  });
  const [first, ...others] = filters;
  if (first === undefined) {
    return messageCard(
      `No customer has ${measureName(measure.kind === 'lower' ? { kind: 'usage' } : measure)} figures yet, so there is no average.`,
      [],
      [buttons.portfolio()],
    );
  }
  // Below either average; above both.
  const query: PercentQuery = side === 'below' ? [[first], ...others.map((f): PercentFilters => [f])] : [[first, ...others]];
  const whose = among === null ? "the portfolio's" : 'their';
  return percentCard(all, query, among, page, filters.length > 1 ? ` (${whose} averages)` : ` (${whose} average)`);
}

/** How far above a threshold a customer is "close to" it. */
export const NEAR_THRESHOLD_POINTS = 10;

/**
 * "who is close to the threshold?": the customers at or above the threshold of the number (of
 * either, when none is named) by less than NEAR_THRESHOLD_POINTS, who are not low yet and soon
 * could be.
 */
export function nearThresholdCard(all: PortfolioView, measure: PercentMeasure, among: Among | null, page: PageRequest): Reply {
  const t = all.thresholds;
  const near = (m: RankedMeasure): PercentFilters => {
    const line = lowPercent(t, m.kind);
    return [
      { side: 'above', percent: line, inclusive: true, measure: m },
      { side: 'below', percent: line + NEAR_THRESHOLD_POINTS, measure: m },
    ];
  };
  const [head, ...rest] = numbersOf(measure);
  // Either number close to its threshold.
  const query: PercentQuery = [near(head), ...rest.map(near)];
  const within = `within ${NEAR_THRESHOLD_POINTS} points above ${query.length > 1 ? 'the thresholds' : 'the threshold'}`;
  const over = asked(all, among);
  // An unknown product or no such customers: percentCard says so.
  if (over.customers.length > 0 && over.passing(query).length === 0) {
    const lines = query.map(([{ measure: m, percent }]) => `${measureName(m)} ${percent}%`).join(', ');
    return messageCard(
      `No customer is ${within} (${lines}).`,
      ['The customers under them are the low adoption list.'],
      [buttons.lowAdoption(), buttons.portfolio()],
    );
  }
  return percentCard(all, query, among, page, ` (${within})`);
}

/**
 * "who is above the threshold?": the customers at or above the threshold of the number, of both
 * when none is named: those the low adoption list leaves out.
 */
export function aboveThresholdCard(all: PortfolioView, measure: PercentMeasure, among: Among | null, page: PageRequest): Reply {
  const atOrAbove = (m: RankedMeasure): PercentFilter => ({
    side: 'above',
    percent: lowPercent(all.thresholds, m.kind),
    inclusive: true,
    measure: m,
  });
  const [head, ...rest] = numbersOf(measure);
  // Both numbers at or above their thresholds.
  return percentCard(
    all,
    [[atOrAbove(head), ...rest.map(atOrAbove)]],
    among,
    page,
    rest.length > 0 ? ' (the thresholds)' : ' (the threshold)',
  );
}
