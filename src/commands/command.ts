import { workloadNamed, workloadNamedIn } from '../data/workloads.js';
import type { PercentFilter, PercentFilters, PercentJoin, PercentMeasure, RankedMeasure, RankOrder } from '../metrics/percent-filter.js';
import type { FindingCode } from '../metrics/report-types.js';
import type { SeatFilter, SizeQuestion } from '../metrics/size.js';
import { WEEK_DAYS, type Movement } from '../metrics/trend.js';
import { MONTH_NAMES, RENEWAL_DAYS, type RenewalScope, type RenewalSpan } from '../metrics/renewals.js';

/** What a person asked for, whatever words they used. Parsing is pure: text in, command out. */
export type Command =
  | { readonly kind: 'help' }
  /** "thanks": nothing to look up, a short word back. */
  | { readonly kind: 'thanks' }
  /** "export to Excel", "download a CSV": a file is made on the command line, and the answer says how. */
  | { readonly kind: 'export' }
  /** "what is usage?", "why is usage above 100%?": how the numbers are counted. */
  | { readonly kind: 'definitions' }
  /** "why is Adventure Works' usage above 100%?", "explain Tailspin": what explains one customer's numbers. */
  | { readonly kind: 'why'; readonly customer: string }
  /** "who dropped?", "who improved this month?": customers whose deployment or usage went that way over that span. */
  | { readonly kind: 'moved'; readonly movement: Movement }
  /** "who bought E3?", "customers with Dynamics 365 Sales", "Teams Premium customers": customers with a product named so. */
  | { readonly kind: 'product'; readonly product: string }
  /**
   * "who renews soon?", "renewals in the next 30 days": customers with a subscription whose term
   * ends within so many days; "which trials end this month?": only the trials.
   */
  | { readonly kind: 'renewals'; readonly span: RenewalSpan; readonly scope: RenewalScope }
  /** "what should I do?", "who needs attention?": customers with a suggested action, a trial ending soon or old data, the most urgent first. */
  | { readonly kind: 'actions' }
  /**
   * "compare Contoso and Fabrikam", "Contoso vs Fabrikam": customers side by side, by the names as
   * typed; a choice button names the ones already settled by key.
   */
  | { readonly kind: 'compare'; readonly customers: readonly CustomerTarget[] }
  /** "when was the data last updated?", "sync status": how fresh the data is, where it comes from, the last sync. */
  | { readonly kind: 'data-status' }
  /** "who has the most unused licenses?": customers with licenses sold and not assigned, the most first. */
  | { readonly kind: 'unassigned' }
  /** "biggest customers", "who has the most licenses?", "customers with more than 100 seats": customers by licenses sold. */
  | { readonly kind: 'size'; readonly question: SizeQuestion; readonly count: number | null }
  /** "best customers", "top 5": the highest first (candidates for case studies); null count: as many as fit. */
  | { readonly kind: 'best'; readonly count: number | null }
  | { readonly kind: 'portfolio' }
  /** Customers below or above a percent the person named: "below 40%", "Teams usage below 50%", "deployment above 90%". */
  | { readonly kind: 'percent'; readonly filters: PercentFilters; readonly join: PercentJoin }
  /**
   * Customers below the configured thresholds: "low adoption" (deployment or usage, each its own
   * threshold), "low deployment", "low usage", "low Teams usage", "who uses Yammer the least".
   */
  | { readonly kind: 'low-adoption'; readonly measure: PercentMeasure }
  /**
   * Customers ranked by one number: a workload's usage ("Teams usage", "OneDrive adoption by
   * customer"), lowest first; "rank customers by usage", "who has the highest deployment?".
   */
  | { readonly kind: 'ranked'; readonly measure: RankedMeasure; readonly order: RankOrder }
  /** Customers with one explanation (flag) or one suggested action: "customers with trials", "upsell". */
  | { readonly kind: 'customers-with'; readonly code: FindingCode }
  /**
   * One customer. `explicit` when the words said so ("adoption for X"); otherwise the whole text
   * was taken as a name and, if no customer matches, the person is told what the bot understands.
   */
  | { readonly kind: 'customer'; readonly query: string; readonly explicit: boolean }
  /**
   * One customer by its key, from a button or a card's refresh: no matching involved. `sharedBy`
   * when the card being refreshed was shared into a channel, so it keeps saying who shared it.
   */
  | { readonly kind: 'customer-key'; readonly key: string; readonly sharedBy: string | null }
  /** Subscribe this conversation to alerts; null percent: the configured thresholds; null customer: every customer. */
  | { readonly kind: 'alerts-on'; readonly percent: number | null; readonly customer: CustomerTarget | null }
  | { readonly kind: 'alerts-off' }
  | { readonly kind: 'alerts-status' }
  /** "weekly summary on": this conversation gets the customers to act on after the first sync of each week. */
  | { readonly kind: 'weekly-on' }
  | { readonly kind: 'weekly-off' }
  /** Link this channel to a customer, by name. */
  | { readonly kind: 'link'; readonly customer: CustomerTarget }
  | { readonly kind: 'links' }
  | { readonly kind: 'unlink' }
  /** Share a customer's card to its linked channels: "share Contoso", or its card's button. */
  | { readonly kind: 'share'; readonly customer: CustomerTarget }
  /** Mute a customer's alerts here for 30 days: "mute Contoso", or an alert's button. */
  | { readonly kind: 'mute'; readonly customer: CustomerTarget }
  /** Undo a mute: "unmute Contoso", or the button beside it in "alerts". */
  | { readonly kind: 'unmute'; readonly customer: CustomerTarget };

/** A customer as a button names it (its key) or as someone typed it (a name, matched fuzzily). */
export type CustomerTarget = { readonly key: string } | { readonly name: string };

/** Commands people type; each has an example in the help card and the manifest's command lists. */
export const TYPED_COMMANDS = [
  'help',
  'portfolio',
  'percent',
  'actions',
  'renewals',
  'customer',
  'alerts-on',
  'alerts-off',
  'alerts-status',
  'link',
  'links',
  'unlink',
] as const satisfies readonly Command['kind'][];
/** Commands only card buttons send (they carry a customer key, not a name). */
export const BUTTON_COMMANDS = ['customer-key'] as const satisfies readonly Command['kind'][];
/** Courtesies, and requests answered with where to go instead, that the help card need not teach. */
export const SMALL_TALK = ['thanks', 'export'] as const satisfies readonly Command['kind'][];
/** Questions the help card points to in a sentence, not in its list (Teams' command lists are full). */
export const MENTIONED = [
  'low-adoption',
  'customers-with',
  'share',
  'mute',
  'unmute',
  'definitions',
  'why',
  'weekly-on',
  'weekly-off',
  'product',
  'compare',
  'data-status',
  'moved',
  'best',
  'unassigned',
  'size',
  'ranked',
] as const satisfies readonly Command['kind'][];
// Every kind is in one list: adding a command without deciding fails to compile here.
const EVERY_KIND_LISTED: Exclude<
  Command['kind'],
  (typeof TYPED_COMMANDS)[number] | (typeof BUTTON_COMMANDS)[number] | (typeof SMALL_TALK)[number] | (typeof MENTIONED)[number]
> extends never
  ? true
  : never = true;
void EVERY_KIND_LISTED;

/** Commands that change what the bot remembers (alerts and links), as opposed to questions about the data. */
const SETTINGS_KINDS = [
  'alerts-on',
  'alerts-off',
  'alerts-status',
  'weekly-on',
  'weekly-off',
  'link',
  'links',
  'unlink',
  'share',
  'mute',
  'unmute',
] as const satisfies readonly Command['kind'][];
export type SettingsCommand = Extract<Command, { kind: (typeof SETTINGS_KINDS)[number] }>;
/** About the bot's own data and syncs rather than the customers: read from the sync status too. */
export type StatusQuestion = Extract<Command, { kind: 'data-status' }>;
export type Question = Exclude<Command, SettingsCommand | StatusQuestion>;

/** Commands that change what the bot does for everyone in a conversation: admins only. */
const ADMIN_KINDS: ReadonlySet<Command['kind']> = new Set([
  'alerts-on',
  'alerts-off',
  'weekly-on',
  'weekly-off',
  'link',
  'unlink',
  'mute',
  'unmute',
]);

export function needsAdmin(command: Command): boolean {
  return ADMIN_KINDS.has(command.kind);
}

export function isSettings(command: Command): command is SettingsCommand {
  return (SETTINGS_KINDS as readonly Command['kind'][]).includes(command.kind);
}

const HELP =
  /^(help|hi|hello|hey|hiya|good (morning|afternoon|evening)|commands|menu|what can you do|who are you|what are you|what is this|about|start|get started|how do i start|\?)$/;
/** Thanks and goodbyes: "thanks!", "ok, thank you so much", "thanks, bye", "bye". */
const THANKS =
  /^(?:(?:ok(?:ay)?|great|cool|perfect|got it),? )?(?:(?:thanks?(?: you)?|thx|ty|cheers|much appreciated)(?: (?:a lot|so much|very much))?(?:,? (?:bye|goodbye|see you))?|bye|goodbye|bye bye|see you|cya)$/;
/** Read after the lead-in ("what is", "tell me about") is dropped. */
const DEFINITIONS = new RegExp(
  [
    /(?:(?:explain|define) )?(?:the |an? )?(?:deployment|usage|adoption|entitlements?|active users?)(?: %| percent(?:age)?| rate| numbers?)?/,
    /an? (?:trial|trial subscription|grace period|license transfer|duplicate subscription)/,
    /definitions?|glossary|explain (?:the )?(?:numbers|percent(?:age)?s)|what (?:do|does) (?:the )?(?:numbers|percent(?:age)?s|deployment|usage|adoption)(?: %)? mean/,
    /how (?:are|is|do you) (?:the )?(?:numbers|percent(?:age)?s|deployment|usage|adoption)(?: %)? (?:counted|calculated|computed|measured)/,
    /how do you (?:count|calculate|compute|measure)(?: (?:the )?(?:numbers|deployment|usage|adoption))?/,
    /(?:why (?:is|are|can|does|do|would)|how come)\b.*\b(?:above|over|more than|exceed|exceeds) 100 ?(?:%|percent)?.*/,
    /(?:why (?:is|are)|how come)(?: the| my| our)? (?:usage|deployment|adoption|numbers?)(?: %)?(?: so| that)? (?:high|low|odd|weird|strange|wrong|off)/,
  ]
    .map((part) => `^(?:${part.source})$`)
    .join('|'),
);
/**
 * "why" about one customer: "why is usage over 100% for Tailspin", "why is Adventure Works' usage so
 * high", "why does Tailspin have usage above 100%", "explain Fabrikam". Read before the definitions,
 * whose "why is usage above 100%?" these extend with a name.
 */
const WHY = String.raw`(?:why (?:is|are|does|do|did|has|have|can)|how come(?: (?:is|are|does|do|did|has|have))?)`;
const MEASURES = String.raw`(?:usage|deployment|adoption|numbers?|percent(?:age)?s?)`;
const ODD = String.raw`(?: (?:so |that |this )?(?:odd|weird|strange|high|low|off|wrong|different))?`;
const WHY_CUSTOMER = [
  // "why is usage over 100% for Tailspin", "why is Yammer usage high at Adventure Works"
  new RegExp(String.raw`^${WHY}(?: the)?(?: \S+){0,3}? ${MEASURES}\b.*? (?:for|at|in) (?!\d)(.+?)${ODD}$`),
  new RegExp(String.raw`^${WHY} (.+?)(?:'s|’s|')?(?: (?:have|has|show|shows|get|gets|got))? ${MEASURES}\b.*$`),
  new RegExp(String.raw`^${WHY} (.+?) (?:at|over|above|more than|below|under) .+$`),
  new RegExp(String.raw`^explain (.+?)(?:'s|’s|')?(?: (?:usage|deployment|adoption|numbers|card))?$`),
];
/** What follows "why is" or "explain" that is not a customer's name (then it is the general question). */
const NOT_A_CUSTOMER =
  /^(?:the|my|our|some|all|these|those|it|this|that|they|them)$|^(?:(?:the|my|our|some|all|these|those) )?(?:usage|deployment|adoption|numbers?|percent(?:age)?s?|customers?|accounts?|tenants?|licen[cs]es?|entitlements?)\b/;

function whyAsked(asked: string): string | null {
  for (const pattern of WHY_CUSTOMER) {
    const customer = pattern.exec(asked)?.[1];
    if (customer !== undefined) return NOT_A_CUSTOMER.test(customer) || workloadNamed(customer) !== null ? null : customer;
  }
  return null;
}
/** "compare Contoso and Fabrikam", "Contoso vs Fabrikam", "how does Contoso compare to Fabrikam?". */
const COMPARE = /^(?:compare|comparing|comparison of|side by side:?) (.+)$/;
const VERSUS = /^(?:how (?:does|do|is|are) )?(.+?) (?:vs\.?|versus|compared? (?:to|with)|against) (.+)$/;
/** What goes between the names of a comparison. */
const BETWEEN_NAMES = /\s*,\s*(?:and\s+)?|\s+(?:and|with|to|vs\.?|versus|&|compared (?:to|with)|against)\s+/;

function comparedNames(text: string, asked: string): string[] | null {
  const match = COMPARE.exec(asked) ?? VERSUS.exec(asked);
  if (!match) return null;
  const names = match
    .slice(1)
    .join(' vs ')
    .split(BETWEEN_NAMES)
    .filter((n) => n !== '');
  return names.length > 1 ? names.map((n) => originalCase(text, n)) : null;
}
/** "who bought E3?", "which customers have Dynamics 365 Sales licenses", "customers with Teams Premium", "E3 customers". */
const PRODUCT =
  /^(?:(?:who|which customers?|what customers?) (?:bought|buys|buy|has|have|owns?|is on|are on|uses?|is using|are using)|(?:(?:show|list)(?: me)? )?(?:customers?|accounts?) (?:with|on|that (?:bought|have|own)|buying|using|owning))(?: an?| the| some| any)? (.+?)(?: licen[cs]es?| seats?| subscriptions?| plans?)?$|^(?:(?:show|list)(?: me)? )?(?:(?:all|my|our|the) )?(?!(?:how|who|what|which|where|why|when)\b)(.+?) (?:customers|accounts)$/;

/** The product a question names; a workload's name ("who uses Teams?") is the workload's usage instead. */
function productAsked(text: string, asked: string): Command | null {
  const match = PRODUCT.exec(asked);
  const product = match?.[1] ?? match?.[2];
  if (product === undefined) return null;
  const workload = workloadNamed(product);
  return workload === null ? { kind: 'product', product: originalCase(text, product) } : rankedBy({ kind: 'workload', workload });
}

/** "what should I do?", "who should I call this week?", "which customers need attention?", "next steps". */
const ACTIONS =
  /^(?:what (?:should|do|can|must) (?:i|we) do(?: next| now| first| today| this week)?|what(?:'s| is) next|(?:my |our |the )?(?:to-?do(?: list)?|action list|action items|next (?:steps|actions)|actions|priorities|suggested actions|suggestions|recommendations)|who (?:should|do|must) (?:i|we) (?:call|contact|reach out to|talk to|focus on|visit|follow up with)(?: first| next| today| this week)?|(?:which|what) customers? (?:need|needs|require|requires) (?:attention|help|action|work|follow-?up)|who needs (?:attention|help|action|follow-?up)|where (?:should|do|can) (?:i|we) (?:focus|start|begin)(?: first| next| today| this week)?|what needs (?:my|our) attention)$/;
/** "who renews soon?", "upcoming renewals", "which subscriptions expire this month?", "renewals in the next 60 days", "how many seats renew in December?". */
const RENEWALS =
  /^(?:(?:who|which customers?|what customers?|which subscriptions?|what subscriptions?|what) (?:renews?|is renewing|are renewing|expires?|is expiring|are expiring|ends?|(?:is|are) up for renewal|comes? up for renewal)|how many (?:seats|licen[cs]es|subscriptions) (?:renew|expire|end|are up for renewal)|(?:(?:show|list)(?: me)? )?(?:the |my |our )?(?:upcoming |next |coming )?(?:renewals?|expirations?|expiring subscriptions)(?: coming up| due)?)(.*)$/;
/** "which trials end soon?", "which trials are ending?", "who has a trial ending soon?", "trials ending this month", "expiring trials". */
const TRIALS_ENDING =
  /^(?:(?:which|what|whose|any) trials? (?:(?:is|are) )?(?:ending|ends?|expiring|expires?|running out|runs? out|converting|converts?)|when do(?:es)?(?: the)? trials? (?:end|expire|run out|convert)|who has (?:a |any )?trials? (?:ending|expiring|running out)|(?:(?:show|list)(?: me)? )?(?:the |my |our )?(?:(?:upcoming |next )?(?:expiring|ending) trials?|trials? (?:ending|expiring|running out|to convert)|(?:upcoming |next )?trial (?:ends|expirations?|conversions?)))(?: coming up| due)?(.*)$/;
/** "who is not renewing?", "which subscriptions will lapse?", "auto-renew off", "who turned off auto-renew?". */
const LAPSING =
  /^(?:(?:who|which customers?|what customers?) (?:is|are) not renewing|(?:which|what) subscriptions? (?:will|are going to|is going to) (?:lapse|not renew)|(?:which|what) subscriptions? (?:(?:is|are) )?(?:lapsing|not renewing)|(?:who|which customers?) (?:has |have )?(?:turned|switched|set) (?:off )?auto-?renew(?:al)?(?: off)?|(?:(?:show|list)(?: me)? )?(?:the |my |our )?(?:subscriptions? with auto-?renew(?:al)? (?:off|disabled)|subscriptions? without auto-?renew(?:al)?|auto-?renew(?:al)? (?:off|disabled)|lapsing subscriptions?|non-?renewing subscriptions?))(?: coming up| due)?(.*)$/;
/**
 * What follows: "in the next 60 days", "within 30 days", "this month", "next quarter", "in
 * December", "by the end of January", or nothing (RENEWAL_DAYS).
 */
const RENEWAL_SPAN = new RegExp(
  `^(?: (?:in|within|over|for)(?: the)?(?: next)? (\\d{1,3}|two|three|four|six|twelve)? ?(day|week|month|quarter|year)s?| (?:this|next|the next) (\\d{1,3}|two|three|four|six|twelve)? ?(day|week|month|quarter|year)s?| soon| next| (?:in|by|before|until|through)(?: the end of)? (${MONTH_NAMES.join('|').toLowerCase()}))?$`,
);

const RENEWAL_QUESTIONS: readonly (readonly [RegExp, RenewalScope])[] = [
  [LAPSING, 'lapsing'],
  [TRIALS_ENDING, 'trials'],
  [RENEWALS, 'all'],
];

/** The first renewal question the text asks, with its span; null when none, or when what follows is no span. */
function renewalsAsked(asked: string): { span: RenewalSpan; scope: RenewalScope } | null {
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
  const month = span[5];
  if (month !== undefined) return { month: MONTH_NAMES.findIndex((m) => m.toLowerCase() === month) + 1 };
  const counted = span[1] ?? span[3];
  const unit = span[2] ?? span[4];
  if (unit === undefined) return { days: RENEWAL_DAYS };
  const count = counted === undefined ? 1 : (SPAN_COUNTS[counted] ?? Number(counted));
  return { days: count * SPAN_UNIT_DAYS[unit]! };
}

/** "export", "export to excel", "download the data as csv", "can I get a spreadsheet?". */
const EXPORT =
  /^(?:(?:can (?:i|we) )?(?:export|download|get)(?: (?:it|this|that|the data|the numbers|the report|everything|all(?: customers)?|a (?:csv|spreadsheet|file|report)))?(?: (?:to|as|in(?:to)?) (?:an? )?(?:excel|csv|spreadsheet|file|json))?|(?:an? )?(?:csv|excel|spreadsheet)(?: export| file)?)$/;
const DATA_STATUS =
  /^(?:sync now|(?:re-?)?sync(?: the data)?|refresh(?: the)? data|update(?: the)? data|reload(?: the)? data|(?:show |check )?(?:the |my )?(?:data|sync|cache)(?: status| freshness| age)?|last sync|(?:when|how long ago) (?:was|were|did|is) (?:the )?(?:data|numbers|cache|last sync)(?: last)?(?: (?:updated|refreshed|synced|sync|imported|run))?|when did (?:the )?(?:data|numbers|cache)(?: last)? (?:update|refresh|sync)|how (?:fresh|old|recent|current) (?:is|are) (?:the |my )?(?:data|numbers|cache)|(?:is|are) (?:the |my )?(?:data|numbers) (?:fresh|current|up to date|up-to-date|recent|stale|old)|where does (?:the |my )?data come from)$/;
const WENT_DOWN =
  /^(?:(?:which|what) customers? |who )?(?:(?:is|are|has|have) )?(?:dropped|fell|fallen|declined|decreased|gone down|went down|got worse|gotten worse|declining|dropping|falling|decreasing)(?: (?:the )?most)?$|^(?:show |list )?(?:the )?(?:biggest |recent |latest )?(?:drops|falls|declines|decliners)$/;
const WENT_UP =
  /^(?:(?:which|what) customers? |who )?(?:(?:is|are|has|have) )?(?:improved|increased|gone up|went up|got better|gotten better|grew|grown|rose|risen|climbed|improving|increasing|growing|rising|climbing)(?: (?:the )?most)?$|^(?:show |list )?(?:the )?(?:biggest |recent |latest )?(?:gains|risers|climbers|improvements|improvers)$/;
/** A span after a movement: "this week", "in the last 3 months", "over the past two weeks", "since last month", "lately". */
const SPAN =
  / (?:(?:this|last|(?:in |over )?(?:the )?(?:last|past)) (?:(\d{1,3}|two|three|four|six|twelve) )?(day|week|month|quarter|year)s?|since last (week|month|quarter|year)|lately|recently)$/;
const SPAN_UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30, quarter: 90, year: 365 };
const SPAN_COUNTS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, six: 6, twelve: 12 };

/** "who dropped this month?": which way, and over how many days (a week unless a span is named). */
function movementAsked(asked: string): Movement | null {
  const span = SPAN.exec(asked);
  const words = span ? asked.slice(0, span.index) : asked;
  const direction = WENT_DOWN.test(words) ? 'down' : WENT_UP.test(words) ? 'up' : null;
  if (direction === null) return null;
  const unit = span?.[2] ?? span?.[3];
  const count = span?.[1] === undefined ? 1 : (SPAN_COUNTS[span[1]] ?? Number(span[1]));
  const days = unit === undefined ? WEEK_DAYS : count * SPAN_UNIT_DAYS[unit]!;
  return days > 0 ? { direction, days } : null;
}
/** A workload alone, or with "usage" / "adoption", and maybe "by customer": the rest is the workload's name. */
const WORKLOAD_USAGE =
  /^(?:(?:show|list)(?: me)? )?(?:the )?(.+?)(?: usage| adoption| use)?(?: (?:by|per|for each|for every|for all|across|of all|of my|over all) (?:customers?|accounts?))?$/;
/** "how is Exchange doing across customers?", "how is Teams used?": the rest must be a workload's name. */
const WORKLOAD_DOING =
  /^how (?:is|are) (.+?)(?: usage| adoption)? (?:doing|going|used|adopted)(?: (?:across|for|at|over|with|among) (?:all |my |our |the )?(?:customers|accounts))?$/;

function workloadAsked(asked: string): string | null {
  for (const pattern of [WORKLOAD_USAGE, WORKLOAD_DOING]) {
    const workload = workloadNamed(pattern.exec(asked)?.[1] ?? '');
    if (workload !== null) return workload;
  }
  return null;
}

/** "who has the most unused licenses?" (bare "unused licenses" is the adoption-content advice). */
const UNASSIGNED =
  /^(?:(?:which|what) customers? (?:have|has) |who has |(?:show|list)(?: me)? |where are )?(?:the )?(?:(?:most|biggest number of|largest number of) (?:unused|unassigned|idle|spare|free)|unassigned|idle|spare) (?:licen[cs]es|seats)$/;
const rankedBy = (measure: RankedMeasure, order: RankOrder = 'lowest'): Command => ({ kind: 'ranked', measure, order });

/** "rank customers by usage", "sort by deployment", "customers ranked by Teams usage": lowest first. */
const RANK_BY =
  /^(?:(?:rank|sort|order|list|show)(?: me)?(?: (?:all|my|the|our))?(?: (?:customers|accounts))?|(?:customers|accounts) (?:ranked|sorted|ordered)) by (.+?)(?: (asc|ascending|desc|descending))?$/;
/** "who has the highest usage?", "best Teams usage", "top deployment": highest first. */
const HIGHEST = /^(?:(?:who|which customers?|what customers?) (?:has|have) )?(?:the )?(?:highest|best|top|most) (.+)$/;

/** A ranking by a number the words name; null when they name none (or both: "adoption"). */
function rankAsked(asked: string): Command | null {
  const by = RANK_BY.exec(asked);
  const highest = by ? null : HIGHEST.exec(asked);
  const words = by?.[1] ?? highest?.[1];
  if (words === undefined) return null;
  const measure = measureOf(words);
  if (measure.kind === 'lower') return null;
  const descending = by?.[2]?.startsWith('desc') ?? highest !== null;
  return rankedBy(measure, descending ? 'highest' : 'lowest');
}

/** "biggest customers", "top 10 customers by licenses", "who has the most seats?", "smallest accounts". */
const SIZE_RANKED =
  /^(?:(?:show|list)(?: me)? |(?:who|which) are )?(?:(?:my|the|our) )?(?:(?:top )?(?:(?<before>\d{1,3}) )?(?<size>biggest|largest|smallest)(?: (?<after>\d{1,3}))? (?:customers|accounts)(?: by (?:size|seats|licen[cs]es(?: sold)?))?|top(?: (?<top>\d{1,3}))? (?:customers|accounts) by (?:size|seats|licen[cs]es(?: sold)?)|(?:customers|accounts) by (?:size|seats|licen[cs]es(?: sold)?))$|^(?:who|which customers?|what customers?) (?:has|have) the (?<most>most|fewest|least) (?:seats|licen[cs]es|users)$/;
/** "customers with more than 100 seats", "accounts over 500 licenses", "who has fewer than 20 users?". */
const SEATS =
  /^(?:(?:show|list)(?: me)? )?(?:(?:which|what) (?:customers?|accounts?) (?:have|has)|who has|(?:customers?|accounts?)(?: with)?)? ?(more than|over|above|fewer than|less than|under|below) (\d{1,6}) (?:seats|licen[cs]es|users)(?: sold)?$/;

function sizeAsked(asked: string): Extract<Command, { kind: 'size' }> | null {
  const ranked = SIZE_RANKED.exec(asked)?.groups;
  if (ranked) {
    const word = ranked['size'] ?? ranked['most'];
    const shown = ranked['before'] ?? ranked['after'] ?? ranked['top'];
    return {
      kind: 'size',
      question: { order: word === 'smallest' || word === 'fewest' || word === 'least' ? 'smallest' : 'largest', seats: null },
      count: shown === undefined ? null : Number(shown),
    };
  }
  const seats = SEATS.exec(asked);
  if (!seats) return null;
  const side: SeatFilter['side'] = /^(?:more|over|above)/.test(seats[1]!) ? 'above' : 'below';
  return {
    kind: 'size',
    question: { order: side === 'above' ? 'largest' : 'smallest', seats: { side, count: Number(seats[2]) } },
    count: null,
  };
}

const BEST =
  /^(?:(?:show|list)(?: me)? |(?:who|which) are )?(?:(?:my|the) )?(?:top|best|healthiest|strongest)(?: (\d{1,3}))?(?: customers| accounts)?$|^who(?:'s| is| are) doing (?:best|well|great)$/;
const PORTFOLIO =
  /^(show |list |me |my |the |all |a |an )*(portfolio|overview|summary|customers|accounts|everyone|dashboard)$|^how (?:are|is) (?:we|my portfolio|our portfolio|the portfolio|my customers|our customers|everyone|everybody)(?: doing)?$|^how many (?:customers|accounts)(?: do (?:i|we) have| are there)?$|^(?:the )?totals?(?: licen[cs]es)?$|^(?:the |our |my )?(?:average|overall|total|portfolio)(?: (?:usage|deployment|adoption|numbers))?$|^(?:usage|deployment|adoption)(?: (?:for|of|across|over) (?:all|every|my|our) (?:customers|accounts))$|^how many licen[cs]es(?: do (?:i|we) have| have (?:i|we) sold| in total)?$|^(?:show |list |the )*(?:top \d+ )?worst(?: \d+)?(?: customers)?$|^compare (?:all|every|my|our) (?:customers|accounts)$/;
/** A percent, with or without its sign; never a count ("more than 100 seats" is a size, not a percent). */
const PERCENT =
  /(?:\b(below|under|less than|lower than|above|over|more than|higher than|greater than)|(<|>))\s*(\d{1,3}(?:[.,]\d+)?)(?![\d.,]|\s*(?:seats|licen[cs]es|users|people|subscriptions)\b)\s*(?:%|percent|pct)?/;
const ABOVE_WORDS: ReadonlySet<string> = new Set(['above', 'over', 'more than', 'higher than', 'greater than', '>']);
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
/** What joins two conditions: "usage below 50% and deployment above 80%", "above 40%, below 60%". */
const CLAUSES = /\s*,\s*|\s+(?:and|but|while|with|yet)\s+/;
/** "usage below 50% or deployment below 60%": either condition will do. */
const OR_CLAUSES = /\s*,\s*(?:or\s+)?|\s+or\s+/;
const OR = /\bor\b/;
const AND = /\band\b/;
/** "between 40% and 60%": above the one, below the other. */
const BETWEEN = /\bbetween\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct)?\s*(?:and|-|to)\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct)?/;

const percentOf = (digits: string): number => Number(digits.replace(',', '.'));

function filterIn(match: RegExpExecArray, measure: PercentMeasure): PercentFilter {
  const word = match[1] ?? match[2]!;
  return { side: ABOVE_WORDS.has(word) ? 'above' : 'below', percent: percentOf(match[3]!), measure };
}

/**
 * "below 40%", "Teams usage below 50%"; with two conditions, each reads the words of its own
 * clause ("usage below 50% and deployment above 80%"), and a clause that names no number reads
 * the one before it ("usage above 40% and below 60%"). Conditions joined by "or" (and no "and")
 * are met by meeting one: "usage below 50% or deployment below 60%", "usage or deployment below 40%".
 */
function percentsAsked(asked: string): { filters: PercentFilters; join: PercentJoin } | null {
  const between = BETWEEN.exec(asked);
  if (between) {
    const measure = measureOf(asked.replace(between[0], ' '));
    const [low, high] = [percentOf(between[1]!), percentOf(between[2]!)].sort((a, b) => a - b) as [number, number];
    return {
      filters: [
        { side: 'above', percent: low, measure },
        { side: 'below', percent: high, measure },
      ],
      join: 'all',
    };
  }
  const join: PercentJoin = OR.test(asked) && !AND.test(asked) ? 'any' : 'all';
  const filters = conditionsIn(asked, join);
  return filters === null ? null : { filters, join };
}

function conditionsIn(asked: string, join: PercentJoin): PercentFilters | null {
  const matches = [...asked.matchAll(PERCENTS)];
  const [first] = matches;
  if (first === undefined) return null;
  if (matches.length === 1) {
    const words = asked.replace(first[0], ' ');
    // "usage and deployment below 40%": both numbers, each under it ("or": either).
    if (workloadNamedIn(words) === null && DEPLOYMENT_WORDS.test(words) && USAGE_WORDS.test(words)) {
      return [filterIn(first, { kind: 'deployment' }), filterIn(first, { kind: 'usage' })];
    }
    return [filterIn(first, measureOf(words))];
  }
  const filters: PercentFilter[] = [];
  for (const clause of asked.split(join === 'any' ? OR_CLAUSES : CLAUSES)) {
    const match = new RegExp(PERCENT.source).exec(clause);
    if (!match) continue;
    const words = clause.replace(match[0], ' ');
    const named = measureOf(words);
    const previous = filters.at(-1);
    filters.push(filterIn(match, named.kind === 'lower' && previous ? previous.measure : named));
  }
  const [head, ...rest] = filters;
  return head === undefined ? null : [head, ...rest];
}
const LOW =
  /^(?:(?:show|list|which|who|how many)\b.*)?\b(?:low(?:est)?|least) (?:.+? )?(?:adoption|usage|use|deployment)\b|^(?:(?:who|which customers?) (?:has|have) )?(?:an? )?(?:.+? )?(?:adoption|usage|deployment) (?:problems?|issues?|trouble)$|^(?:who|which customers?) (?:is not|isn't|are not|aren't) deploying\b/;
const LEAST =
  /^(?:who|which customers?) (?:uses?|is using|are using) .+? (?:the )?least$|^(?:who|which customers?) (?:is not|isn't|are not|aren't|does not|doesn't|do not|don't|(?:is |are )?barely|(?:is |are )?hardly) (?:using|use|uses) .+$|^(?:who|which customers?) (?:has|have) (?:no|little|hardly any|barely any) .+? (?:usage|use|adoption)$|^(?:customers?|accounts?) (?:(?:that|who) (?:are|is) )?(?:not|barely|hardly) using .+$/;
/** "who is struggling?", "which customers are at risk?", "at-risk customers": low adoption of either number. */
const STRUGGLING =
  /^(?:(?:who|which customers?|what customers?) (?:is|are) (?:struggling|at risk(?: of churn)?)|(?:show |list )?(?:the |my )?(?:at-risk|at risk|struggling) (?:customers|accounts)|(?:customers|accounts) at risk|churn risks?)$/;

/** "low adoption": both numbers; "low deployment", "low usage": one; "low Teams usage", "who uses Teams the least": one workload's. */
function lowAsked(asked: string): PercentMeasure | null {
  if (STRUGGLING.test(asked)) return { kind: 'lower' };
  return LOW.test(asked) || LEAST.test(asked) ? measureOf(asked) : null;
}

/**
 * What people call each explanation and suggested action, for "customers with trials", "who has old
 * data?", "upsell opportunities". Checked in order; each must be the whole topic of the question.
 */
const FINDING_TOPICS: readonly (readonly [RegExp, FindingCode])[] = [
  [/^(?:license transfers?|licen[cs]es? (?:moved|reassigned|transferred)|(?:staff |employee )?turnover|leavers)$/, 'license-transfer'],
  [/^(?:duplicates?|duplicate subscriptions?|two subscriptions(?: for one product)?)$/, 'duplicate-subscription'],
  [/^(?:trials?|trial subscriptions?|trial licen[cs]es)$/, 'trial-subscription'],
  [/^(?:yammer overuse|yammer used beyond (?:its|their) licen[cs]es|too much yammer)$/, 'yammer-overuse'],
  [/^(?:old|stale|outdated) data$/, 'stale-data'],
  [/^(?:adoption content|case studies|testimonials|tutorials|unused licen[cs]es)$/, 'adoption-content'],
  [
    /^(?:training(?: and self-?support| opportunit(?:y|ies))?|self-?support|(?:many |lots of |open )?(?:support )?(?:requests|calls|tickets|service requests|support cases)|how-?to questions)$/,
    'training-and-self-support',
  ],
  [
    /^(?:upsells?|upsell (?:opportunit(?:y|ies)|candidates|targets)|training courses|can (?:i|we) upsell|(?:ready|room) for more (?:seats|licen[cs]es))$/,
    'training-upsell',
  ],
];
/** "which customers have", "customers with", "who has", "show", or nothing, around the topic. */
const FINDING_QUESTION =
  /^(?:(?:show|list|find)(?: me)? )?(?:(?:which|what|the|all|my) )?(?:(?:customers?|accounts?|tenants?|who)(?: (?:have|has|having|with|are|is|need|needs))?(?: (?:a|an|any|some))? )?(.+?)(?: customers?| accounts?)?$/;

function findingAsked(asked: string): FindingCode | null {
  const topic = FINDING_QUESTION.exec(asked)?.[1];
  if (topic === undefined) return null;
  for (const [pattern, code] of FINDING_TOPICS) if (pattern.test(topic)) return code;
  return null;
}

const ALERTS_ON =
  /^(?:turn )?alerts? on\b(.*)$|^(?:subscribe|notify me|alert me)\b(.*)$|^(?:(?:set(?: up)?|add|create) )?(?:an? )?alerts? ((?:for|about) .*)$|^(?:let me know|warn me|ping me)((?: (?:if|when|once|whenever)) .*)$/;
/** "weekly summary on", "send us a weekly to-do", "weekly digest off", "stop the weekly summary". */
const WEEKLY_KIND = String.raw`(?:summary|digest|to-?do(?: list)?|report|update)`;
const WEEKLY_ON = new RegExp(
  String.raw`^(?:turn )?(?:the )?weekly ${WEEKLY_KIND} on$|^(?:please )?(?:send|give) (?:me|us|this (?:channel|chat)) (?:a |the )?weekly ${WEEKLY_KIND}$|^(?:please )?(?:send|give) (?:me |us |this (?:channel|chat) )?(?:a |the )?${WEEKLY_KIND} (?:every|each) (?:week|monday|tuesday|wednesday|thursday|friday)$|^(?:remind|update) (?:me|us) (?:weekly|every week)$`,
);
const WEEKLY_OFF = new RegExp(
  String.raw`^(?:turn )?(?:the )?weekly ${WEEKLY_KIND} off$|^(?:stop|no more) (?:the )?weekly ${WEEKLY_KIND}s?$`,
);
const ALERTS_OFF =
  /^(?:turn )?alerts? off$|^(?:unsubscribe|stop alerts|no more alerts)$|^(?:turn|switch) off (?:the |all )?alerts$|^disable (?:the |all )?alerts$/;
const ALERTS_STATUS = /^(?:(?:show |my )?alerts?(?: settings| status)?|subscriptions|(?:show |my )?settings)$/;
const LINK =
  /^link (?:this (?:channel|chat) )?(?:to |with )?(.+)$|^(?:connect|attach|tie) (?:this (?:channel|chat) )?(?:to|with) (.+)$|^follow (.+?)(?: here| in this channel)?$/;
const LINKS = /^(?:show |list )?(?:links|linked channels)$|^(?:which|what) channels? (?:is |are )?(?:linked|follows? .+)$|^who follows .+$/;
const UNLINK = /^unlink(?: this (?:channel|chat))?$/;
/** "mute Contoso", "snooze alerts for Contoso", "stop alerts about Fabrikam": that customer, here, for 30 days. */
const MUTE =
  /^(?:mute|silence|snooze)(?: (?:the |all )?alerts?)?(?: (?:for|about|on|from|of))? (?!alerts?$)(.+?)(?:'s|’s|')?(?: alerts?)?(?: for (?:\d+ days|a month))?$|^(?:stop|pause|no more|no|turn off|switch off|disable) (?:the )?(?:alerts?|notifications?) (?:for|about|on|from|of) (.+)$|^(?:don't|do not|stop) (?:alert|notify)(?:ing)? (?:me|us) (?:about|for|on|of) (.+)$/;
/** "unmute Contoso", "resume alerts for Contoso". */
const UNMUTE =
  /^(?:unmute|unsilence|unsnooze)(?: (?:the )?alerts?)?(?: (?:for|about|on|from|of))? (?!alerts?$)(.+?)(?:'s|’s|')?(?: alerts?)?$|^(?:resume|restart) (?:the )?alerts? (?:for|about|on|from|of) (.+)$/;
/** "share Contoso", "share Contoso's card", "post Contoso to its channel": its card to the channels that follow it. */
const SHARE =
  /^share (?!(?:the )?(?:it|this|that|them|portfolio|overview|everything|card)(?: card)?$)(?:the )?(.+?)(?:'s|’s|')?(?: card)?(?: (?:to|in|into|with|on) (?:the |its |their |this )?(?:account |customer )?(?:channels?|teams?|account teams?))?$|^(?:post|send) (?:the )?(.+?)(?:'s|’s|')?(?: card)? (?:to|in|into|on) (?:the |its |their )?(?:account |customer )?(?:channels?|teams?|account teams?)$/;
const ALERT_PERCENT = /\b(?:below|under|less than|<)\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct)?/;
const ALERT_CUSTOMER = /\b(?:for|about|on)\s+(.+)$/;
/** "when Contoso drops", "if Fabrikam's usage falls": who a condition is about. */
const ALERT_WHEN =
  /\b(?:when|if|once|whenever)\s+(.+?)(?:'s|’s)?(?:\s+(?:usage|deployment|adoption|numbers?))?\s+(?:drops?|falls?|goes|gets|is|are|dips?|declines?|slips?|sinks?)(?:\s+(?:down|under|below))?$/;
/** Anyone at all: the subscription for every customer. */
const ANY_CUSTOMER =
  /^(?:any(?:one|body| customer| account)|some(?:one|body)|a customer|an account|customers|any of (?:my|our|the) customers)$/;

/** What of a customer people ask to see: "Contoso's products", "Fabrikam trend"; all of it is on the card. */
const ASPECT = String.raw`(?:adoption|usage|deployment|numbers|status|report|card|details|products|licen[cs]es|subscriptions|workloads|trend|history|figures|stats)`;
const CUSTOMER = [
  /^(?:show |get |give me )?(?:the )?(?:adoption|usage|deployment|report|numbers|status|card|products|licen[cs]es|trend|history)\s+(?:for|of|on|at)\s+(.+)$/,
  /^how(?: is|'s| are)\s+(.+?)(?:\s+doing)?$/,
  // "show me Contoso's products": the name without what of it.
  new RegExp(String.raw`^(?:show|open)\s+(?!(?:me\s+)?(?:the|my|our|all)\s+${ASPECT}$)(?:me\s+)?(.+?)(?:(?:'s|’s|')?\s+${ASPECT})?$`),
  // "Contoso adoption", "Fabrikam's usage"; not "usage report" or "my status".
  new RegExp(
    String.raw`^(?!(?:adoption|usage|deployment|report|numbers|status|my|our|the|portfolio|low|show|open|list|get)\b)(.+?)(?:'s|’s|')?\s+${ASPECT}$`,
  ),
];

/** Words people put before what they ask ("what is", "tell me about", "please"), dropped before it is read. */
const LEAD_IN =
  /^(?:(?:please|pls|can you|could you|would you)\s+)?(?:(?:what(?:'s| is| are)|tell me about|details (?:for|of|on|about)|info(?:rmation)? (?:on|about|for)|check|how about|give me)\s+)?/;
/** Words people put after it ("please", "thanks"). */
const TRAIL_OFF = /\s+(?:please|pls|thanks|thank you)$/;

/** Lower-cased, trimmed, inner spaces collapsed, trailing punctuation and quotes dropped. */
export function normalize(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.]+$/, '')
    .replace(/^["'“”]+|["'“”]+$/g, '')
    .toLowerCase();
}

export function parseCommand(text: string): Command {
  const said = normalize(text);
  const asked = said.replace(TRAIL_OFF, '').replace(LEAD_IN, '');
  if (HELP.test(said) || HELP.test(asked) || said === '') return { kind: 'help' };
  if (THANKS.test(said)) return { kind: 'thanks' };
  const why = whyAsked(asked);
  if (why !== null) return { kind: 'why', customer: originalCase(text, why) };
  if (DEFINITIONS.test(asked)) return { kind: 'definitions' };
  if (DATA_STATUS.test(asked)) return { kind: 'data-status' };
  if (EXPORT.test(asked)) return { kind: 'export' };
  const renewals = renewalsAsked(asked);
  if (renewals !== null) return { kind: 'renewals', ...renewals };
  // The lead-in would leave only "next" of "what's next".
  if (ACTIONS.test(asked) || ACTIONS.test(said)) return { kind: 'actions' };
  const compared = comparedNames(text, asked);
  if (compared) return { kind: 'compare', customers: compared.map((n) => ({ name: n })) };
  const movement = movementAsked(asked);
  if (movement) return { kind: 'moved', movement };
  if (UNASSIGNED.test(asked)) return { kind: 'unassigned' };
  const size = sizeAsked(asked);
  if (size) return size;
  const best = BEST.exec(asked);
  if (best) return { kind: 'best', count: best[1] === undefined ? null : Number(best[1]) };
  const settings = parseSettings(text, said);
  if (settings) return settings;
  if (PORTFOLIO.test(asked)) return { kind: 'portfolio' };
  const percents = percentsAsked(asked);
  if (percents) return { kind: 'percent', ...percents };
  const low = lowAsked(asked);
  if (low) return { kind: 'low-adoption', measure: low };
  const code = findingAsked(asked);
  if (code) return { kind: 'customers-with', code };
  const workload = workloadAsked(asked);
  if (workload) return rankedBy({ kind: 'workload', workload });
  const ranked = rankAsked(asked);
  if (ranked) return ranked;
  const product = productAsked(text, asked);
  if (product) return product;
  for (const pattern of CUSTOMER) {
    const match = pattern.exec(asked);
    if (match) return { kind: 'customer', query: originalCase(text, match[1]!), explicit: true };
  }
  // "tell me about Contoso": the words around a name are not part of it.
  if (asked !== said && asked !== '') return { kind: 'customer', query: originalCase(text, asked), explicit: false };
  return {
    kind: 'customer',
    query: text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[?!.]+$/, ''),
    explicit: false,
  };
}

/** The part of the original text a lower-cased match stands for, so names keep their case. */
function originalCase(text: string, lowered: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = flat.toLowerCase().lastIndexOf(lowered);
  return at < 0 ? lowered : flat.slice(at, at + lowered.length);
}

function parseSettings(text: string, said: string): SettingsCommand | null {
  if (WEEKLY_ON.test(said)) return { kind: 'weekly-on' };
  if (WEEKLY_OFF.test(said)) return { kind: 'weekly-off' };
  if (ALERTS_OFF.test(said)) return { kind: 'alerts-off' };
  if (ALERTS_STATUS.test(said)) return { kind: 'alerts-status' };
  const on = ALERTS_ON.exec(said);
  if (on) {
    const rest = firstGroup(on) ?? '';
    const percent = ALERT_PERCENT.exec(rest);
    const unpercented = rest.replace(ALERT_PERCENT, ' ').trim();
    const named = (ALERT_CUSTOMER.exec(unpercented) ?? ALERT_WHEN.exec(unpercented))?.[1]?.trim();
    return {
      kind: 'alerts-on',
      percent: percent ? Number(percent[1]!.replace(',', '.')) : null,
      customer: named === undefined || ANY_CUSTOMER.test(named) ? null : { name: originalCase(text, named) },
    };
  }
  const typed = (kind: 'mute' | 'unmute' | 'share', match: RegExpExecArray | null): SettingsCommand | null => {
    const named = firstGroup(match);
    return named === undefined ? null : { kind, customer: { name: originalCase(text, named) } };
  };
  const customerSetting = typed('unmute', UNMUTE.exec(said)) ?? typed('mute', MUTE.exec(said)) ?? typed('share', SHARE.exec(said));
  if (customerSetting) return customerSetting;
  if (LINKS.test(said)) return { kind: 'links' };
  if (UNLINK.test(said)) return { kind: 'unlink' };
  const link = firstGroup(LINK.exec(said));
  if (link !== undefined) return { kind: 'link', customer: { name: originalCase(text, link) } };
  return null;
}

/** What the alternative that matched captured: the first group with a value. */
function firstGroup(match: RegExpExecArray | null): string | undefined {
  return match?.slice(1).find((group) => group !== undefined);
}
