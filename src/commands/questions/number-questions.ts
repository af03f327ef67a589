import { firstGroup } from './words.js';
import { workloadNamed, workloadNamedIn } from '../../data/workloads.js';
import type {
  PercentFilter,
  PercentFilters,
  PercentMeasure,
  PercentQuery,
  RankedMeasure,
  RankOrder,
} from '../../metrics/percent-filter.js';

/** Questions about one number (deployment, usage, a workload's usage): percents, low ones, rankings. */

/** A workload alone, or with "usage" / "adoption", and maybe "by customer" or "average": the rest is the workload's name. */
const WORKLOAD_USAGE =
  /^(?:(?:show|list)(?: me)? |what is )?(?:the |our |my )?(?:(?:average|median|typical|overall|total|portfolio|mean) )?(.+?)(?: usage| adoption| use| (?:active )?users)?(?: rate| %| percent(?:age)?)?(?: (?:by|per|for each|for every|for all|across|of all|of my|over all) (?:all |my |our |the )?(?:customers?|accounts?))?$/;
/**
 * "how is Exchange doing across customers?", "how is Teams used?", "how many people use Teams?": the
 * rest must be a workload's name.
 */
const WORKLOAD_DOING =
  /^how (?:is|are) (.+?)(?: usage| adoption)? (?:doing|going|used|adopted)(?: (?:across|for|at|over|with|among) (?:all |my |our |the )?(?:customers|accounts))?$|^how many (?:people|users|employees) (?:use|are using|are active (?:on|in)|are active users of) (.+?)$|^how many (?:active )?(?:people|users|employees) (?:do (?:we|i) have |are there )?(?:in|on|using) (.+?)$/;

export function workloadAsked(asked: string): string | null {
  for (const pattern of [WORKLOAD_USAGE, WORKLOAD_DOING]) {
    const workload = workloadNamed(firstGroup(pattern.exec(asked)) ?? '');
    if (workload !== null) return workload;
  }
  return null;
}

/** "rank customers by usage", "sort by deployment", "customers ranked by Teams usage", "customers by usage": lowest first. */
const RANK_BY =
  /^(?:(?:rank|sort|order|list|show)(?: me)?(?: (?:all|my|the|our))?(?: (?:customers|accounts))?|(?:(?:all|my|our) )?(?:customers|accounts)(?: (?:ranked|sorted|ordered))?|(?:the )?(?:worst|bottom) (?:customers|accounts)) by (.+?)(?: (asc|ascending|desc|descending))?$/;
/** "who has the highest usage?", "best Teams usage", "top deployment", "who uses Teams the most?": highest first. */
const HIGHEST =
  /^(?:(?:who|which customers?|what customers?) (?:has|have) )?(?:the )?(?:highest|best|top|most) (.+)$|^(?:who|which customers?) (?:uses?|is using|are using) (.+?) (?:the )?most$/;

/**
 * "high usage", "who has good Teams usage?", "customers with strong deployment": highest first, as
 * nothing sets what is high. Words before the number must name a workload ("High Tech usage" is a customer).
 */
const HIGH =
  /^(?:(?:who|which customers?|what customers?) (?:has|have) |(?:customers|accounts) with )?(?:an? )?(?:high|good|strong|great|excellent) (?:(.+?) )?(usage|use|adoption|deployment)$/;

function highAsked(asked: string): string | null {
  const high = HIGH.exec(asked);
  if (!high) return null;
  const [, lead, measure] = high;
  return lead === undefined ? measure! : workloadNamed(lead) === null ? null : `${lead} ${measure!}`;
}

/** "top 3 customers by usage", "bottom 5 by deployment", "worst 10 accounts for Teams usage": so many, ranked. */
const RANK_COUNTED =
  /^(?:(?:show|list)(?: me)? |(?:who|which|what) are )?(?:the |my |our )?(top|best|highest|bottom|worst|lowest) (\d{1,3}) (?:(?:customers|accounts) )?(?:by|for|on|in) (.+)$/;

/** A ranking by a number the words name, of every customer or so many; null when they name none (or both: "adoption"). */
export function rankAsked(asked: string): { measure: RankedMeasure; order: RankOrder; count: number | null } | null {
  const counted = RANK_COUNTED.exec(asked);
  if (counted) {
    const measure = measureOf(counted[3]!);
    const count = Number(counted[2]);
    if (measure.kind === 'lower' || count === 0) return null;
    return { measure, order: /^(?:top|best|highest)$/.test(counted[1]!) ? 'highest' : 'lowest', count };
  }
  const by = RANK_BY.exec(asked);
  const highest = by ? null : HIGHEST.exec(asked);
  const words = by?.[1] ?? highest?.[1] ?? highest?.[2] ?? highAsked(asked) ?? undefined;
  if (words === undefined) return null;
  const measure = measureOf(words);
  if (measure.kind === 'lower') return null;
  const descending = by ? (by[2]?.startsWith('desc') ?? false) : true;
  return { measure, order: descending ? 'highest' : 'lowest', count: null };
}

/** A percent, with or without its sign; never a count ("more than 100 seats" is a size) nor a span of time ("over 3 months"). */
const PERCENT =
  /(?:\b(below|under|less than|lower than|above|over|more than|higher than|greater than|at most|at least)|(<|>))\s*(\d{1,3}(?:[.,]\d+)?)(?![\d.,]|\s*(?:(?:unassigned|unused|idle|spare|free|assigned|active|inactive) )?(?:seats?|licen[cs]es?|users?|people|subscriptions?|(?:support |service )?(?:requests?|tickets?|cases?|calls?))\b|\s*(?:days?|weeks?|months?|quarters?|years?|points?|pts?|percentage points?)\b)\s*(?:%|percent|pct)?/;
const ABOVE_WORDS: ReadonlySet<string> = new Set(['above', 'over', 'more than', 'higher than', 'greater than', '>', 'at least']);
/** Bounds that include their percent. */
const INCLUSIVE_WORDS: ReadonlySet<string> = new Set(['at most', 'at least']);
/** Other ways to say "at most" and "at least", each said the one way before the percents are read. */
const INCLUSIVE_SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/\b(?:(?:no|not) more than|not (?:above|over)|up to)(?=\s*\d)|(?:<=|≤)(?=\s*\d)/g, 'at most'],
  [/\b(?:(?:no|not) less than|not (?:below|under))(?=\s*\d)|(?:>=|≥)(?=\s*\d)/g, 'at least'],
  [/\b(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct) (?:or|and) (?:less|lower|below|under|fewer)\b(?! ?(?:than )?\d)/g, 'at most $1%'],
  [
    /\b(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct) (?:or (?:more|higher|above|over|greater|better)|and (?:above|over|higher|up))\b(?! ?(?:than )?\d)/g,
    'at least $1%',
  ],
];
const DEPLOYMENT_WORDS = /\b(?:deployment|deployed|deploying|assigned)\b/;
const USAGE_WORDS = /\b(?:usage|use|used|uses|using|active)\b/;

/** What the words around a percent are about: a workload by name, deployment, usage, or both numbers. */
function measureOf(words: string): PercentMeasure {
  const workload = workloadNamedIn(words);
  if (workload !== null) return { kind: 'workload', workload };
  if (DEPLOYMENT_WORDS.test(words)) return { kind: 'deployment' };
  if (USAGE_WORDS.test(words)) return { kind: 'usage' };
  return { kind: 'lower' };
}

const PERCENTS = new RegExp(PERCENT.source, 'g');
/** What joins two conditions: "usage below 50% and deployment above 80%", "... & ...", "above 40%, below 60%". */
const CLAUSES = /\s*,\s*|\s+(?:and|&|but|while|with|yet)\s+/;
/** "usage below 50% or deployment below 60%": either condition will do. */
const OR_CLAUSES = /\s*,\s*(?:or\s+)?|\s+or\s+/;
/** Between groups of conditions joined by "and": "... and deployment above 80%, or usage below 20%". */
const OR_GROUPS = /\s*,?\s+or\s+/;
const OR = /\bor\b/;
const AND = /\band\b|\s&\s/;
/** "between 40% and 60%", "from 40% to 60%", "40-60%", "40–60 percent": at or above the one, at or below the other. */
const BETWEEN =
  /\b(?:between|from)\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct)?\s*(?:and|-|–|to)\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct)?|\b(\d{1,3}(?:[.,]\d+)?)\s*%?\s*(?:-|–)\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct)/;

const percentOf = (digits: string): number => Number(digits.replace(',', '.'));

/**
 * One condition. Above 100% with no number named is usage: only usage reads above 100% (activity
 * beyond entitlements, which the flags explain), and "who is over 100%?" asks for it.
 */
function filterIn(match: RegExpExecArray, said: PercentMeasure): PercentFilter {
  const word = match[1] ?? match[2]!;
  const side = ABOVE_WORDS.has(word) ? 'above' : 'below';
  const percent = percentOf(match[3]!);
  const measure: PercentMeasure = said.kind === 'lower' && side === 'above' && percent >= 100 ? { kind: 'usage' } : said;
  return INCLUSIVE_WORDS.has(word) ? { side, percent, inclusive: true, measure } : { side, percent, measure };
}

/**
 * "below 40%", "Teams usage below 50%"; with two conditions, each reads the words of its own
 * clause ("usage below 50% and deployment above 80%"), and a clause that names no number reads
 * the one before it ("usage above 40% and below 60%"). "or" makes groups of which a customer meets
 * one, "and" binds before it: "usage below 50% or deployment below 60%", "usage or deployment
 * below 40%", "usage below 50% and deployment above 80%, or usage below 20%".
 */
export function percentsAsked(question: string): PercentQuery | null {
  const asked = INCLUSIVE_SPELLINGS.reduce((text, [spelling, said]) => text.replace(spelling, said), question);
  const between = BETWEEN.exec(asked);
  if (between) {
    const measure = measureOf(asked.replace(between[0], ' '));
    const [low, high] = [percentOf(between[1] ?? between[3]!), percentOf(between[2] ?? between[4]!)].sort((a, b) => a - b) as [
      number,
      number,
    ];
    // Both ends in: "between 40% and 60%" takes a customer at 40%.
    return [
      [
        { side: 'above', percent: low, inclusive: true, measure },
        { side: 'below', percent: high, inclusive: true, measure },
      ],
    ];
  }
  const matches = [...asked.matchAll(PERCENTS)];
  const [first] = matches;
  if (first === undefined) return null;
  const either = OR.test(asked);
  if (matches.length === 1) {
    const words = asked.replace(first[0], ' ');
    // "usage and deployment below 40%": both numbers, each under it ("or": either).
    if (workloadNamedIn(words) === null && DEPLOYMENT_WORDS.test(words) && USAGE_WORDS.test(words)) {
      const [deployment, usage] = [filterIn(first, { kind: 'deployment' }), filterIn(first, { kind: 'usage' })];
      return either && !AND.test(asked) ? [[deployment], [usage]] : [[deployment, usage]];
    }
    return [[filterIn(first, measureOf(words))]];
  }
  // Without "and", a comma between conditions is an "or" too: "usage below 50%, deployment below 60% or ...".
  const groups = !either ? [asked] : asked.split(AND.test(asked) ? OR_GROUPS : OR_CLAUSES);
  const query: PercentFilters[] = [];
  let previous: PercentFilter | undefined;
  for (const text of groups) {
    const group: PercentFilter[] = [];
    for (const clause of text.split(CLAUSES)) {
      const match = new RegExp(PERCENT.source).exec(clause);
      if (!match) continue;
      const named = measureOf(clause.replace(match[0], ' '));
      previous = filterIn(match, named.kind === 'lower' && previous ? previous.measure : named);
      group.push(previous);
    }
    const [head, ...rest] = group;
    if (head !== undefined) query.push([head, ...rest]);
  }
  const [head, ...rest] = query;
  return head === undefined ? null : [head, ...rest];
}
/** What "no usage" asks about when it means the figures, not the people: "no usage data". */
const FIGURES_AFTER = String.raw`(?! (?:data|figures|numbers|reports?|analytics)\b)`;
/**
 * "zero usage", "who has no Teams usage?", "0% deployment", "usage at 0%", "Teams usage is zero",
 * "customers not using Teams at all", "where nobody uses Yammer", "who never used Teams?": nobody active (or nothing assigned).
 */
const ZERO = [
  new RegExp(
    String.raw`\b(?:zero|0 ?(?:%|percent)|no)\s+((?:[\w-]+ ){0,3}(?:usage|use|adoption|deployment|activity|active users))\b${FIGURES_AFTER}`,
  ),
  /\b((?:.+? )?(?:usage|adoption|deployment))(?: is| of| at| =)? (?:zero|0 ?(?:%|percent)?)(?![\d.,]|\s*(?:days?|weeks?|months?)\b)/,
  /(?:\bnot|\bnever|n't) (?:using|use|uses|used) (.+?) at all\b|\b(?:nobody|no one|no-one|none of (?:the|their) users) (?:is )?(?:using|uses|use|used|active (?:on|in)) (.+)/,
  // "who never used Teams?", "which customers have never used Yammer?".
  /^(?:who|which customers?|what customers?)(?: (?:has|have))? never (?:used|uses|use|touched|tried|opened) (.+)$/,
];

/** The number a "nobody uses it" question reads: its words', or usage when they name none. */
export function zeroAsked(asked: string): PercentMeasure | null {
  for (const pattern of ZERO) {
    const match = pattern.exec(asked);
    if (!match) continue;
    const measure = measureOf(match[1] ?? match[2]!);
    return measure.kind === 'lower' && !/\badoption\b/.test(match[0]) ? { kind: 'usage' } : measure;
  }
  return null;
}

const LOW =
  /^(?:(?:show|list|which|who|how many|any|customers|accounts|the|number|count)\b.*)?\b(?:low(?:est)?|least) (?:.+? )??(?:adoption|usage|use|deployment)\b|^(?:(?:who|which customers?) (?:has|have) )?(?:an? )?(?:.+? )?(?:adoption|usage|deployment) (?:problems?|issues?|trouble)$|^(?:who|which customers?) (?:is not|isn't|are not|aren't) deploying\b|^(?:who|which customers?) (?:has not|hasn't|have not|haven't) (?:fully )?deployed\b|^(?:whose|(?:which|what) (?:customers?|accounts?)'|(?:customers?|accounts?) whose) (?:.+? )?(?:adoption|usage|deployment) (?:is|are) (?:low|poor|bad|weak|lagging)$|^(?:who has )?(?:the )?worst (?:(?!.*\b(?:customers?|accounts?|by)\b).+ )?(?:adoption|usage|deployment)$/;
const LEAST =
  /^(?:who|which customers?) (?:uses?|is using|are using) .+? (?:the )?least$|^(?:who|which customers?) (?:is not|isn't|are not|aren't|does not|doesn't|do not|don't|(?:is |are )?barely|(?:is |are )?hardly) (?:using|use|uses) .+$|^(?:who|which customers?) (?:has not|hasn't|have not|haven't|did not|didn't|(?:has|have) (?:barely|hardly)) (?:used|touched|adopted) .+$|^(?:who|which customers?) (?:has|have) (?:little|hardly any|barely any) .+? (?:usage|use|adoption)$|^(?:customers?|accounts?) (?:(?:that|who) (?:are|is) )?(?:not|barely|hardly) using .+$/;
/**
 * "who is struggling?", "which customers are at risk?", "at-risk customers", "who is below the
 * threshold?", "is anyone low?": low adoption of either number.
 */
const WHO_IS = String.raw`(?:(?:who|which customers?|what customers?|how many customers?) (?:is|are)|(?:(?:is|are) )?(?:anyone|anybody|any (?:customers?|accounts?)|any of (?:my|our|the) (?:customers|accounts)))`;
const UNDER_THRESHOLD = String.raw`(?:below|under) (?:the |our |my )?(?:low adoption )?thresholds?`;
/** "red accounts", "customers in the red", "who should I worry about?": low adoption (green is above the thresholds, amber close to them). */
const RED = String.raw`(?:(?:show |list )?(?:the |my |our )?red (?:customers|accounts)|(?:customers|accounts|who(?: is| are)?) in the red|(?:which|what) (?:customers|accounts) are red|(?:(?:which )?customers|accounts|who) (?:(?:should )?i|we) (?:should )?worry about|(?:which|what) (?:customers|accounts) should (?:i|we) worry about)`;
/** "what percentage of customers are low?", "number of customers at risk": the list's title counts them. */
const SHARE_OF = String.raw`(?:(?:what|which) )?(?:the )?(?:percentage|percent|proportion|fraction|part|number|count) of (?:(?:our|my|the|all) )?(?:customers|accounts)(?: (?:are|is|that are|who are))?`;
const STRUGGLING = new RegExp(
  String.raw`^(?:${WHO_IS} (?:struggling|low(?: adoption)?|in trouble|at risk(?: of churn)?|${UNDER_THRESHOLD})|(?:(?:customers|accounts) )?${UNDER_THRESHOLD}|(?:show |list )?(?:the |my )?(?:at-risk|at risk|struggling) (?:customers|accounts)|(?:customers|accounts) at risk|(?:(?:our|my|the) )?churn risks?|(?:who|which customers?|what customers?) (?:might|could|may|will|is likely to|are likely to|is going to|are going to) (?:churn|leave(?: us)?|cancel)|${SHARE_OF} (?:with )?(?:low|struggling|at risk|in trouble|low adoption|${UNDER_THRESHOLD})|${RED})$`,
);

/** "who needs onboarding?", "onboarding candidates": onboarding is assigning the licenses sold, so low deployment. */
const ONBOARDING =
  /^(?:(?:who|which customers?|what customers?|which accounts?) (?:needs?|could use|would benefit from|requires?|should get) (?:help with |more |an? )?onboarding(?: help| support| session)?|(?:show |list )?(?:the )?onboarding (?:candidates|targets|list|needs)|(?:customers?|accounts?) (?:to onboard|(?:that |who )?(?:need|needs|needing) onboarding(?: help| support)?)|who (?:should|do|can) (?:i|we) (?:help )?onboard)$/;

/** "who is below the usage threshold?", "customers under the Teams threshold": that number's. */
const UNDER_NAMED_THRESHOLD = new RegExp(
  String.raw`^(?:${WHO_IS} |(?:customers|accounts) )?(?:below|under) (?:the |our |my )?(?!low adoption )(.+?) thresholds?$`,
);

/** "low adoption": both numbers; "low deployment", "low usage": one; "low Teams usage", "who uses Teams the least": one workload's. */
export function lowAsked(asked: string): PercentMeasure | null {
  if (STRUGGLING.test(asked)) return { kind: 'lower' };
  if (ONBOARDING.test(asked)) return { kind: 'deployment' };
  const named = UNDER_NAMED_THRESHOLD.exec(asked)?.[1];
  if (named !== undefined) return measureOf(named);
  // The number is read from the words that say it is low: "low usage and high deployment" is about usage.
  const low = LOW.exec(asked) ?? LEAST.exec(asked);
  return low === null ? null : measureOf(low[0]);
}

/**
 * "which customers are fully deployed?", "who has 100% deployment?", "customers at 100% deployment":
 * deployment at least 100% (every license sold assigned).
 */
const FULLY_DEPLOYED =
  /^(?:(?:show |list )?(?:(?:which|what|the|all) )?(?:customers|accounts)(?: (?:that|who) (?:are|is))?|(?:which|what) (?:customers|accounts) (?:are|is)|who(?: is|'s| are)?) (?:fully deployed|at (?:full|100 ?%) deployment|100 ?% deployed)$|^(?:who|(?:which|what) (?:customers|accounts)) (?:has|have) (?:full|100 ?%) deployment$|^(?:(?:show |list )?(?:the )?)(?:fully deployed|100 ?% deployed) (?:customers|accounts)$/;

/**
 * "who has more active users than licenses?", "customers with more users than entitlements": usage
 * above 100%, which the list explains (turnover, duplicates, trials, Yammer).
 */
const MORE_USERS_THAN =
  /^(?:(?:(?:which|what) )?(?:customers?|accounts?)(?: (?:with|have|has|that have|who have))?|who has|who have) more (?:active )?(?:users|people|employees|staff) than (?:licen[cs]es|seats|entitlements)$/;

export function overEntitledAsked(asked: string): PercentQuery | null {
  return MORE_USERS_THAN.test(asked) ? [[{ side: 'above', percent: 100, measure: { kind: 'usage' } }]] : null;
}

export function fullyDeployedAsked(asked: string): PercentQuery | null {
  return FULLY_DEPLOYED.test(asked) ? [[{ side: 'above', percent: 100, inclusive: true, measure: { kind: 'deployment' } }]] : null;
}

/**
 * "which customers are below average?", "customers below average usage", "who is under the
 * portfolio's average deployment?", "below-average Teams usage": the customers on that side of the
 * average of the number named (both numbers when none is).
 */
const AVERAGE = new RegExp(
  [
    String.raw`(?:(?:(?:show |list )?(?:me )?(?:(?:which|what|the|all) )?(?:customers|accounts)(?: (?:that|who) (?:are|is)| with)?|(?:which|what|how many) (?:customers|accounts) (?:are|is|have|has)|who(?: is|'s| are| has)?) )?(?:(?<side>below|under|above|over|better than|worse than) (?:the )?(?:portfolio(?:'s)? |our |my )?average(?: (?<of>.+))?|(?<hyphened>below|above)-average(?: (?<what>.+))?)`,
    String.raw`(?:show |list )?(?:the )?(?<before>below|above)-average (?<words>.+?) (?:customers|accounts)`,
  ]
    .map((part) => `^(?:${part})$`)
    .join('|'),
);

export function averageAsked(asked: string): { side: 'below' | 'above'; measure: PercentMeasure } | null {
  const said = AVERAGE.exec(asked)?.groups;
  if (!said) return null;
  const side = said['side'] ?? said['hyphened'] ?? said['before']!;
  const words = said['of'] ?? said['what'] ?? said['words'] ?? '';
  return { side: /^(?:below|under|worse)/.test(side) ? 'below' : 'above', measure: measureOf(words) };
}

/**
 * "who is close to the threshold?", "customers just above the usage threshold", "which customers
 * are borderline?", "at risk of falling below the threshold": the customers not yet low who soon
 * could be, for the number named (both when none is).
 */
const NEAR_THRESHOLD =
  /^(?:(?:(?:which|what|how many) (?:customers|accounts) (?:are|is)|who(?: is|'s| are)|(?:show |list )?(?:me )?(?:the )?(?:customers|accounts)(?: (?:that|who) (?:are|is))?) )?(?:near|close to|just above|nearly at|almost at|right above|barely above|on the edge of|at risk of (?:falling|dropping) (?:below|under)) (?:the |our |my )?(?:(.+?) )?thresholds?$|^(?:(?:which|what) (?:customers|accounts) (?:are|is) |who(?: is|'s| are) )?(?:on the )?borderline(?: (?:customers|accounts))?$|^(?:(?:show |list )?(?:the |my |our )?(?:amber|yellow) (?:customers|accounts)|(?:which|what) (?:customers|accounts) are (?:amber|yellow))$|^(?:(?:which|what) (?:customers|accounts) (?:are|is) |who(?: is| are) )(?:almost|nearly|about to (?:be|go|get)|close to (?:being|going)) low$/;

export function nearThresholdAsked(asked: string): PercentMeasure | null {
  const match = NEAR_THRESHOLD.exec(asked);
  return match ? measureOf(match[1] ?? '') : null;
}

/**
 * "who is above the threshold?", "customers over the usage threshold", "which customers are not
 * low?": the customers at or above the threshold of the number named (of both when none is).
 */
const ABOVE_THRESHOLD =
  /^(?:(?:show |list )?(?:the |my |our )?green (?:customers|accounts)|(?:which|what) (?:customers|accounts) are green|(?:customers|accounts|who(?: is| are)?) in the green)$|^(?:(?:(?:which|what|how many) (?:customers|accounts) (?:are|is)|who(?: is|'s| are)|(?:show |list )?(?:me )?(?:the )?(?:customers|accounts)(?: (?:that|who) (?:are|is))?) )?(?:above|over|at or above|not (?:below|under)) (?:the |our |my |their )?(?:(.+?) )?thresholds?$|^(?:(?:which|what) (?:customers|accounts) (?:are|is) |who(?: is|'s| are) )not low(?: on (.+))?$/;

export function aboveThresholdAsked(asked: string): PercentMeasure | null {
  const match = ABOVE_THRESHOLD.exec(asked);
  return match ? measureOf(match[1] ?? match[2] ?? '') : null;
}
