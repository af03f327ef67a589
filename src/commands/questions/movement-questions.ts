import { workloadNamed } from '../../data/workloads.js';
import type { RankedMeasure } from '../../metrics/percent-filter.js';
import { WEEK_DAYS, type Movement } from '../../metrics/trend.js';
import { SPAN_UNIT_DAYS } from './words.js';

/** Questions about how the numbers moved: "who dropped this month?", "who improved?", "what changed?". */

/** "is adoption improving?", "are we getting worse?", "is usage going up?" (usage taken out first): the portfolio's customers. */
const WHOLE = String.raw`(?:is|are|has|have|did) (?:adoption|we|things|(?:the |our )?(?:numbers|customers|portfolio)) `;
const WENT_DOWN = new RegExp(
  String.raw`^(?:(?:which|what) customers? |who |customers? (?:that|who) |${WHOLE})?(?:(?:is|are|has|have|did) )?(?:dropped|fell|fallen|declined|decreased|gone down|went down|got worse|gotten worse|declining|dropping|falling|decreasing|going down|getting worse|drop|fall|decline|decrease|go down|get worse)(?: (?:the )?most)?$|^(?:show |list )?(?:the )?(?:biggest |recent |latest )?(?:drops|falls|declines|decliners)$`,
);
const WENT_UP = new RegExp(
  String.raw`^(?:(?:which|what) customers? |who |customers? (?:that|who) |${WHOLE})?(?:(?:is|are|has|have|did) )?(?:improved|increased|gone up|went up|got better|gotten better|grew|grown|rose|risen|climbed|improving|increasing|growing|rising|climbing|going up|getting better|improve|increase|go up|get better|grow|rise|climb)(?: (?:the )?most)?$|^(?:show |list )?(?:the )?(?:biggest |recent |latest )?(?:gains|risers|climbers|improvements|improvers)$`,
);
/** "what changed this week?", "any changes?", "who moved the most?": either way. */
const MOVED =
  /^(?:what(?:'s| has| have)? changed|what is new|any (?:news|changes)|(?:which|what) customers? (?:changed|moved)(?: (?:the )?most)?|who (?:changed|moved)(?: (?:the )?most)?|(?:show |list )?(?:the )?(?:biggest |recent |latest )?(?:changes|moves|movers)|anything (?:i|we) should know(?: about)?|(?:anything )?new|(?:the |our |portfolio )?(?:trends?|history)|how (?:did|have) (?:we|i|things|customers|the customers) (?:do|done|go|gone)|how (?:are|is) (?:we|things|customers|the portfolio) trending|how (?:has|have|did)(?: (?:the |our )?(?:numbers|adoption|things|portfolio))? changed?|(?:the |our )?(?:numbers |adoption )?over time)$/;
/** A span after a movement: "this week", "in the last 3 months", "over the past two weeks", "since last month", "lately". */
export const SPAN_WORDS = String.raw` (?:(?:this|last|(?:in |over )?(?:the )?(?:last|past)) (?:(?<spanCount>\d{1,3}) )?(?<spanUnit>day|week|month|quarter|year)s?|since last (?<sinceUnit>week|month|quarter|year)|(?<oneDay>since yesterday|overnight|today)|lately|recently)`;
const SPAN = new RegExp(`${SPAN_WORDS}$`);

/** The days a span read by SPAN_WORDS names ("this month": 30, "the last 3 weeks": 21, "since yesterday": 1); a week when none is. */
export function spanDays(groups: Readonly<Record<string, string | undefined>> | undefined): number {
  if (groups?.['oneDay'] !== undefined) return 1;
  const unit = groups?.['spanUnit'] ?? groups?.['sinceUnit'];
  const count = groups?.['spanCount'] === undefined ? 1 : Number(groups['spanCount']);
  return unit === undefined ? WEEK_DAYS : count * SPAN_UNIT_DAYS[unit]!;
}

/** "by more than 10 points", "over 5%", "more than 10 pts": how far a move must go to count. */
const BEYOND = / (?:by )?(?:more than|over|above) (\d{1,3}(?:[.,]\d+)?) ?(?:%|percent|pct|points?|pts?|percentage points?)?(?= |$)/;

/** The number a movement is asked of: "usage", "deployment", or a workload's name and "usage". */
const MEASURE_WORD = /\b(deployment|usage)\b/;
/** Words that tie the number in: "who dropped in usage", "who improved their Teams usage". */
const TIE = /(?:^| )(?:in|on|of|for|their|its)$/;
/** "who improved the most in Teams", "who dropped on OneDrive": a workload's name last, without "usage". */
const WORKLOAD_LAST = / (?:in|on|for|with) (.+)$/;
/** Workload names run to three words ("skype for business"). */
const LONGEST_WORKLOAD = 3;

/**
 * "usage fell", "whose deployment dropped", "who dropped in Teams usage", "which customers' usage
 * went up", "who improved the most in Teams": the one number asked of, and the words left once it is out ("whose" and "customers'"
 * read as "who" and "customers").
 */
function measureIn(said: string): { readonly measure: RankedMeasure; readonly rest: string } | null {
  const word = MEASURE_WORD.exec(said);
  if (word === null) {
    const last = WORKLOAD_LAST.exec(said);
    const workload = last === null ? null : workloadNamed(last[1]!);
    return workload === null ? workloadFirst(said) : { measure: { kind: 'workload', workload }, rest: said.slice(0, last!.index) };
  }
  let before = said.slice(0, word.index).trim();
  let measure: RankedMeasure = { kind: word[1] as 'deployment' | 'usage' };
  if (measure.kind === 'usage') {
    const words = before.split(' ');
    for (let n = Math.min(LONGEST_WORKLOAD, words.length); n >= 1; n--) {
      const workload = workloadNamed(words.slice(-n).join(' '));
      if (workload !== null) {
        measure = { kind: 'workload', workload };
        before = words.slice(0, -n).join(' ');
        break;
      }
    }
  }
  const rest = `${before.replace(TIE, '')} ${said.slice(word.index + word[0].length)}`
    .replace(/\bwhose\b/, 'who')
    .replace(/\bcustomers'/, 'customers')
    .replace(/\s+/g, ' ')
    .trim();
  return { measure, rest };
}

/** "Teams trend", "OneDrive over time": a workload's name first, without "usage", and the words after it. */
function workloadFirst(said: string): { readonly measure: RankedMeasure; readonly rest: string } | null {
  const words = said.split(' ');
  for (let n = Math.min(LONGEST_WORKLOAD, words.length - 1); n >= 1; n--) {
    const workload = workloadNamed(words.slice(0, n).join(' '));
    if (workload !== null) return { measure: { kind: 'workload', workload }, rest: words.slice(n).join(' ') };
  }
  return null;
}

/** "who stopped using Teams?", "which customers abandoned Yammer?": that workload's usage went down. */
const STOPPED = /^(?:who|which customers?|what customers?) (?:has |have )?(?:stopped|quit|gave up|given up|abandoned) (?:using |on )?(.+)$/;

/** "who dropped this month?": which way, over how many days (a week unless a span is named), how far, and of which number. */
export function movementAsked(asked: string): Movement | null {
  const stopped = STOPPED.exec(asked);
  if (stopped) {
    const span = SPAN.exec(stopped[1]!);
    const workload = workloadNamed(span ? stopped[1]!.slice(0, span.index) : stopped[1]!);
    const days = spanDays(span?.groups);
    if (workload !== null && days > 0) return { direction: 'down', days, measure: { kind: 'workload', workload } };
  }
  const beyond = BEYOND.exec(asked);
  const unbounded = beyond ? asked.replace(beyond[0], '') : asked;
  const span = SPAN.exec(unbounded);
  const said = span ? unbounded.slice(0, span.index) : unbounded;
  const measured = measureIn(said);
  const words = measured?.rest ?? said;
  const direction = WENT_DOWN.test(words) ? 'down' : WENT_UP.test(words) ? 'up' : MOVED.test(words) ? 'either' : null;
  if (direction === null) return null;
  const days = spanDays(span?.groups);
  if (days <= 0) return null;
  return {
    direction,
    days,
    ...(beyond ? { beyondPoints: Number(beyond[1]!.replace(',', '.')) } : {}),
    ...(measured ? { measure: measured.measure } : {}),
  };
}
