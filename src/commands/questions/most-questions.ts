import type { MostQuestion } from '../../metrics/most-by.js';
import type { IdleQuestion } from '../../metrics/unassigned.js';
import type { CountBound } from '../../metrics/count-bound.js';
import { countOf, originalCase } from './words.js';

/**
 * Questions about the customers with the most of something: unassigned licenses, inactive
 * entitlements, support requests; all of them, more than a count, or the first so many; of one
 * product ("who has the most unused E3 licenses?") for the licenses.
 */

export type MostCommand =
  | ({ readonly kind: 'unassigned' } & IdleQuestion)
  | ({ readonly kind: 'inactive' } & IdleQuestion)
  | ({ readonly kind: 'requests' } & MostQuestion);

/** "who has the most unused licenses?", "shelfware" (bare "unused licenses" is the adoption-content advice). */
const UNASSIGNED =
  /^how many (?:licen[cs]es|seats) (?:are |do (?:we|i|they) have )?(?:unused|unassigned|idle|spare|not (?:assigned|used|in use))(?: (?:are there|do (?:we|i) have))?$|^how many (?:unused|unassigned|idle|spare) (?:licen[cs]es|seats)(?: (?:are there|do (?:we|i) have|have (?:we|i) got))?$|^(?:(?:which|what) customers? (?:have|has) |who has |(?:customers?|accounts?) with |(?:show|list)(?: me)? |where are |(?:(?:show|list)(?: me)? )?(?:customers?|accounts?) (?:(?:sorted|ranked|ordered) )?by |(?:sort|rank|order) (?:(?:the )?(?:customers|accounts) )?by )?(?:the )?(?:(?:most|biggest number of|largest number of) (?:unused|unassigned|idle|spare|free)|unassigned|idle|spare|free) (?:licen[cs]es|seats)$|^(?:(?:which|what) customers? (?:have|has) |who has |(?:show|list)(?: me)? |where is )?(?:the )?(?:most )?shelfware$/;
/** "who has the most inactive users?", "how many users are inactive?", "licenses assigned but not used". */
const INACTIVE =
  /^how many (?:users|people|licen[cs]es|seats|entitlements) (?:are )?(?:inactive|not active|dormant)$|^how many (?:inactive|dormant) (?:users|people|licen[cs]es|seats|entitlements)(?: (?:are there|do (?:we|i) have))?$|^(?:(?:which|what) customers? (?:have|has) |who has |(?:customers?|accounts?) with |(?:show|list)(?: me)? |where are |(?:(?:show|list)(?: me)? )?(?:customers?|accounts?) (?:(?:sorted|ranked|ordered) )?by |(?:sort|rank|order) (?:(?:the )?(?:customers|accounts) )?by )?(?:the )?(?:most )?(?:(?:inactive|dormant) (?:users|people|licen[cs]es|seats|entitlements)|(?:licen[cs]es|seats) (?:assigned|deployed) but (?:not used|unused|idle))$/;
/**
 * Licenses paid for and not assigned, said as the money they cost: "who is wasting licenses?",
 * "wasted licenses", "who pays for licenses they don't use?", "who should reduce licenses?" (to
 * right-size at renewal).
 */
const WASTED =
  /^(?:who|which customers?|what customers?) (?:is|are) (?:wasting|overpaying for|paying for (?:unused|unassigned|idle|spare)) (?:licen[cs]es|seats)$|^(?:who|which customers?|what customers?) (?:is|are) overpaying$|^(?:the )?wasted (?:licen[cs]es|seats)$|^how (?:much|many)(?: money| licen[cs]es| seats)? (?:are|is) (?:we|i|(?:the |our |my )?customers) wasting(?: on licen[cs]es)?$|^how many (?:licen[cs]es|seats) (?:are|were) wasted$|^(?:who|which customers?|what customers?) (?:pays?|is paying|are paying) for (?:licen[cs]es|seats) (?:they|it) (?:don't|do not|doesn't|does not) (?:use|need)$|^(?:who|which customers?|what customers?) (?:should|could|can|needs? to|ought to) (?:reduce|cut|drop|remove|right-?size|trim|lower)(?: (?:their|its|the) number of| (?:their|its))? (?:licen[cs]es|seats)$/;
/**
 * Entitled users who were not active in the last 28 days, said as signing in: "which customers
 * haven't logged in?", "users who haven't signed in", "who has users that never log in?".
 */
const NOT_SIGNING_IN =
  /^(?:(?:which|what) customers?|who) (?:has|have) (?:users|people|staff|employees) (?:that|who) (?:never|don't|do not|haven't|have not|didn't|did not) (?:log|logged|sign|signed) (?:in|on)(?: lately| recently)?$|^(?:(?:which|what) customers?|who) (?:haven't|have not|hasn't|has not|didn't|did not) (?:logged|signed|log|sign) (?:in|on)(?: lately| recently)?$|^(?:(?:the |inactive )?users|people) (?:that|who) (?:haven't|have not|never|don't|do not|didn't|did not) (?:log|logged|sign|signed) (?:in|on)(?: lately| recently)?$/;
/** "customers by unused licenses", "sort by unused seats": ranked by them, so a count (bare "unused licenses" is advice). */
const BY_UNUSED =
  /^(?:(?:(?:show|list)(?: me)? )?(?:(?:all |my |our |the )?(?:customers|accounts) )?(?:(?:sorted|ranked|ordered) )?|(?:sort|rank|order) (?:(?:all |my |our |the )?(?:customers|accounts) )?)by (?:the )?(?:(?:most|number of) )?unused (?:licen[cs]es|seats)$/;
/** "total unassigned licenses", "... across all customers", "... in total": the whole portfolio, as the lists count it anyway. */
const PORTFOLIO_WIDE =
  /^(?:the )?(?:total|overall) (?:number of )?|(?: in total| overall| altogether| across (?:all )?(?:(?:my|our|the) )?(?:customers|accounts|tenants|portfolio)| in (?:the|my|our) portfolio)$/g;
/** "customers with more than", "which accounts have over", "who has above": how a question about a count starts. */
const MORE_THAN = String.raw`^(?:(?:show |list )?(?:which |what )?(?:customers?|accounts?)(?: (?:with|have|has))?|who has) (more than|over|above|at least)`;
/**
 * "who has more licenses than users?", "more E3 licenses than users": licenses beyond those
 * assigned (unassigned); beyond the active users (inactive).
 */
const MORE_LICENSES_THAN =
  /^(?:(?:(?:which|what) )?(?:customers?|accounts?)(?: (?:with|have|has|that have|who have))?|who has|who have) more (?:(.+?) )?(?:licen[cs]es|seats) than (?:(active|actual|real) )?(?:users|people|employees|staff|(?:assigned )?users)(?: (?:use|using them|need|can use))?$/;
/** "customers with more than 50 unassigned licenses", "who has over 100 idle seats?". */
const UNASSIGNED_OVER = new RegExp(
  String.raw`${MORE_THAN} (\d{1,3}(?:,\d{3})+|\d{1,6}) (?:unassigned|unused|idle|spare|free) (?:licen[cs]es|seats)$`,
);
/** "customers with more than 50 inactive users", "who has over 100 dormant licenses?". */
const INACTIVE_OVER = new RegExp(
  String.raw`${MORE_THAN} (\d{1,3}(?:,\d{3})+|\d{1,6}) (?:inactive|dormant) (?:users|people|licen[cs]es|seats|entitlements)$`,
);
/**
 * "who has the most support requests?", "support tickets by customer", "which customers call
 * support the most?", "how many support tickets are open?": the counts kept are of the last 30 days.
 */
const REQUESTS =
  /^(?:(?:which|what) customers? (?:have|has|raised|opened|logged) |who (?:has|raised|opened|logged) |(?:show|list)(?: me)? )?(?:the )?most (?:support |service )?(?:requests|tickets|cases|calls)(?: (?:this month|in the last 30 days|lately|recently))?$|^(?:support |service )(?:requests|tickets|cases|calls) (?:by|per) (?:customer|account)$|^(?:(?:show|list)(?: me)? )?(?:(?:all |my |our |the )?(?:customers|accounts) )?(?:(?:sorted|ranked|ordered) )?by (?:the )?(?:(?:most|number of) )?(?:support |service )?(?:requests|tickets|cases|calls)$|^(?:which customers?|who) (?:calls?|called|contacts?|contacted) support (?:the )?most(?: (?:this month|in the last 30 days|lately|recently))?$|^how many (?:open )?(?:support |service )?(?:requests|tickets|cases)(?: (?:are|is) (?:open|there)| do (?:we|i|they) have| (?:are )?open)?$/;
/** "customers with more than 3 support requests", "who has over 5 tickets?": in the last 30 days, the window the counts keep. */
const REQUESTS_OVER = new RegExp(
  String.raw`${MORE_THAN} (\d{1,4}) (?:support |service )?(?:requests?|tickets?|cases?|calls?)(?: (?:in the last 30 days|this month|lately|recently))?$`,
);
/**
 * "top 10 by unused licenses", "the 5 customers with the most inactive users", "first 3 accounts
 * by support requests": the first so many of a "most" list.
 */
const TOP_MOST =
  /^(?:(?:show|list)(?: me)? )?(?:the )?(?:top |first )?(\d{1,3}) (?:(?:customers|accounts) )?(?:(?:by|on|for|in) (?:the )?(?:(?:most|number of) )?|(?:with|having|that have|who have) (?:the )?most )(.+)$/;
const MOST_KINDS: readonly (readonly [RegExp, MostCommand['kind']])[] = [
  [/^(?:unassigned|unused|idle|spare|free) (?:licen[cs]es|seats)$|^shelfware$/, 'unassigned'],
  [/^(?:inactive|dormant) (?:users|people|licen[cs]es|seats|entitlements)$/, 'inactive'],
  [/^(?:support |service )?(?:requests|tickets|cases|calls)$/, 'requests'],
];

/**
 * "unused E3 licenses", "inactive Business Premium users": the product named between what is
 * counted and its noun. The question is read without it; the product narrows what is counted.
 */
const OF_PRODUCT =
  /\b(unassigned|unused|idle|spare|free|inactive|dormant) (?!(?:licen[cs]es|seats|users|people|entitlements)\b)(.+?) (licen[cs]es|seats|users|people|entitlements)$/;
/** "unused E3 licenses" alone: bare "unused licenses" is the adoption-content advice, with a product it is a count. */
const BARE = /^(?:the )?(?:unassigned|unused|idle|spare|free) (?:licen[cs]es|seats)$/;

/** "top customers by unused licenses": a count is ranked the most first, so "top" adds nothing. */
const TOP_BY = /^((?:(?:show|list)(?: me)? )?(?:the )?)top ((?:customers|accounts) by )/;

export function mostAsked(text: string, question: string): MostCommand | null {
  const asked = question.replace(TOP_BY, '$1$2');
  const named = OF_PRODUCT.exec(asked);
  const plain = named ? `${asked.slice(0, named.index)}${named[1]} ${named[3]}` : asked;
  const product = named ? originalCase(text, named[2]!) : null;
  const idle = (kind: 'unassigned' | 'inactive', above: CountBound<'above'> | null, top: number | null): MostCommand => ({
    kind,
    above,
    top,
    product,
  });
  const top = TOP_MOST.exec(plain);
  if (top) {
    const kind = MOST_KINDS.find(([words]) => words.test(top[2]!))?.[1];
    const first = Number(top[1]);
    if (kind !== undefined && first > 0) return kind === 'requests' ? { kind, above: null, top: first } : idle(kind, null, first);
  }
  const wide = plain.replace(PORTFOLIO_WIDE, '');
  const excess = MORE_LICENSES_THAN.exec(asked);
  if (excess) {
    const [, of, active] = excess;
    return {
      kind: active === undefined ? 'unassigned' : 'inactive',
      above: null,
      top: null,
      product: of === undefined ? null : originalCase(text, of),
    };
  }
  // Bare "unused licenses" is advice, but counted ("total unused licenses", "... in total") it is the count.
  if (UNASSIGNED.test(wide) || ((product !== null || wide !== plain) && BARE.test(wide))) return idle('unassigned', null, null);
  const unassignedOver = boundOver(UNASSIGNED_OVER.exec(plain));
  if (unassignedOver !== null) return idle('unassigned', unassignedOver, null);
  if (WASTED.test(wide) || BY_UNUSED.test(wide)) return idle('unassigned', null, null);
  if (INACTIVE.test(wide) || NOT_SIGNING_IN.test(wide)) return idle('inactive', null, null);
  const inactiveOver = boundOver(INACTIVE_OVER.exec(plain));
  if (inactiveOver !== null) return idle('inactive', inactiveOver, null);
  if (product !== null) return null;
  if (REQUESTS.test(asked)) return { kind: 'requests', above: null, top: null };
  const requestsOver = boundOver(REQUESTS_OVER.exec(asked));
  return requestsOver === null ? null : { kind: 'requests', above: requestsOver, top: null };
}

/** "more than 50", "at least 50": the bound a MORE_THAN match says; null for no match. */
function boundOver(match: RegExpExecArray | null): CountBound<'above'> | null {
  return match === null ? null : { side: 'above', count: countOf(match[2]!), inclusive: match[1] === 'at least' };
}
