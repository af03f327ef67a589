import type { SizeQuestion } from '../../metrics/size.js';
import { workloadNamed } from '../../data/workloads.js';
import { COUNT_SIDE, countBoundOf, originalCase } from './words.js';

/**
 * "biggest customers", "top 10 customers by licenses", "who has the most seats?", "smallest
 * accounts"; of one product: "biggest E3 customers", "top 5 Business Premium customers by seats",
 * "who has the most E3 licenses?", "who bought the most E3?".
 */
const SIZE_RANKED =
  /^(?:(?:show|list)(?: me)? |(?:who|which) are )?(?:(?:my|the|our) )?(?:(?:top )?(?:(?<before>\d{1,3}) )?(?<size>biggest|largest|smallest|big|large|small)(?: (?<after>\d{1,3}))?(?: (?<product>.+?))? (?:customers|accounts)(?: by (?:size|seats|users|people|licen[cs]es(?: sold)?))?|top(?: (?<top>\d{1,3}))?(?: (?<topProduct>.+?))? (?:customers|accounts) by (?:size|seats|users|people|licen[cs]es(?: sold)?)|(?:(?:sort|rank|order) )?(?:(?:the |all |my |our )?(?:customers|accounts) )?(?:(?:sorted|ranked|ordered) )?by (?:size|seats|users|people|licen[cs]es(?: sold)?))$|^(?:(?:who|which customers?|what customers?) (?:has|have)|(?:customers|accounts) with|(?:who|which customers?) (?:bought|buys|owns?)) the (?<most>most|fewest|least)(?: (?<mostProduct>.+?))? (?:seats|licen[cs]es|users)$|^(?:who|which customers?) (?:bought|buys|owns?) the (?<boughtMost>most) (?<bought>.+?)$/;
/** What a product's name in a size question cannot be: "biggest customers with low usage" is a size and a question. */
const NOT_A_PRODUCT = /\b(?:usage|deployment|adoption|low|high|with|below|above|under|over|by|customers?|accounts?)\b|%/;
/** "who is our biggest customer?", "which is the smallest account?": the one. */
const SIZE_ONE = /^(?:who|which|what) is (?:(?:my|the|our) )?(biggest|largest|smallest) (?:customer|account)$/;
/** "customers with more than 100 seats", "accounts over 500 licenses", "who has fewer than 20 users?". */
const SEATS = new RegExp(
  String.raw`^(?:(?:show|list)(?: me)? )?(?:(?:which|what) (?:customers?|accounts?) (?:have|has)|who has|(?:customers?|accounts?)(?: with)?)? ?${COUNT_SIDE} (\d{1,3}(?:,\d{3})+|\d{1,6}) (?:seats?|licen[cs]es?|users?)(?: sold)?$`,
);

/** What size the words ask about, of which product, and how many of the largest (or smallest) to show; null when none. */
export function sizeAsked(text: string, asked: string): { question: SizeQuestion; count: number | null; product: string | null } | null {
  const ranked = SIZE_RANKED.exec(asked)?.groups;
  if (ranked) {
    const word = ranked['size'] ?? ranked['most'] ?? ranked['boughtMost'];
    const shown = ranked['before'] ?? ranked['after'] ?? ranked['top'];
    const named = ranked['product'] ?? ranked['topProduct'] ?? ranked['mostProduct'] ?? ranked['bought'];
    // "who has the most Teams users?" is Teams usage, ranked.
    if (named !== undefined && (NOT_A_PRODUCT.test(named) || workloadNamed(named) !== null)) return null;
    return {
      question: {
        order: word === 'smallest' || word === 'small' || word === 'fewest' || word === 'least' ? 'smallest' : 'largest',
        seats: null,
      },
      count: shown === undefined ? null : Number(shown),
      product: named === undefined ? null : originalCase(text, named.replace(/ (?:licen[cs]es|seats)$/, '')),
    };
  }
  const one = SIZE_ONE.exec(asked)?.[1];
  if (one !== undefined) return { question: { order: one === 'smallest' ? 'smallest' : 'largest', seats: null }, count: 1, product: null };
  const seats = SEATS.exec(asked);
  if (!seats) return null;
  const filter = countBoundOf(seats[1]!, seats[2]!);
  return { question: { order: filter.side === 'above' ? 'largest' : 'smallest', seats: filter }, count: null, product: null };
}
