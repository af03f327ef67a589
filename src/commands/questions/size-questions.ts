import type { SizeQuestion } from '../../metrics/size.js';
import { seatFilterOf } from './words.js';

/** "biggest customers", "top 10 customers by licenses", "who has the most seats?", "smallest accounts". */
const SIZE_RANKED =
  /^(?:(?:show|list)(?: me)? |(?:who|which) are )?(?:(?:my|the|our) )?(?:(?:top )?(?:(?<before>\d{1,3}) )?(?<size>biggest|largest|smallest)(?: (?<after>\d{1,3}))? (?:customers|accounts)(?: by (?:size|seats|licen[cs]es(?: sold)?))?|top(?: (?<top>\d{1,3}))? (?:customers|accounts) by (?:size|seats|licen[cs]es(?: sold)?)|(?:customers|accounts) by (?:size|seats|licen[cs]es(?: sold)?))$|^(?:who|which customers?|what customers?) (?:has|have) the (?<most>most|fewest|least) (?:seats|licen[cs]es|users)$/;
/** "who is our biggest customer?", "which is the smallest account?": the one. */
const SIZE_ONE = /^(?:(?:who|which|what)(?:'s| is)|who's) (?:(?:my|the|our) )?(biggest|largest|smallest) (?:customer|account)$/;
/** "customers with more than 100 seats", "accounts over 500 licenses", "who has fewer than 20 users?". */
const SEATS =
  /^(?:(?:show|list)(?: me)? )?(?:(?:which|what) (?:customers?|accounts?) (?:have|has)|who has|(?:customers?|accounts?)(?: with)?)? ?(more than|over|above|fewer than|less than|under|below) (\d{1,3}(?:,\d{3})+|\d{1,6}) (?:seats?|licen[cs]es?|users?)(?: sold)?$/;

/** What size the words ask about, and how many of the largest (or smallest) to show; null when none. */
export function sizeAsked(asked: string): { question: SizeQuestion; count: number | null } | null {
  const ranked = SIZE_RANKED.exec(asked)?.groups;
  if (ranked) {
    const word = ranked['size'] ?? ranked['most'];
    const shown = ranked['before'] ?? ranked['after'] ?? ranked['top'];
    return {
      question: { order: word === 'smallest' || word === 'fewest' || word === 'least' ? 'smallest' : 'largest', seats: null },
      count: shown === undefined ? null : Number(shown),
    };
  }
  const one = SIZE_ONE.exec(asked)?.[1];
  if (one !== undefined) return { question: { order: one === 'smallest' ? 'smallest' : 'largest', seats: null }, count: 1 };
  const seats = SEATS.exec(asked);
  if (!seats) return null;
  const filter = seatFilterOf(seats[1]!, seats[2]!);
  return { question: { order: filter.side === 'above' ? 'largest' : 'smallest', seats: filter }, count: null };
}
