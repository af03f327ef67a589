/**
 * Numbers spelled out where a question counts something: "below forty percent", "top three
 * customers", "in the next thirty days", "less than half", "over a third". Each becomes digits, so the question
 * readers read one way of writing numbers.
 *
 * Only a number word before a unit (percent, points, days, customers, licenses ...) or after a
 * ranking word (top, bottom ...) is read: a customer named "One Stop Shop" or "Fourth Coffee" keeps
 * its name. (General number parsers, such as compromise's, would turn the latter into "4th Coffee".)
 */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const VALUES: ReadonlyMap<string, number> = new Map([
  ...ONES.map((w, i) => [w, i] as const),
  ...TEENS.map((w, i) => [w, 10 + i] as const),
  ...TENS.map((w, i) => [w, 20 + 10 * i] as const),
]);

/** "forty", "forty-five", "forty five", "a hundred", "one hundred", "twelve". */
const SPELLED = `(?:(?:a|one) hundred|(?:${TENS.join('|')})(?:[- ](?:${ONES.slice(1).join('|')}))?|${[...TEENS, ...ONES].join('|')})`;
const UNIT = String.raw`(?:%|(?:(?:unassigned|unused|idle|inactive|active|open|more|fewer) )?(?:percent|pct|points?|pts?|percentage points?|days?|weeks?|months?|quarters?|years?|customers?|licen[cs]es?|seats?|users?|service requests?|tickets?)\b)`;
const RANKING = String.raw`\b(?:top|bottom|best|worst|lowest|highest|first)`;

const BEFORE_UNIT = new RegExp(String.raw`\b(${SPELLED})(?= ?${UNIT})`, 'g');
const AFTER_RANKING = new RegExp(String.raw`(?<=${RANKING} )(${SPELLED})\b`, 'g');
/** "less than half", "over a third of their licenses", "at least three quarters": shares as percents. */
const SHARES: ReadonlyMap<string, string> = new Map([
  ['half', '50%'],
  ['a half', '50%'],
  ['one half', '50%'],
  ['a third', '33.3%'],
  ['one third', '33.3%'],
  ['two thirds', '66.7%'],
  ['a quarter', '25%'],
  ['one quarter', '25%'],
  ['three quarters', '75%'],
]);
const SHARE = new RegExp(
  String.raw`(?<=\b(?:below|under|less than|lower than|more than|over|above|higher than|at least|at most|no more than|no less than) )(?:${[...SHARES.keys()].join('|')})\b`,
  'g',
);

function valueOf(spelled: string): number {
  if (spelled.endsWith('hundred')) return 100;
  return spelled.split(/[- ]/).reduce((sum, word) => sum + VALUES.get(word)!, 0);
}

/** The lower-cased text with its counting number words in digits. */
export function spelledNumbersAsDigits(text: string): string {
  return text
    .replace(SHARE, (share) => SHARES.get(share)!)
    .replace(BEFORE_UNIT, (spelled) => String(valueOf(spelled)))
    .replace(AFTER_RANKING, (spelled) => String(valueOf(spelled)));
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where some words read from the converted text stand in the text as typed, number words and
 * all: "3 days grace" in "mute Three Days Grace for 2 weeks" is "Three Days Grace". Undefined
 * when they do not stand there.
 */
export function typedSpan(text: string, lowered: string): string | undefined {
  const pattern = lowered
    .split(/(\d+(?:\.\d+)?%?)/)
    .map((part, i) => (i % 2 === 0 ? escaped(part) : `(?:${escaped(part)}|${SPELLED}|${[...SHARES.keys()].join('|')})`))
    .join('');
  return new RegExp(String.raw`(?<![\w-])${pattern}(?![\w-])`, 'i').exec(text.replace(/\s+/g, ' '))?.[0];
}
