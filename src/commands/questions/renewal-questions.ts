import {
  MONTH_NAMES,
  monthNumber,
  quarterNamed,
  RENEWAL_DAYS,
  type CalendarSpan,
  type RenewalScope,
  type RenewalSpan,
} from '../../metrics/renewals.js';
import { SPAN_UNIT_DAYS } from './words.js';

/** What a partner holds that renews or expires. */
const HELD = String.raw`(?:subscriptions?|licen[cs]es|seats|contracts?)`;
/** "expiring", "up for renewal", "about to expire". */
const ENDING = String.raw`(?:renewing|expiring|ending|running out|up for renewal|due for renewal|coming up for renewal|(?:about|due) to (?:renew|expire|end|run out))`;
/** "subscriptions expiring", "licenses that expire", "seats which are up for renewal". */
const HELD_ENDING = String.raw`${HELD} (?:(?:that|which) (?:(?:will )?(?:renew|expire|end|run out)|(?:are|is) ${ENDING})|${ENDING})`;
/** "expiring subscriptions", "upcoming renewals". */
const ENDING_HELD = String.raw`(?:expiring|renewing|ending|upcoming) ${HELD}`;

/**
 * "who renews soon?", "upcoming renewals", "which subscriptions expire this month?", "renewals in
 * the next 60 days", "how many seats renew in December?", "which customers have expiring
 * subscriptions?", "customers with subscriptions expiring in the next 30 days", "anything expiring?".
 * The bare words ("expiring") come last: "expiring subscriptions" is read whole.
 */
const RENEWALS = new RegExp(
  String.raw`^(?:${[
    String.raw`(?:who|which customers?|what customers?|which subscriptions?|what subscriptions?|what) (?:renews?|is renewing|are renewing|will renew|(?:is|are) going to renew|expires?|is expiring|are expiring|ends?|(?:is|are) ending|(?:is|are) (?:up|due) for renewal|comes? up for renewal|(?:is|are) (?:about|due) to (?:renew|expire|end))`,
    String.raw`(?:is )?(?:anything|something|any ${HELD}) ${ENDING}`,
    String.raw`how many (?:seats|licen[cs]es|subscriptions) (?:renew|expire|end|are up for renewal)`,
    String.raw`how many (?:renewals|expirations)(?: are there)?`,
    String.raw`(?:(?:show|list)(?: me)? )?(?:the |my |our )?(?:total |number of )?${HELD_ENDING}`,
    String.raw`(?:(?:who|which customers?|what customers?|which accounts?|what accounts?) (?:has|have) |(?:(?:show|list)(?: me)? )?(?:customers?|accounts?) with )(?:a |any )?(?:renewals?|subscriptions? renewing|${ENDING_HELD}|${HELD_ENDING})(?: coming up| due)?`,
    String.raw`(?:(?:show|list)(?: me)? )?(?:the |my |our |any )?(?:upcoming |next |coming )?(?:renewals?|expirations?|${ENDING_HELD})(?: coming up| due)?`,
    String.raw`(?:renewing|expiring|ending|up for renewal|due for renewal)`,
  ].join('|')})(.*)$`,
);
/** "which trials end soon?", "which trials are ending?", "who has a trial ending soon?", "trials ending this month", "expiring trials". */
const TRIALS_ENDING =
  /^(?:(?:which|what|whose|any) trials? (?:(?:is|are) )?(?:ending|ends?|expiring|expires?|running out|runs? out|converting|converts?)|when do(?:es)?(?: the)? trials? (?:end|expire|run out|convert)|(?:who|which customers?|what customers?) (?:has|have) (?:a |any )?trials? (?:ending|expiring|running out)|(?:who|which customers?|what customers?) (?:has|have) (?:an? |any )?(?:ending|expiring|upcoming) trials?|(?:(?:show|list)(?: me)? )?(?:the |my |our )?(?:(?:upcoming |next )?(?:expiring|ending) trials?|trials? (?:ending|expiring|running out|to convert)|(?:upcoming |next )?trial (?:ends|expirations?|conversions?))|(?:who|which customers?|what customers?) (?:should|could|can|might) (?:we |i )?(?:convert|upgrade)(?: (?:their|its|a|the|from (?:a |their )?))? trials?|(?:which|what) trials? (?:should|could|can) (?:we|i) convert)(?: coming up| due)?(.*)$/;
/** "who is not renewing?", "which subscriptions will lapse?", "auto-renew off", "who turned off auto-renew?". */
const LAPSING =
  /^(?:(?:who|which customers?|what customers?) (?:is|are) not renewing|(?:who|which customers?|what customers?) (?:(?:might|may|could|will|would) not|won't|wouldn't) renew|(?:which|what) subscriptions? (?:will|are going to|is going to) (?:lapse|not renew)|(?:which|what) subscriptions? (?:(?:is|are) )?(?:lapsing|not renewing)|(?:who|which customers?) (?:has |have )?(?:turned|switched|set) (?:off )?auto-?renew(?:al)?(?: off)?|(?:(?:show|list)(?: me)? )?(?:the |my |our )?(?:subscriptions? with auto-?renew(?:al)? (?:off|disabled)|subscriptions? without auto-?renew(?:al)?|auto-?renew(?:al)? (?:off|disabled)|lapsing subscriptions?|non-?renewing subscriptions?))(?: coming up| due)?(.*)$/;
const ORDINAL_QUARTERS: Readonly<Record<string, string>> = {
  first: 'q1',
  '1st': 'q1',
  second: 'q2',
  '2nd': 'q2',
  third: 'q3',
  '3rd': 'q3',
  fourth: 'q4',
  '4th': 'q4',
};

/**
 * What follows: "in the next 60 days", "within 30 days", "this month", "this quarter" (to its
 * end), "next month", "next quarter" (the whole of it; "the next month" is 30 days, "the next
 * quarter" 90), "in December", "in Q1", "in the first quarter" (that month or calendar quarter),
 * "by the end of January", "by the end of Q1" (to its end), "before March" (to the end of
 * February), "before Q2" (to the end of Q1), or nothing (RENEWAL_DAYS).
 */
const RENEWAL_SPAN = new RegExp(
  `^(?: (?:in |during |by the end of |for )?(?<calendar>this|next|the current|the coming) (?<calendarUnit>month|quarter)| (?:in|within|over|for)(?: the)?(?: next)? (?<count>\\d{1,3})? ?(?<unit>day|week|month|quarter|year)s?| (?:this|next|the next) (?<nextCount>\\d{1,3})? ?(?<nextUnit>day|week|month|quarter|year)s?| soon| next| (?<word>in|during|for|by|before|until|till|through)(?: the end of)? (?:(?<month>${MONTH_NAMES.join('|').toLowerCase()})|(?<quarter>q[1-4])|the (?<ordinal>${Object.keys(ORDINAL_QUARTERS).join('|')}) quarter))?$`,
);

const RENEWAL_QUESTIONS: readonly (readonly [RegExp, RenewalScope])[] = [
  [LAPSING, 'lapsing'],
  [TRIALS_ENDING, 'trials'],
  [RENEWALS, 'all'],
];

/**
 * Words that make a renewal question ask for the renewals at risk, each with what is left of the
 * question without them: "at-risk renewals", "risky renewals this quarter", "which renewals are at
 * risk?", "renewals at risk", "who renews soon with low usage?".
 */
const AT_RISK: readonly (readonly [RegExp, string])[] = [
  [/^((?:(?:show|list)(?: me)? )?(?:the |my |our )?)(?:at[- ]risk|risky) (renewals?.*)$/, '$1$2'],
  [/^(?:which|what) (renewals?) (?:are|is) at risk(.*)$/, '$1$2'],
  // "revenue at risk", "how much is at risk?", "seats at risk this quarter": what lapses with the renewals at risk.
  [
    /^(?:(?:what|how much|how many) (?:is |are )?)?(?:the |our )?(?:(?:revenue|money|seats|licen[cs]es|subscriptions|business) )?(?:is |are )?at risk(.*)$/,
    'renewals$1',
  ],
  [/^(.+?) (?:with low (?:usage|adoption|deployment)|(?:that (?:are|is) |which (?:are|is) )?at risk)(.*)$/, '$1$2'],
];

/**
 * The first renewal question the text asks, with its span; null when none, or when what follows is
 * no span. Every renewal asked about with risk words is one at risk.
 */
export function renewalsAsked(asked: string): { span: RenewalSpan; scope: RenewalScope } | null {
  for (const [pattern, without] of AT_RISK) {
    if (!pattern.test(asked)) continue;
    const renewals = renewalQuestion(asked.replace(pattern, without));
    if (renewals?.scope === 'all') return { ...renewals, scope: 'at-risk' };
  }
  return renewalQuestion(asked);
}

function renewalQuestion(asked: string): { span: RenewalSpan; scope: RenewalScope } | null {
  for (const [pattern, scope] of RENEWAL_QUESTIONS) {
    const match = pattern.exec(asked);
    if (match) {
      const span = renewalSpan(match[1]!);
      return span === null ? null : { span, scope };
    }
  }
  return null;
}

function renewalSpan(words: string): RenewalSpan | null {
  const span = RENEWAL_SPAN.exec(words);
  if (!span) return null;
  const { calendar, calendarUnit, count, unit, nextCount, nextUnit, word, month, quarter, ordinal } = span.groups!;
  if (calendar !== undefined)
    return { fromNow: calendar === 'this' || calendar === 'the current' ? 0 : 1, months: calendarUnit === 'quarter' ? 3 : 1 };
  if (word !== undefined) {
    const named: CalendarSpan =
      month !== undefined
        ? { first: monthNumber(month), months: 1, whole: false }
        : quarterNamed(quarter ?? ORDINAL_QUARTERS[ordinal!]!, false)!;
    // "before March": to the end of February, "before Q2" to the end of Q1; "in March", "during
    // Q1": that alone; "by", "until": to its end.
    if (word === 'before') return { ...named, first: ((named.first - named.months + 11) % 12) + 1 };
    return { ...named, whole: /^(?:in|during|for)$/.test(word) && !span[0].includes('the end of') };
  }
  const [units, of] = [count ?? nextCount, unit ?? nextUnit];
  if (of === undefined) return { days: RENEWAL_DAYS };
  return { days: (units === undefined ? 1 : Number(units)) * SPAN_UNIT_DAYS[of]! };
}
