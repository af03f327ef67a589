import type { Among } from '../../metrics/among.js';
import type { SeatFilter, SizeOrder } from '../../metrics/size.js';
import { workloadNamed } from '../../data/workloads.js';
import { findingAsked } from './finding-questions.js';
import { COUNT_SIDE, countBoundOf } from './words.js';

/**
 * Which customers a question about the numbers is about, and in what order: "E3 customers below
 * 50%", "which Business Premium customers have low usage?", "usage under 50% and more than 100
 * seats", "biggest customers with low usage". The words that say it are taken out, so what is left
 * is read as the question it would be without them.
 */

/**
 * "<product> customers" at the start, after "which", "show me", "rank", "top 5" ...; not "low
 * customers" nor "my customers".
 */
const PRODUCT_CUSTOMERS =
  /^((?:(?:show|list|rank|sort|order)(?: me)? )?(?:(?:which|what|my|our|the|all) )*(?:(?:top|bottom|best|worst|highest|lowest) \d{1,3} )?)(.+?) (customers|accounts)\b/;
const LEAD_WORDS = /^(?:(?:which|what|who|how many|how|many|my|our|the|all|any|every|show|list|rank|sort|order|me|of|for)(?: |$))+/;
const NOT_A_PRODUCT =
  /^(?:(?:low|lowest|high|highest|top|best|worst|bottom|biggest|largest|smallest|at-risk|at risk|struggling|many|some|new|old|other|these|those|red|amber|yellow|green)(?: \d{1,3})?|\d+)$|^(?:low|lowest|high|highest|poor|weak|bad|good|strong) |\b(?:adoption|usage|deployment|percent|percentage|proportion|fraction|number|count|below|above|under|over|with|have|has|are|is)\b|\b(?:of|across|over|in|for|by|per|among)$|%/;
/**
 * "biggest customers with low usage", "the largest E3 accounts below 40%", "which big customers have
 * low usage?": the most licenses first; "small customers with low adoption": the fewest first.
 */
const SIZED =
  /^((?:(?:show|list)(?: me)? )?(?:(?:which|what|my|our|the) )*)(?:(biggest|largest|big|large)|smallest|smaller|small) (?=.*\b(?:customers|accounts)\b)/;
/** "which customers have the most licenses but low usage?": the largest first, and the question after. */
const MOST_SEATS = / (?:with|that have|who have|have|has) the most (?:licen[cs]es|seats)(?: (?:but|and|with|yet))? /;
/** "and more than 100 seats", "with fewer than 20 licenses": anywhere in the question. */
const SEATS = new RegExp(
  String.raw`,?\s*(?:(?:and|with|that have|who have|having) )?${COUNT_SIDE} (\d{1,3}(?:,\d{3})+|\d{1,6}) (?:seats|licen[cs]es|users)(?: sold)?`,
);

/**
 * "customers with E3 and low usage", "who bought Business Premium but doesn't use Teams": the
 * product, then the question, which starts with what a question about the numbers starts with
 * ("customers with E3 and E5 below 50%": both products, then "below 50%"), or with a bound right
 * after the product ("customers with E3 below 50%", "who has E3 with usage below 50%").
 */
const WITH_PRODUCT =
  /^(?:(?:show|list)(?: me)? )?(?:(?:which|what|my|our|the|all) )*(?:(?:customers|accounts)(?: (?:that|who))? (?:with|have|has|bought|buy|own|on|using|(?:are|is) on)|who (?:has|have|bought|owns?|(?:is|are) on)) (.+?)(?: licen[cs]es| seats| subscriptions)? (?:(?:and|but|while|yet) (?=(?:low|lowest|high|highest|poor|bad|weak|good|usage|use|deployment|adoption|below|under|above|over|less|more|fewer|at|no|not|zero|does|doesn't|do|don't|is|isn't|are|aren't|has|hasn't|have|haven't|uses?|using|barely|hardly|with|without|its|their|exchange|sharepoint|onedrive|teams|yammer|skype)\b)|(?=(?:below|under|above|over|less than|more than|lower than|higher than|at most|at least)\b)|with (?=(?:usage|deployment|adoption|low|high|poor|zero|exchange|sharepoint|onedrive|teams|yammer|skype)\b))(.+)$/;

/** "average Teams usage for E3 customers", "how is Teams doing among Business Premium accounts": the product last. */
const FOR_PRODUCT = /^(.+?) (?:for|among|of|across|at|with) (?:(?:my|our|the|all) )*(.+?) (?:customers|accounts)$/;
/**
 * "Yammer for E3", "Teams among Business Premium": a workload's name, then the product's; not one
 * product's name ("Microsoft 365 Apps for business": "for" and the audience a plan is sold to).
 */
const WORKLOAD_FOR =
  /^(.+?) (?:for (?!(?:business|enterprise|education|faculty|students|government|frontline|nonprofits?)\b)|among |across |at |with )/;

/** Whether words before "customers" are a workload over a product's customers ("Yammer for E3"), not a product's name. */
function workloadFor(words: string): boolean {
  const first = WORKLOAD_FOR.exec(words)?.[1];
  return first !== undefined && workloadNamed(words) === null && workloadNamed(first) !== null;
}

export function amongAsked(asked: string): { among: Among | null; rest: string } {
  const mostSeats = MOST_SEATS.exec(asked);
  const sized = mostSeats ? null : SIZED.exec(asked);
  let rest = sized ? `${sized[1]}${asked.slice(sized[0].length)}` : mostSeats ? asked.replace(mostSeats[0], ' ') : asked;
  let seats: SeatFilter | null = null;
  const bounded = SEATS.exec(rest);
  if (bounded) {
    seats = countBoundOf(bounded[1]!, bounded[2]!);
    rest = `${rest.slice(0, bounded.index)}${rest.slice(bounded.index + bounded[0].length)}`.trim();
  }
  let product: string | null = null;
  const named = PRODUCT_CUSTOMERS.exec(rest);
  // The lazy match may have left the lead-in's words in the name: "which", "how many".
  const words = named?.[2]!.replace(LEAD_WORDS, '');
  if (named && words !== undefined && words !== '' && !NOT_A_PRODUCT.test(words) && !workloadFor(words)) {
    product = words;
    rest = `${named[1]}${named[2]!.slice(0, named[2]!.length - words.length)}${named[3]}${rest.slice(named[0].length)}`;
  }
  const withProduct = product === null ? WITH_PRODUCT.exec(rest) : null;
  const owned = withProduct?.[1]?.replace(/^(?:an?|any|some|the) /, '');
  // "customers with trials and low usage": a flag or recommendation; "customers with Teams and ...": a workload is no product.
  const finding = owned === undefined ? null : findingAsked(owned);
  if (withProduct && owned !== undefined && (finding !== null || (!NOT_A_PRODUCT.test(owned) && workloadNamed(owned) === null))) {
    if (finding === null) product = owned;
    rest = `who ${withProduct[2]!}`;
  }
  const forProduct = product === null && finding === null ? FOR_PRODUCT.exec(rest) : null;
  const last = forProduct?.[2]!.replace(LEAD_WORDS, '');
  if (forProduct && last !== undefined && last !== '' && !NOT_A_PRODUCT.test(last) && workloadNamed(last) === null) {
    product = last;
    rest = forProduct[1]!;
  }
  const size: SizeOrder | null = mostSeats !== null || sized?.[2] !== undefined ? 'largest' : sized ? 'smallest' : null;
  if (product === null && seats === null && finding === null && size === null) return { among: null, rest: asked };
  return { among: { product, seats, finding, size }, rest };
}
