import { NEW_DAYS, type NewWhat } from '../../metrics/subscription-starts.js';
import { SPAN_WORDS, spanDays } from './movement-questions.js';

/** Questions about what is new, told from subscriptions' creation dates: "any new customers?", "who bought something this month?". */

export interface NewQuestion {
  readonly what: NewWhat;
  readonly days: number;
}

/** "any new customers?", "new accounts", "how many new customers do we have?", "which customers are new?", "who joined?". */
const NEW_CUSTOMERS =
  /^(?:(?:are there |do (?:we|i) have |have (?:we|i) got )?any |(?:show|list)(?: me)? (?:the |our |my )?|(?:who|which|what) (?:are|is) (?:the |our |my )?|how many |(?:the |our |my ))?new (?:customers|accounts|tenants|clients)(?: (?:do (?:we|i) have|are there|have (?:we|i) (?:got|added|signed|won)|did (?:we|i) (?:get|add|sign|win)))?$|^(?:(?:which|what) (?:customers|accounts) (?:are|is)|who is) new$|^(?:who|which customers?|what customers?) (?:joined|signed up|came on ?board|onboarded)$/;
/** "new subscriptions", "recent purchases", "who bought something?", "what did customers buy?". */
const NEW_SUBSCRIPTIONS =
  /^(?:(?:are there |do (?:we|i) have )?any |(?:show|list)(?: me)? (?:the )?|(?:which|what) (?:are )?(?:the )?)?(?:new|recent|latest) (?:subscriptions|purchases|orders|sales)$|^(?:who|which customers?|what customers?) (?:bought|purchased|ordered|added|started) (?:something|anything|licen[cs]es|seats|subscriptions|more licen[cs]es|more seats|a (?:new )?subscription|new subscriptions)$|^what (?:did|have) (?:customers|they|our customers|my customers) (?:buy|bought|purchase|purchased|order|ordered)$/;
const SPAN = new RegExp(`${SPAN_WORDS}$`);

export function newAsked(asked: string): NewQuestion | null {
  const span = SPAN.exec(asked);
  const said = span ? asked.slice(0, span.index) : asked;
  const what = NEW_CUSTOMERS.test(said) ? 'customers' : NEW_SUBSCRIPTIONS.test(said) ? 'subscriptions' : null;
  if (what === null) return null;
  // "lately", "recently": the usual window, not the week a move looks back.
  const named = span?.groups?.['spanUnit'] ?? span?.groups?.['sinceUnit'];
  const days = named === undefined ? NEW_DAYS : spanDays(span!.groups);
  return days > 0 ? { what, days } : null;
}
