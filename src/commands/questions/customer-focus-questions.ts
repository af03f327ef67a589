import type { CustomerFocus } from '../../cards/customer-focus.js';
import { workloadNamed } from '../../data/workloads.js';
import { SPAN_WORDS, spanDays } from './movement-questions.js';

/** One customer, and what of it was asked: "Teams usage at Fabrikam", "when does Woodgrove renew?". */
export interface FocusAsked {
  /** The customer's name as read (lower-cased). */
  readonly customer: string;
  readonly focus: CustomerFocus;
}

/**
 * A customer's name, possessive or not (or only possessive), and not words that ask about many
 * ("the", "our customers"); `group` names the capture.
 */
const nameCaptured = (group: string, possessive = "(?:'s|')?"): string =>
  String.raw`(?!(?:the|my|our|all|every|each|any|anyone|anybody|some|someone|somebody|everyone|everybody|nobody|we|us|they|it|this|that|these|those|there|here|things|adoption|usage|deployment|numbers|portfolio|everything|show|list|alerts?|sync|weekly|daily|monthly|which|what|who|when|how|is|are|does|do|customers?|accounts?)\b)(${group}.+?)${possessive}`;
const NAME = nameCaptured('');
const CUSTOMER = nameCaptured('?<customer>');
/** "Contoso's": a name that must be possessive, where nothing else tells where it ends. */
const OWNER = nameCaptured('?<customer>', "(?:'s|')");
const USE = String.raw`(?:usage|adoption|use|activity|active users|users)(?: rate| %| percent(?:age)?)?`;

/** Each pattern captures the customer and the workload as named groups: the workload is checked after. */
const WORKLOAD = [
  // "Teams usage at Fabrikam", "the Exchange adoption rate for Contoso"
  new RegExp(String.raw`^(?:show |get |give me )?(?:the )?(?<workload>.+?) ${USE} (?:for|of|at|in|by) ${CUSTOMER}$`),
  // "Contoso's Exchange usage", "Fabrikam Teams users", "how is Fabrikam's Teams usage?"
  new RegExp(
    String.raw`^(?:how(?: is| are) )?${CUSTOMER} (?<workload>\S+(?: with onedrive| for business| online| engage| apps| teams)?) ${USE}$`,
  ),
  // "is Fabrikam using SharePoint?", "does Contoso use Yammer at all?"
  new RegExp(
    String.raw`^(?:is|are|does|do) ${CUSTOMER} (?:using|use|on|adopting|active (?:in|on)) (?<workload>.+?)(?: at all| much| enough| a lot| yet)?$`,
  ),
  // "how is Fabrikam using Teams?", "how much does Contoso use Exchange?", "how well is Coho adopting SharePoint?"
  new RegExp(
    String.raw`^how (?:much |well |often )?(?:is|are|does|do) ${CUSTOMER} (?:using|use|adopting|doing (?:in|on|with)|do (?:in|on|with)) (?<workload>.+?)$`,
  ),
  // "how many Teams users does Contoso have?", "how many Exchange users at Fabrikam"
  new RegExp(String.raw`^how many (?:active )?(?<workload>.+?) users (?:does|do|at|in|for|has) ${CUSTOMER}(?: have| has| got)?$`),
  // "how many people at Fabrikam use Teams?"
  new RegExp(
    String.raw`^how many (?:people|users|employees) (?:at|in) (?<customer>.+?) (?:use|are using|are active (?:in|on)) (?<workload>.+?)$`,
  ),
  // "Teams at Fabrikam" (not "Teams at risk")
  new RegExp(String.raw`^(?<workload>.+?) at (?!risk$)(?<customer>.+?)$`),
];

const RENEWAL_WORDS = String.raw`(?:next renewal|renewals?|renewal dates?|expiry(?: dates?)?|expiration(?: dates?)?|term end(?: dates?)?|end of term)`;
/** "when does Woodgrove renew?", "Contoso renewal date", "when is Tailspin's trial ending?". */
const RENEWALS = [
  new RegExp(
    String.raw`^when (?:does|do|will) ${NAME} (?:(?:subscriptions?|licen[cs]es|contract|term|agreement|plan|trials?) )?(?:renew|expire|end|lapse|run out|come up for renewal)$`,
  ),
  new RegExp(
    String.raw`^when (?:is|are) ${NAME} (?:${RENEWAL_WORDS}|(?:subscriptions?|contract|term|trials?) (?:ending|expiring|up for renewal|due))$`,
  ),
  new RegExp(String.raw`^(?:the )?${RENEWAL_WORDS} (?:for|of|at) (.+?)$`),
  new RegExp(String.raw`^(?:is|are) ${NAME} (?:up for renewal|due for renewal|renewing)(?: soon)?$`),
  new RegExp(String.raw`^${NAME} ${RENEWAL_WORDS}$`),
];

/** "how many unused licenses does Contoso have?": the licenses line says sold, assigned and unassigned. */
const WHICH = String.raw`(?:(?:unused|unassigned|spare|free|idle|assigned) )?`;
const SEATS_WORDS = String.raw`(?:licen[cs]es|seats|licen[cs]e count|seat count|number of (?:licen[cs]es|seats))`;
/** "how many seats does Contoso have?", "Contoso licenses", "license count for Fabrikam". */
const SEATS = [
  new RegExp(String.raw`^how many ${WHICH}(?:licen[cs]es|seats) (?:does|do|did) ${NAME} (?:have|own|buy|use|pay for)$`),
  new RegExp(String.raw`^how many ${WHICH}(?:licen[cs]es|seats) (?:has|have) ${NAME} (?:bought|got|purchased)$`),
  new RegExp(String.raw`^how many ${WHICH}(?:licen[cs]es|seats) (?:at|for|in) (.+?)$`),
  new RegExp(String.raw`^(?:the )?${WHICH}${SEATS_WORDS} (?:for|of|at) (.+?)$`),
  // "what percentage of Contoso's licenses are assigned?", "how many of Fabrikam's seats are unused?"
  new RegExp(
    String.raw`^(?:(?:what|which) )?(?:the )?(?:percentage|percent|share|proportion|part) of ${OWNER} (?:licen[cs]es|seats) (?:are|is) (?:assigned|deployed|used|in use|active|unused|unassigned|idle|spare|free)$`,
  ),
  new RegExp(
    String.raw`^how many of ${OWNER} (?:licen[cs]es|seats) (?:are|is) (?:assigned|deployed|used|in use|active|unused|unassigned|idle|spare|free)$`,
  ),
  new RegExp(String.raw`^(?:does|do) ${NAME} have (?:any )?(?:unused|unassigned|spare|free|idle) (?:licen[cs]es|seats)$`),
  // "how many licenses are unused at Contoso?", "how many seats are assigned for Fabrikam?"
  new RegExp(
    String.raw`^how many (?:licen[cs]es|seats) (?:are|is) (?:assigned|deployed|used|in use|active|unused|unassigned|idle|spare|free|not (?:assigned|used)) (?:at|for|in|by) (.+?)$`,
  ),
  // "what products does Contoso have?", "what does Contoso buy?": its licenses, product by product.
  new RegExp(String.raw`^what (?:products|licen[cs]es|subscriptions|skus|plans) (?:does|do|did) ${NAME} (?:have|own|buy|use|pay for)$`),
  new RegExp(String.raw`^what (?:does|do|did) ${NAME} (?:buy|own|pay for|have licen[cs]es for)(?: from (?:us|me))?$`),
  new RegExp(String.raw`^${NAME} ${WHICH}${SEATS_WORDS}$`),
];

/**
 * Low adoption or not: "is Fabrikam low?", "is Contoso below the threshold?", "is Coho at risk?",
 * "how healthy is Contoso?", "will Coho churn?".
 */
const STANDING = [
  new RegExp(
    String.raw`^(?:is|are) ${NAME} (?:low|(?:below|under|above|over) (?:the |our |my )?(?:(?:usage|deployment|adoption|low) )?thresholds?|at risk|a (?:churn )?risk|healthy|ok|okay|fine|on track|struggling|in (?:the )?(?:red|green|amber)|doing (?:ok|okay|well|fine|badly|poorly|alright))$`,
  ),
  new RegExp(String.raw`^(?:does|do) ${NAME} have (?:low|poor|good|healthy) (?:adoption|usage|deployment)$`),
  new RegExp(String.raw`^how healthy (?:is|are) ${NAME}$`),
  // "will Contoso churn?", "is Coho likely to leave?": what the bot can tell is whether its adoption is low.
  new RegExp(String.raw`^(?:will|might|could|may) ${NAME} (?:churn|leave(?: us)?|cancel)$`),
  new RegExp(String.raw`^(?:is|are) ${NAME} (?:likely|going|about) to (?:churn|leave(?: us)?|cancel)$`),
  new RegExp(String.raw`^${NAME} health(?: check)?$`),
];

const DATA_WORDS = String.raw`(?:data|numbers|figures|report)`;
/** How old its data is: "when was Contoso last synced?", "how old is Contoso's data?", "is Fabrikam's data up to date?". */
const DATA_AGE = [
  new RegExp(String.raw`^when (?:did|was|were|has|have) ${NAME} (?:last )?(?:sync|synced|update|updated|refresh|refreshed)(?: last)?$`),
  new RegExp(String.raw`^how (?:old|fresh|recent|current|up to date|up-to-date) (?:is|are) ${OWNER} ${DATA_WORDS}$`),
  new RegExp(String.raw`^(?:is|are) ${OWNER} ${DATA_WORDS} (?:up to date|up-to-date|current|fresh|recent|old|stale|outdated|out of date)$`),
  new RegExp(String.raw`^${NAME} (?:data age|last sync|last update|data date)$`),
  new RegExp(String.raw`^(?:the )?(?:data age|age of the data|last sync|last update) (?:for|of|at) (.+?)$`),
];

const SPAN = `(?:${SPAN_WORDS})?`;
/**
 * How one customer moved, over a span (a week unless said): "how has Contoso changed since last
 * month?", "is Coho improving?", "did Fabrikam drop this month?", "Fabrikam trend over the last month".
 */
const TREND = [
  new RegExp(
    String.raw`^how (?:has|have|did) ${CUSTOMER} (?:changed?|moved?|done|do|developed?|trended?|evolved?|progressed?|gone|go)${SPAN}$`,
  ),
  new RegExp(String.raw`^what (?:has )?changed (?:at|for|with) ${CUSTOMER}${SPAN}$`),
  new RegExp(
    String.raw`^(?:is|are) ${CUSTOMER} (?:getting (?:better|worse)|improving|declining|dropping|falling|slipping|growing|recovering|trending (?:up|down))${SPAN}$`,
  ),
  new RegExp(
    String.raw`^(?:did|has|have) ${CUSTOMER} (?:dropped|drop|fallen|fall|fell|improved|improve|grown|grow|grew|declined|decline|slipped|slip|gone (?:up|down)|go (?:up|down)|went (?:up|down))${SPAN}$`,
  ),
  new RegExp(String.raw`^${CUSTOMER} (?:trend|history|progress|changes)(?: over time)?${SPAN}$`),
];

function trendFocus(asked: string): FocusAsked | null {
  for (const pattern of TREND) {
    const groups = pattern.exec(asked)?.groups;
    if (groups?.['customer'] !== undefined) return { customer: groups['customer'], focus: { kind: 'trend', days: spanDays(groups) } };
  }
  return null;
}

/** Its workloads, the least used first: "which workloads does Contoso use?", "what does Fabrikam use the least?". */
const WORKLOADS = [
  new RegExp(String.raw`^(?:which|what) (?:workloads|apps|services) (?:does|do) ${NAME} (?:use|have)(?: (?:the )?(?:least|most))?$`),
  new RegExp(String.raw`^what (?:does|do) ${NAME} use (?:the )?(?:least|most)$`),
  new RegExp(String.raw`^${NAME} (?:workloads|workload usage|(?:least|most) used (?:workloads?|apps?|services?))$`),
  new RegExp(String.raw`^(?:the )?(?:workloads|workload usage) (?:for|of|at) (.+?)$`),
];

/** Ready for more: "can I upsell Contoso?", "is Contoso an upsell candidate?", "is Contoso ready for E5?". */
const UPSELL = [
  new RegExp(String.raw`^(?:can|could|should|shall) (?:i|we) (?:upsell|cross-?sell|sell more to|upgrade) ${NAME}(?: to .+)?$`),
  new RegExp(String.raw`^(?:is|are) ${NAME} (?:an? )?(?:upsell|cross-?sell|upgrade) (?:candidates?|opportunit(?:y|ies)|targets?)$`),
  new RegExp(
    String.raw`^(?:is|are) ${NAME} ready (?:for|to buy|to upgrade to) (?!(?:a |the |its )?renewal$)(?:more (?:seats|licen[cs]es)|an? (?:upsell|upgrade)|.+)$`,
  ),
  new RegExp(
    String.raw`^what (?:(?:else )?(?:should|can|could) (?:i|we) (?:sell|offer)(?: to)?|more (?:should|can|could) (?:i|we) sell(?: to)?) ${NAME}$`,
  ),
  new RegExp(String.raw`^(?:upsell|cross-?sell)(?: opportunit(?:y|ies))?(?: for| at)? (.+?)$`),
  new RegExp(String.raw`^${NAME} (?:upsell|cross-?sell)(?: opportunit(?:y|ies)| potential)?$`),
];

/** People: "how many users does Contoso have?", "Fabrikam active users", "how big is Contoso?". */
const PEOPLE = String.raw`(?:(?:active |inactive |licen[cs]ed )?(?:users|people|employees|staff|seats in use))`;
const USERS = [
  new RegExp(String.raw`^how many ${PEOPLE} (?:does|do|did) ${NAME} have$`),
  new RegExp(String.raw`^how many ${PEOPLE} (?:(?:work|are) )?(?:at|in|for) (.+?)$`),
  new RegExp(String.raw`^how (?:big|large) (?:is|are) ${NAME}$`),
  new RegExp(String.raw`^${NAME} (?:${PEOPLE}|headcount|size|user count)$`),
  new RegExp(String.raw`^(?:the )?(?:${PEOPLE}|headcount|user count) (?:at|of|for|in) (.+?)$`),
];

const TROUBLE = String.raw`(?:in (?:a )?grace(?:-| )period|suspended|expired|disabled|lapsed|locked(?:-| )?out)`;
/** Subscriptions needing attention: "which subscriptions are in grace period at Contoso?", "Contoso grace period". */
const ATTENTION = [
  new RegExp(String.raw`^(?:which|what|any) subscriptions? (?:are|is) ${TROUBLE} (?:at|for|of) (.+?)$`),
  new RegExp(
    String.raw`^${OWNER} (?:subscriptions? (?:${TROUBLE}|needing attention|that need attention)|(?:suspended|expired|disabled|lapsed) subscriptions?)$`,
  ),
  new RegExp(String.raw`^${NAME} (?:grace(?:-| )period|billing (?:problems|issues)|subscription (?:problems|issues))$`),
  new RegExp(
    String.raw`^(?:is|are|does|do) ${NAME} (?:in (?:a )?grace(?:-| )period|have (?:any |a )?(?:(?:suspended|expired|disabled|lapsed) subscriptions?|(?:billing|subscription) (?:problems|issues)))$`,
  ),
];

/** Trials: "does Contoso have a trial?", "is Tailspin on a trial?", "Tailspin trials". */
const TRIALS = [
  new RegExp(String.raw`^(?:does|do) ${NAME} have (?:a |any )?trials?(?: subscriptions?| licen[cs]es)?$`),
  new RegExp(String.raw`^(?:is|are) ${NAME} (?:on|in|running) (?:a )?trial$`),
  new RegExp(String.raw`^${NAME} trials?(?: subscriptions?| status| state)?$`),
  new RegExp(String.raw`^(?:the )?trials? (?:at|for|of) (.+?)$`),
  // "trial end for Tailspin", "how many days until Tailspin's trial ends?"
  new RegExp(String.raw`^(?:the )?trials? (?:end|ends|end date|expiry|expiration)(?: date)? (?:at|for|of) (.+?)$`),
  new RegExp(
    String.raw`^how (?:many days|long) (?:until|till|before|is left (?:on|in)) ${NAME}(?:'s|') trial(?: ends| expires| is over| runs out)?$`,
  ),
];

/**
 * Since when it is a customer, what it bought last: "how long has Woodgrove been a customer?",
 * "when did Tailspin become a customer?", "what did Tailspin buy recently?", "Tailspin's subscriptions".
 */
const PURCHASES = [
  new RegExp(String.raw`^(?:how long|since when) (?:has|have) ${NAME} been (?:a |our |my )?(?:customer|client|account)$`),
  new RegExp(
    String.raw`^when did ${NAME} (?:become (?:a |our |my )?(?:customer|client)|sign up|join|start|first buy|buy (?:its|their) first (?:licen[cs]es|subscription))$`,
  ),
  new RegExp(
    String.raw`^what (?:did|has|have) ${NAME} (?:buy|bought|purchase|purchased|order|ordered)(?: (?:lately|recently|last|this month|this year))?$`,
  ),
  new RegExp(String.raw`^(?:when did|what did) ${NAME} (?:last )?(?:buy|purchase|order)(?: last)?$`),
  new RegExp(String.raw`^${NAME}(?:'s|') (?:subscriptions|purchases|orders|purchase history|order history)$`),
  new RegExp(String.raw`^(?:the )?(?:subscriptions|purchases|purchase history|order history) (?:of|for|at) (.+?)$`),
  new RegExp(String.raw`^${NAME} (?:(?:a )?customer since|purchase history|order history)$`),
];

const OTHERS = String.raw`(?:the )?(?:average|median|mean|typical(?: customer)?|portfolio|others|other customers|our other customers|the rest|rest of (?:the )?(?:customers|portfolio)|everyone(?: else)?|everybody(?: else)?)`;
/**
 * Its numbers against the typical customer: "how does Contoso compare to other customers?",
 * "compare Contoso to average", "is Fabrikam below average?", "Contoso vs the median".
 */
const BENCHMARK = [
  new RegExp(String.raw`^how (?:does|do) ${NAME} (?:compare|stack up|measure up|rank)(?: (?:to|with|against|among) ${OTHERS})?$`),
  new RegExp(String.raw`^compare ${NAME} (?:to|with|against) ${OTHERS}$`),
  new RegExp(String.raw`^(?:is|are) ${NAME} (?:above|below|better than|worse than|ahead of|behind) ${OTHERS}$`),
  new RegExp(String.raw`^${NAME} (?:vs\.?|versus|against|compared (?:to|with)) ${OTHERS}$`),
  new RegExp(String.raw`^${NAME} benchmark$`),
];

const SUPPORT_WORDS = String.raw`(?:open )?(?:support (?:requests?|tickets?|cases?|calls?|incidents?)|service requests?|tickets?|cases|incidents)`;
/** "Contoso's open tickets", "support requests for Contoso", "how many support tickets does Litware have?". */
const SUPPORT = [
  new RegExp(
    String.raw`^how many ${SUPPORT_WORDS} (?:does|do|did|has|have) ${NAME}(?: have| has| got| opened| raised| logged| filed)?(?: (?:lately|recently|this month))?$`,
  ),
  new RegExp(String.raw`^(?:the )?${SUPPORT_WORDS} (?:for|of|at|from|by) (.+?)$`),
  new RegExp(String.raw`^(?:does|do) ${NAME} have (?:any |many |a lot of )?${SUPPORT_WORDS}$`),
  new RegExp(String.raw`^${NAME} ${SUPPORT_WORDS}$`),
  // "how is Litware's support load?", "Litware support volume"
  new RegExp(String.raw`^(?:how is |what is )?${NAME} support (?:load|volume|activity|history|situation)$`),
  /^(?:the )?support (?:load|volume|activity|history|situation) (?:at|for|of) (.+?)$/,
  new RegExp(
    String.raw`^(?:has|have|did|does) ${NAME} (?:opened|raised|logged|filed|called|contacted|open|raise|log|file|call|contact) (?:any |many |a lot of )?(?:support|${SUPPORT_WORDS})(?: (?:lately|recently|this month))?$`,
  ),
];

/** Words that say which licenses, not which product: "how many unused licenses at Contoso" is no product's. */
const NOT_A_PRODUCT = String.raw`(?!(?:how|who|what|which|when|where|why|is|are|does|do|the|our|my|all|its|their|total|unused|unassigned|assigned|active|inactive|idle|spare|free|deployment|usage|adoption)\b)`;
const PRODUCT = String.raw`${NOT_A_PRODUCT}(?<product>\S+(?: \S+){0,4}?)`;
/**
 * "how many E3 licenses does Contoso have?", "Contoso's E3 deployment", "E3 usage at Contoso"; not
 * "E3 at Contoso", which reads as well as "what is going on at Fabrikam".
 */
const PRODUCT_FOCUS = [
  new RegExp(String.raw`^how many ${PRODUCT} (?:licen[cs]es|seats) (?:does|do|did) ${CUSTOMER} (?:have|own|buy|use|pay for)$`),
  new RegExp(String.raw`^how many ${PRODUCT} (?:licen[cs]es|seats) (?:at|for|in) (?<customer>.+?)$`),
  new RegExp(String.raw`^(?:how(?: is| are) )?${OWNER} ${PRODUCT} (?:licen[cs]es|seats|deployment|usage|adoption|numbers)$`),
  new RegExp(String.raw`^${PRODUCT} (?:licen[cs]es|seats|deployment|usage|adoption|numbers) (?:at|for|of|in) (?<customer>.+?)$`),
  // "does Contoso have E5?", "does Fabrikam still use Teams Premium?"
  new RegExp(String.raw`^(?:does|do) ${CUSTOMER} (?:still )?(?:have|own|use|buy|pay for) (?:any )?${PRODUCT}(?: licen[cs]es| seats)?$`),
];

function workloadFocus(asked: string): FocusAsked | null {
  for (const pattern of WORKLOAD) {
    const groups = pattern.exec(asked)?.groups;
    const workload = groups?.['workload'] === undefined ? null : workloadNamed(groups['workload']);
    if (workload !== null) return { customer: groups!['customer']!, focus: { kind: 'workload', workload } };
  }
  return null;
}

function focusFrom(patterns: readonly RegExp[], asked: string, focus: CustomerFocus): FocusAsked | null {
  for (const pattern of patterns) {
    const customer = pattern.exec(asked)?.[1];
    if (customer !== undefined) return { customer, focus };
  }
  return null;
}

function productFocus(asked: string): FocusAsked | null {
  for (const pattern of PRODUCT_FOCUS) {
    const groups = pattern.exec(asked)?.groups;
    if (groups?.['product'] !== undefined && groups['customer'] !== undefined) {
      return { customer: groups['customer'], focus: { kind: 'product', product: groups['product'] } };
    }
  }
  return null;
}

/** Its numbers against the typical customer: read before two customers compared, as "compare Contoso to average" would be. */
export function benchmarkAsked(asked: string): FocusAsked | null {
  const found = focusFrom(BENCHMARK, asked, { kind: 'benchmark' });
  return found === null || workloadNamed(found.customer) !== null ? null : found;
}

/**
 * One customer and what of it was asked; null when the words ask something else, or name a
 * workload where the customer goes ("Teams trend" is no customer's). A workload's name is read as
 * the workload; other words where a product goes, as a product's name.
 */
export function customerFocusAsked(asked: string): FocusAsked | null {
  const found = focusIn(asked);
  return found === null || workloadNamed(found.customer) !== null ? null : found;
}

function focusIn(asked: string): FocusAsked | null {
  return (
    workloadFocus(asked) ??
    focusFrom(RENEWALS, asked, { kind: 'renewals' }) ??
    focusFrom(SEATS, asked, { kind: 'seats' }) ??
    focusFrom(STANDING, asked, { kind: 'standing' }) ??
    focusFrom(SUPPORT, asked, { kind: 'support' }) ??
    focusFrom(DATA_AGE, asked, { kind: 'data' }) ??
    focusFrom(PURCHASES, asked, { kind: 'purchases' }) ??
    trendFocus(asked) ??
    focusFrom(WORKLOADS, asked, { kind: 'workloads' }) ??
    focusFrom(UPSELL, asked, { kind: 'upsell' }) ??
    focusFrom(USERS, asked, { kind: 'users' }) ??
    focusFrom(ATTENTION, asked, { kind: 'attention' }) ??
    focusFrom(TRIALS, asked, { kind: 'trials' }) ??
    productFocus(asked)
  );
}
