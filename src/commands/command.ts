import type { Measure } from '../alerts/alert.js';
import { workloadNamed } from '../data/workloads.js';
import type { PercentQuery, PercentMeasure, RankedMeasure, RankOrder } from '../metrics/percent-filter.js';
import type { FindingCode } from '../metrics/report-types.js';
import type { Among } from '../metrics/among.js';
import type { Lacking, ProductOrder } from '../metrics/products.js';
import type { SizeQuestion } from '../metrics/size.js';
import type { Movement } from '../metrics/trend.js';
import type { RenewalScope, RenewalSpan } from '../metrics/renewals.js';
import { amongAsked } from './questions/among-questions.js';
import { findingAsked } from './questions/finding-questions.js';
import { movementAsked } from './questions/movement-questions.js';
import {
  aboveThresholdAsked,
  averageAsked,
  fullyDeployedAsked,
  overEntitledAsked,
  nearThresholdAsked,
  lowAsked,
  percentsAsked,
  rankAsked,
  workloadAsked,
  zeroAsked,
} from './questions/number-questions.js';
import { productAsked, productsAsked, withoutAsked, workloadRanking, workloadsAsked } from './questions/product-questions.js';
import { renewalsAsked } from './questions/renewal-questions.js';
import { settingsAsked } from './questions/settings-questions.js';
import { sizeAsked } from './questions/size-questions.js';
import { thresholdAsked, type ThresholdCommand } from './questions/threshold-questions.js';
import { spelledNumbersAsDigits } from './questions/number-words.js';
import { countBoundsInWords, firstGroup, originalCase } from './questions/words.js';
import { mostAsked, type MostCommand } from './questions/most-questions.js';
import { newAsked, type NewQuestion } from './questions/new-questions.js';
import { benchmarkAsked, customerFocusAsked } from './questions/customer-focus-questions.js';
import type { CustomerFocus } from '../cards/customer-focus.js';
import type { KeptNotice } from '../cards/customer-card.js';
import type { PageDirection } from '../cards/actions.js';

/** What a person asked for, whatever words they used. Parsing is pure: text in, command out. */
export type Command =
  | { readonly kind: 'help' }
  /** "thanks": nothing to look up, a short word back. */
  | { readonly kind: 'thanks' }
  /** "more", "next page", "previous": the next (or previous) page of the last list shown in this conversation. */
  | { readonly kind: 'more'; readonly direction: PageDirection }
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
  /** Every product over the customers: "which products do we sell?", "list products", "which product has the lowest usage?". */
  | { readonly kind: 'products'; readonly order: ProductOrder }
  /** Every workload over the customers: "which workload is least used?", "usage by workload", "the most used workload". */
  | { readonly kind: 'workloads'; readonly order: RankOrder }
  /** "customers without E3", "who doesn't have Teams?": customers with no product named so, or no entitlement to the workload. */
  | { readonly kind: 'without'; readonly lacking: Lacking }
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
  /** "am I an admin?", "what is my role?", "who are the admins?": what the asker may do here, and where roles are set. */
  | { readonly kind: 'my-role' }
  /**
   * "who has the most unused licenses?" (of E3: "unused E3 licenses"), "who has the most inactive
   * users?", "who has the most support requests?": the most first; more than a count; the first so many.
   */
  | MostCommand
  /** "which subscriptions need attention?", "suspended subscriptions": customers with subscriptions in grace period, suspended, disabled or expired. */
  | { readonly kind: 'attention' }
  /** "biggest customers", "who has the most licenses?", "customers with more than 100 seats": customers by licenses sold. */
  | {
      readonly kind: 'size';
      readonly question: SizeQuestion;
      readonly count: number | null;
      /** "biggest E3 customers": by that product's licenses; null: by all their licenses. */
      readonly product: string | null;
    }
  /** "best customers", "top 5": the highest first (candidates for case studies); null count: as many as fit. */
  | { readonly kind: 'best'; readonly count: number | null }
  /** "bottom 5", "the 3 worst customers", "who is our worst customer?": so many, the lowest first ("worst customers" alone is the portfolio). */
  | { readonly kind: 'worst'; readonly count: number }
  /** "any new customers?", "who bought something this month?": told from subscriptions' creation dates. */
  | ({ readonly kind: 'new' } & NewQuestion)
  | { readonly kind: 'portfolio' }
  /** "list all customers", "customers A-Z", "customer list": every customer by name, a page at a time. */
  | { readonly kind: 'all-customers' }
  /**
   * "which customers are below average?", "E3 customers below average usage": the customers on that
   * side of the average (sum over sum) of the number named, over the customers asked about.
   */
  | { readonly kind: 'average'; readonly side: 'below' | 'above'; readonly measure: PercentMeasure; readonly among: Among | null }
  /**
   * "who is close to the threshold?", "customers just above the usage threshold": not low yet, but
   * within a few points of the threshold of the number named (of both when none is).
   */
  | { readonly kind: 'near-threshold'; readonly measure: PercentMeasure; readonly among: Among | null }
  /** "who is above the threshold?", "customers over the usage threshold": not low, on the number named (on both when none is). */
  | { readonly kind: 'above-threshold'; readonly measure: PercentMeasure; readonly among: Among | null }
  /** Customers below or above a percent the person named: "below 40%", "Teams usage below 50%", "deployment above 90%". */
  /** Null among: every customer. */
  | { readonly kind: 'percent'; readonly query: PercentQuery; readonly among: Among | null }
  /**
   * Customers below the configured thresholds: "low adoption" (deployment or usage, each its own
   * threshold), "low deployment", "low usage", "low Teams usage", "who uses Yammer the least".
   */
  | { readonly kind: 'low-adoption'; readonly measure: PercentMeasure; readonly among: Among | null }
  /**
   * Customers ranked by one number: a workload's usage ("Teams usage", "OneDrive adoption by
   * customer"), lowest first; "rank customers by usage", "who has the highest deployment?".
   */
  /**
   * Every customer with that number, or the first `count` ("top 3 customers by usage"); of some
   * customers only ("list E3 customers by usage"), or every one (null among).
   */
  | {
      readonly kind: 'ranked';
      readonly measure: RankedMeasure;
      readonly order: RankOrder;
      readonly count: number | null;
      readonly among: Among | null;
    }
  /** Customers with one explanation (flag) or one suggested action: "customers with trials", "upsell". */
  | { readonly kind: 'customers-with'; readonly code: FindingCode }
  /**
   * One customer. `explicit` when the words said so ("adoption for X"); otherwise the whole text
   * was taken as a name and, if no customer matches, the person is told what the bot understands.
   */
  | { readonly kind: 'customer'; readonly query: string; readonly explicit: boolean }
  /**
   * "and Fabrikam?", "what about Fabrikam?": after "Teams usage at Contoso", Fabrikam's Teams usage;
   * otherwise Fabrikam's card. Only the conversation knows what came before.
   */
  | { readonly kind: 'follow-up'; readonly query: string }
  /**
   * One customer by its key, from a button or a card's refresh: no matching involved. `kept` when
   * the card being refreshed said who shared it into a channel, or answered what was asked of the
   * customer: it keeps saying so.
   */
  | { readonly kind: 'customer-key'; readonly key: string; readonly kept: KeptNotice | null }
  /** "Teams usage at Fabrikam", "when does Woodgrove renew?", "how many seats does Contoso have?": one customer, what was asked answered first. */
  | { readonly kind: 'customer-focus'; readonly query: string; readonly focus: CustomerFocus }
  /** Subscribe this conversation to alerts; null percent: the configured thresholds; null customer: every customer; null measure: both numbers. */
  | {
      readonly kind: 'alerts-on';
      readonly percent: number | null;
      readonly customer: CustomerTarget | null;
      readonly measure: Measure | null;
      /** A workload named ("alert me when Teams usage drops below 30%"): its usage is watched, not usage over all workloads. */
      readonly workload: string | null;
    }
  | { readonly kind: 'alerts-off' }
  /** "change the alert threshold to 35%": the every-customer alerts here under that percent, watching what they watched. */
  | { readonly kind: 'alerts-percent'; readonly percent: number }
  /** Hold every alert here for so many days (30 unless said), then let them come again: "pause alerts for a week". */
  | { readonly kind: 'alerts-pause'; readonly days: number }
  /** End a pause before its time: "resume alerts". */
  | { readonly kind: 'alerts-resume' }
  | { readonly kind: 'alerts-status' }
  /** "which channels get alerts?", "where do alerts go?": every conversation with alerts on, and what it watches. */
  | { readonly kind: 'alerts-everywhere' }
  /** "which alerts were sent here?", "alert history": this conversation's alerts of the last 30 days, the newest first. */
  | { readonly kind: 'alerts-history' }
  /** "weekly summary on": this conversation gets the customers to act on after the first sync of each week. */
  | { readonly kind: 'weekly-on' }
  | { readonly kind: 'weekly-off' }
  /** Link this channel to a customer, by name. */
  | { readonly kind: 'link'; readonly customer: CustomerTarget }
  | { readonly kind: 'links' }
  /** This channel stops following one customer ("unlink Contoso", "stop following Contoso"), or every one (null). */
  | { readonly kind: 'unlink'; readonly customer: CustomerTarget | null }
  /** Share a customer's card to its linked channels: "share Contoso", or its card's button. */
  | { readonly kind: 'share'; readonly customer: CustomerTarget }
  /** Mute a customer's alerts here for so many days (30 unless said): "mute Contoso", "mute Fabrikam for a week", or an alert's button. */
  | { readonly kind: 'mute'; readonly customer: CustomerTarget; readonly days: number }
  /** Undo a mute: "unmute Contoso", or the button beside it in "alerts". */
  | { readonly kind: 'unmute'; readonly customer: CustomerTarget }
  /** "set the usage threshold to 40%", "reset the thresholds": for every conversation and the command line. */
  | ThresholdCommand;

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
export const SMALL_TALK = ['thanks', 'more', 'export'] as const satisfies readonly Command['kind'][];
/** Questions the help card points to in a sentence, not in its list (Teams' command lists are full). */
export const MENTIONED = [
  'low-adoption',
  'my-role',
  'alerts-everywhere',
  'alerts-history',
  'alerts-percent',
  'alerts-pause',
  'alerts-resume',
  'customers-with',
  'share',
  'mute',
  'unmute',
  'definitions',
  'why',
  'weekly-on',
  'weekly-off',
  'product',
  'products',
  'workloads',
  'without',
  'compare',
  'data-status',
  'moved',
  'best',
  'worst',
  'new',
  'unassigned',
  'inactive',
  'requests',
  'attention',
  'size',
  'ranked',
  'all-customers',
  'customer-focus',
  'follow-up',
  'average',
  'near-threshold',
  'above-threshold',
  'threshold-set',
  'thresholds-reset',
] as const satisfies readonly Command['kind'][];
// Every kind is in one list: adding a command without deciding fails to compile here.
const EVERY_KIND_LISTED: Exclude<
  Command['kind'],
  (typeof TYPED_COMMANDS)[number] | (typeof BUTTON_COMMANDS)[number] | (typeof SMALL_TALK)[number] | (typeof MENTIONED)[number]
> extends never
  ? true
  : never = true;
void EVERY_KIND_LISTED;

/** The settings of what comes to a conversation unasked: alerts, their pause and mutes, the weekly to-do. */
const ALERT_SETTING_KINDS = [
  'alerts-on',
  'alerts-off',
  'alerts-percent',
  'alerts-pause',
  'alerts-resume',
  'alerts-status',
  'alerts-everywhere',
  'alerts-history',
  'weekly-on',
  'weekly-off',
  'mute',
  'unmute',
] as const satisfies readonly Command['kind'][];
/** Commands that change what the bot remembers (alerts, links, thresholds), as opposed to questions about the data. */
const SETTINGS_KINDS = [
  ...ALERT_SETTING_KINDS,
  'link',
  'links',
  'unlink',
  'share',
  'threshold-set',
  'thresholds-reset',
] as const satisfies readonly Command['kind'][];
export type SettingsCommand = Extract<Command, { kind: (typeof SETTINGS_KINDS)[number] }>;
export type AlertSettingCommand = Extract<Command, { kind: (typeof ALERT_SETTING_KINDS)[number] }>;

export function isAlertSetting(command: SettingsCommand): command is AlertSettingCommand {
  return (ALERT_SETTING_KINDS as readonly Command['kind'][]).includes(command.kind);
}
/** About the bot itself rather than the customers: its data and syncs (read from the sync status too), the asker's role. */
const STATUS_KINDS = ['data-status', 'my-role'] as const satisfies readonly Command['kind'][];
export type StatusQuestion = Extract<Command, { kind: (typeof STATUS_KINDS)[number] }>;
export type Question = Exclude<Command, SettingsCommand | StatusQuestion>;

/** Commands that change what the bot does for everyone in a conversation: admins only. */
const ADMIN_KINDS: ReadonlySet<Command['kind']> = new Set([
  'alerts-on',
  'alerts-off',
  'alerts-percent',
  'alerts-pause',
  'alerts-resume',
  'weekly-on',
  'weekly-off',
  'link',
  'unlink',
  'mute',
  'unmute',
  'threshold-set',
  'thresholds-reset',
]);

export function needsAdmin(command: Command): boolean {
  return ADMIN_KINDS.has(command.kind);
}

export function isSettings(command: Command): command is SettingsCommand {
  return (SETTINGS_KINDS as readonly Command['kind'][]).includes(command.kind);
}

const HELP =
  /^((?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))(?: there| bot| adoption| everyone| all)?|help|commands|menu|what can you do|who are you|what are you|what is this|about|start|get started|how do i start|what can i (?:ask|say|do)(?: (?:here|you|about .+))?|what (?:else )?can you (?:tell me|answer|show me)(?: about .+)?|examples|show me examples|how (?:do i|does this|do you) (?:use this|use you|work)|\?)$/;
/** Thanks, goodbyes and acknowledgements: "thanks!", "ok, thank you so much", "thanks, bye", "bye", "ok", "got it". */
const THANKS =
  /^(?:(?:ok(?:ay)?|great|cool|perfect|got it),? )?(?:(?:thanks?(?: you)?|thx|ty|cheers|much appreciated)(?: (?:a lot|so much|very much))?(?:,? (?:bye|goodbye|see you))?|bye|goodbye|bye bye|see you|cya)$|^(?:ok(?:ay)?|k|great|cool|perfect|nice|got it|understood|noted|will do)$/;
/** "more", "show more", "next page", "the rest", "previous page", "go back": the next (or previous) rows of a list, typed. */
const MORE =
  /^(?:(?:show|give|list)(?: me)? |(?:can i |let me )?see )?(?:the )?(?:more(?: (?:rows|customers|results))?|rest|next(?: (?:page|ones|rows|customers|\d{1,2}))?|previous(?: (?:page|ones|rows|customers|\d{1,2}))?|other (?:ones|customers|rows)|(?:go )?back(?: a page| one page)?)$/;
/** "and Fabrikam?", "what about Fabrikam?", "the same for Fabrikam": what follows, read on its own. */
const FOLLOW_UP = /^(?:and(?: for)?|(?:and )?(?:what|how) about|(?:and )?(?:the )?same for)\s+(.+)$/;
/** Read after the lead-in ("what is", "tell me about") is dropped. */
const DEFINITIONS = new RegExp(
  [
    // "the deployment rate" is the number itself (the portfolio); "deployment rate" is what it means.
    /(?:(?:explain|define) )?(?:the |an? )?(?:deployment|usage|adoption|entitlements?|active users?)(?: numbers?)?|(?:(?:explain|define) (?:the )?|an? )?(?:deployment|usage|adoption)(?: %| percent(?:age)?| rate)/,
    /an? (?:trial|trial subscription|grace period|license transfer|duplicate subscription)/,
    // "what does the yammer flag mean?", "explain the flags", "what do the warnings mean?": the explanations.
    /(?:explain )?(?:the )?(?:flags|warnings|explanations)|what (?:does|do) (?:the |this |that |these )?(?:.+? )?(?:flags?|warnings?|badges?|explanations?) mean|(?:explain )?(?:the )?(?:employee )?turnover/,
    /definitions?|glossary|explain (?:the )?(?:numbers|percent(?:age)?s)|what (?:do|does) (?:the )?(?:numbers|percent(?:age)?s|deployment|usage|adoption)(?: %)? mean/,
    /how (?:are|is|do you) (?:the )?(?:numbers|percent(?:age)?s|deployment|usage|adoption)(?: %)? (?:counted|calculated|computed|measured)(?: (?:for|of|in|at) .+)?/,
    // "what's the difference between deployment and usage?", "deployment vs usage", "why does usage matter?"
    /(?:the )?differences? between (?:deployment|usage|adoption) and (?:deployment|usage|adoption)|(?:deployment|usage) (?:vs\.?|versus|or) (?:deployment|usage)|why (?:does|do|is) (?:the )?(?:usage|deployment|adoption)(?: %)? (?:matter|important)/,
    /what (?:does|do) (?:an? |the )?(?:active|inactive|entitled|entitlements?|assigned|sold|qualified|active users?|licenses? (?:sold|assigned)) mean|what (?:is|are) (?:an? )?(?:active|inactive) (?:users?|entitlements?)/,
    /how do you (?:count|calculate|compute|measure)(?: (?:the )?(?:numbers|deployment|usage|adoption))?/,
    /(?:why (?:is|are|can|does|do|would)|how come)\b.*\b(?:above|over|more than|exceed|exceeds) 100 ?(?:%|percent)?.*/,
    // "why?" alone, after a card whose numbers look odd: how they are counted, and why they can.
    /why|how come/,
    /(?:why (?:is|are)|how come)(?: the| my| our)? (?:usage|deployment|adoption|numbers?)(?: %)?(?: so| that)? (?:high|low|odd|weird|strange|wrong|off)/,
    // The thresholds: what they are, and how to change them (the card says who sets them).
    /(?:(?:set|change|lower|raise|adjust|update|move) )?(?:the |our |my )?(?:(?:low|low adoption|low usage|low deployment|upsell|usage|deployment|stale data|support) )?thresholds?(?: (?:to|at) .+)?|what counts as (?:low|too low|high|an upsell)(?: adoption| usage| deployment)?|when is (?:adoption|usage|deployment) low/,
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
  // "why is Yammer over 100% at Adventure Works", "why is Teams so low at Fabrikam": a workload named without "usage".
  new RegExp(
    String.raw`^${WHY}(?: the)? \S+(?: \S+){0,2}? (?:(?:over|above|more than|below|under|at) \d\S*|(?:so |that )?(?:high|low|odd|weird|strange)) (?:for|at|in) (?!\d)(.+?)$`,
  ),
  new RegExp(String.raw`^${WHY} (.+?)(?:'s|')?(?: (?:have|has|show|shows|get|gets|got))? ${MEASURES}\b.*$`),
  new RegExp(String.raw`^${WHY} (.+?) (?:at|over|above|more than|below|under) .+$`),
  new RegExp(String.raw`^explain (.+?)(?:'s|')?(?: (?:usage|deployment|adoption|numbers|card))?$`),
  // "why is Fabrikam low?", "why is Coho so low"
  new RegExp(String.raw`^${WHY} (.+?)${ODD}$`),
  // "what's wrong with Fabrikam?", "what's the problem with Tailspin": what explains its numbers.
  /^(?:what is )?(?:wrong|the (?:problem|issue|matter)) with (.+)$/,
  // "does Litware have problems?", "any issues with Litware?", "what are Coho's problems?"
  /^(?:does|do) (.+?) have (?:any )?(?:problems|issues|trouble)$|^(?:any|are there any) (?:problems|issues|trouble) (?:with|at|for) (.+)$|^(.+?)(?:'s|') (?:problems|issues)$/,
  // What to do about one customer: the why card ends with what to do and why.
  /^(?:what (?:should|can|do|must) (?:i|we) (?:do|say|tell|offer|suggest|propose) (?:with|about|for|to) |what (?:should|can|do) (?:i|we) (?:tell|offer|suggest to|propose to) |how (?:can|do|could|should) (?:i|we) (?:improve|raise|increase|lift|grow|help|boost) |(?:recommendations?|advice|suggestions?|next steps|actions|what to do) (?:for|about|on|with) )(.+?)(?:'s|')?(?: (?:usage|deployment|adoption|numbers))?$/,
  // "Fabrikam next steps", "Coho's action plan"; not "my next steps" or "show me the actions".
  /^(?!(?:show|list|give|get|what|which|my|our|the|all|weekly|today|this|suggested|recommended|customers?|accounts?)\b)(.+?)(?:'s|')? (?:next steps|action plan|recommendations|suggested actions|to-?do(?: list)?)$/,
];
/** What follows "why is" or "explain" that is not a customer's name (then it is the general question). */
const NOT_A_CUSTOMER =
  /^(?:the|my|our|some|all|these|those|it|this|that|they|them)$|^(?:(?:the|my|our|some|all|these|those) )?(?:usage|deployment|adoption|numbers?|percent(?:age)?s?|customers?|accounts?|tenants?|licen[cs]es?|entitlements?|flags?|turnover|(?:license )?transfers?|duplicates?|duplicate subscriptions?|trials?|trial subscriptions?|grace periods?|yammer overuse)\b/;

function whyAsked(asked: string): string | null {
  for (const pattern of WHY_CUSTOMER) {
    const customer = firstGroup(pattern.exec(asked));
    if (customer !== undefined) return NOT_A_CUSTOMER.test(customer) || workloadNamed(customer) !== null ? null : customer;
  }
  return null;
}
/** "compare Contoso and Fabrikam", "Contoso vs Fabrikam", "how does Contoso compare to Fabrikam?". */
const COMPARE =
  /^(?:compare|comparing|comparison of|side by side:?|(?:the )?differences? between|(?:which|who) (?:is|does|is doing) better:?,?) (.+)$/;
const VERSUS = /^(?:how (?:does|do|is|are) )?(.+?) (?:vs\.?|versus|compared? (?:to|with)|against) (.+)$/;
/** What goes between the names of a comparison. */
const BETWEEN_NAMES = /\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|with|to|vs\.?|versus|&|compared (?:to|with)|against)\s+/;

/** "last month", "the previous sync": what a customer is compared with over time, not another customer. */
const EARLIER = /^(?:the )?(?:last|previous|prior) (?:week|month|quarter|year|sync)$/;

function comparedNames(text: string, asked: string): string[] | null {
  const match = COMPARE.exec(asked) ?? VERSUS.exec(asked);
  if (!match) return null;
  if (match.slice(1).some((words) => words !== undefined && EARLIER.test(words.split(BETWEEN_NAMES).at(-1) ?? ''))) return null;
  return namesJoined(match.slice(1).join(' vs '))?.map((n) => originalCase(text, n)) ?? null;
}

/** The names in words like "Contoso and Fabrikam", "Contoso, Fabrikam or Coho"; null for one name. */
export function namesJoined(words: string): string[] | null {
  const names = words.split(BETWEEN_NAMES).filter((n) => n !== '');
  return names.length > 1 ? names : null;
}

/** Whether a command is answered from the portfolio alone (answer), not a setting or the sync status. */
export function isQuestion(command: Command): command is Question {
  return !isSettings(command) && !(STATUS_KINDS as readonly Command['kind'][]).includes(command.kind);
}

/** "what should I do?", "who should I call this week?", "which customers need attention?", "next steps". */
const ACTIONS =
  /^(?:what (?:should|do|can|must) (?:i|we) do(?: next| now| first| today| this week)?|what (?:should|do|can) (?:i|we) (?:focus on|work on|prioriti[sz]e|tackle|start with)(?: next| now| first| today| this week| this month)?|what is next|what (?:next|now)|(?:(?:show|give|send)(?: me| us)? )?(?:my |our |the |this week's |today's )?(?:to[- ]?do(?: list)?|action list|action items|next (?:steps|actions)|actions|priorities|suggested actions|suggestions|recommendations)(?: (?:for )?(?:today|this week|the week|next week))?|(?:who|(?:which|what) customers?) (?:should|do|must) (?:i|we) (?:call|contact|reach out to|talk to|focus on|visit|follow up with)(?: first| next| today| this week)?|(?:which|what) customers? (?:need|needs|require|requires) (?:attention|help|action|work|follow-?up|an? (?:qbr|business review|check-?in|call|visit|meeting))|who needs (?:attention|help|action|follow-?up)|where (?:should|do|can) (?:i|we) (?:focus|start|begin)(?: first| next| today| this week)?|what needs (?:my |our )?attention)$/;
/** "export", "export to excel", "download the data as csv", "can I get a spreadsheet?". */
const EXPORT =
  /^(?:(?:can (?:i|we) )?(?:export|download|get)(?: (?:it|this|that|the data|the numbers|the report|everything|all(?: customers)?|a (?:csv|spreadsheet|file|report)))?(?: (?:to|as|in(?:to)?) (?:an? )?(?:excel|csv|spreadsheet|file|json))?|(?:an? |the )?(?:csv|excel|spreadsheet)(?: export| file)?(?: of .+)?|download(?: an?| the)? (?:csv|excel(?: file)?|spreadsheet|file|report|data)|(?:give|send|email|mail) (?:me|us) (?:an? |the )?(?:csv|excel(?: file)?|spreadsheet|export|report)(?: of .+)?)$/;
/** "am I an admin?", "what is my role?", "who are the admins?", "can I change the alerts?". */
const MY_ROLE =
  /^(?:am i an? (?:admin|administrator|agent)(?: here)?|what(?: is)? my role(?: here)?|what role do i have(?: here)?|my (?:role|permissions|access)|what are my (?:permissions|rights)|do i have (?:admin|administrator) (?:rights|access|permissions)(?: here)?|can i change (?:the )?(?:settings|alerts|thresholds|links)(?: here)?|who (?:are|is) (?:the )?(?:bot's )?(?:admins?|administrators?)|who can change (?:the )?(?:settings|alerts|thresholds|links))$/;
const DATA_STATUS =
  /^(?:sync now|when did (?:we|you|it|the bot) (?:last )?sync(?: last)?|(?:re-?)?sync(?: the data)?|refresh(?: the)? data|update(?: the)? data|reload(?: the)? data|(?:show |check )?(?:the |my )?(?:data|sync|cache)(?: status| freshness| age)?|last sync|(?:the )?sync (?:history|log)|(?:when|how long ago) (?:was|were|did|is) (?:the )?(?:data|numbers|cache|last sync)(?: last)?(?: (?:updated|refreshed|synced|sync|imported|run))?|when did (?:the )?(?:data|numbers|cache)(?: last)? (?:update|refresh|sync)|how (?:fresh|old|recent|current) (?:is|are) (?:the |my )?(?:data|numbers|cache)|(?:is|are) (?:the |my )?(?:data|numbers) (?:fresh|current|up to date|up-to-date|recent|stale|old)|where (?:does|do) (?:the |my |this |these |your )?(?:data|numbers) come from|(?:what is |what are )?(?:the |your )?(?:data )?sources?(?: of (?:the |this |my )?(?:data|numbers))?|what data do (?:you|it|the bot) use|(?:which customers?|who) (?:has not|hasn't|have not|haven't|did not|didn't|could not|couldn't|failed to) (?:synced|sync)(?: (?:yet|today|lately|recently))?|(?:customers?|accounts?) (?:not|never) synced(?: (?:in|for) (?:a|one|two|\d+) (?:days?|weeks?|months?)| (?:yet|today|lately|recently))?|(?:show |any )?(?:the )?sync (?:failures|errors|problems)|how (?:do|can) (?:i|we) (?:import|add|load|upload|bring in|get in|feed in|put in) (?:the |more |new |my |our )?(?:data|files?|exports?|customers?|a customer)(?: in| into (?:it|this|the bot))?|(?:(?:can|do|does) (?:you|it|this bot|the bot) )?(?:connect|talk|sync) (?:to|with) (?:partner center|(?:microsoft )?graph)|(?:how|where) (?:do|does) (?:you|it|the bot) get (?:the |its |your )?data|(?:can (?:i|we) )?(?:upload|import|load|send you) (?:a |an |the |my |our )?(?:files?|csvs?|exports?|data|reports?)(?: here| to (?:you|the bot|it))?|where (?:do|should|can) (?:i|we) put (?:the |my |our )?(?:exported |downloaded )?(?:files?|exports?|csvs?))$/;
/** "share Contoso here", "post Fabrikam's card in this chat", "show Contoso here". */
const SHOWN_HERE =
  /^(?:share|post|show|put|send) (?:me )?(?:the )?(.+?)(?:'s|')?(?: card)? (?:here|in (?:this|the) (?:chat|channel|conversation))$/;
/** "which subscriptions need attention?", "suspended subscriptions", "who has subscriptions in grace period?", "billing problems". */
const ATTENTION =
  /^(?:(?:which|what|any) subscriptions? (?:are|is) (?:in (?:a |their )?grace(?:-| )period|suspended|expired|disabled|lapsed|locked(?:-| )?out)|(?:which|what|any) (?:customers?|accounts?) (?:(?:are|is) )?in (?:a |their )?grace(?:-| )period|(?:who|which customers?) (?:is|are) in (?:a |their )?grace(?:-| )period|(?:customers?|accounts?) in (?:a |their )?grace(?:-| )period)$|^(?:(?:which|what) (?:customers?|accounts?) (?:have|has) |who has |(?:(?:show|list)(?: me)? )?(?:customers?|accounts?) with |(?:show|list)(?: me)? |any )?(?:an? |any )?(?:the |my |our )?(?:(?:(?:suspended|expired|disabled|locked(?:-| )?out|lapsed|lapsing|grace(?:-| )period) )+subscriptions?|subscriptions? (?:in|on) (?:a |their )?grace(?:-| )period|(?:(?:which|what) )?subscriptions? (?:that )?(?:needs?|needing|requires?|requiring) attention|billing (?:problems|issues)|(?:suspended|expired|disabled|locked(?:-| )?out) (?:licen[cs]es|seats))$/;

const BEST =
  /^(?:(?:show|list)(?: me)? |(?:who|which) are )?(?:(?:my|the) )?(?:top|best|healthiest|strongest)(?: (\d{1,3}))?(?: customers| accounts)?(?: (?:by|for|on) (?:adoption|overall|both numbers))?$|^who(?: is| are) doing (?:best|well|great)$|^(?:(?:which|what) (?:customers|accounts) are |who is )?(?:(?:the|my) )?healthy(?: customers| accounts)?$|^(?:(?:who|which customers?|what customers?) (?:has|have) |(?:customers|accounts) with )?(?:an? )?(?:high|good|strong|great|excellent) adoption$/;
/** "which customers have issues?", "what problems do we have?": the customers to act on, and why. */
const ISSUES =
  /^(?:(?:which|what) (?:customers?|accounts?) (?:have|has) |who has |(?:customers?|accounts?) with )(?:any )?(?:problems|issues|trouble)$|^what (?:problems|issues) do (?:we|i) have$|^(?:any|are there any) (?:problems|issues)$/;
/** "who is our best customer?": the one. */
const BEST_ONE = /^(?:who|which|what) is (?:the |our |my )(?:best|healthiest|strongest) (?:customer|account)$/;
/**
 * "bottom 5", "show me the worst 5", "top 3 worst customers", "5 lowest", "who are my weakest
 * customers?": with a count, so many; without one, the portfolio, whose card is worst first.
 */
const WORST =
  /^(?:(?:show|list|give)(?: me)? |(?:who|which|what) are )?(?:(?:my|our|the) )?(?:top (\d{1,3}) |(\d{1,3}) )?(?:worst|bottom|lowest|weakest)(?: (\d{1,3}))?(?: (?:customers|accounts|tenants))?$/;
/** "who is our worst customer?": the one. */
const WORST_ONE = /^(?:who|which|what) is (?:the |our |my )(?:worst|weakest|lowest) (?:customer|account)$/;
const PORTFOLIO =
  /^(show |list |me |my |the |all |a |an |our )*(portfolio|overview|summary|customers|accounts|tenants|everyone|everybody|everything|dashboard)$|^(?:(?:what|which) )?(?:the )?(?:percentage|percent|share|proportion|part) of (?:our |my |the |all )?licen[cs]es (?:(?:are|is|have been|has been|do we have|that are) )?(?:assigned|deployed|used|in use|active)$|^how (?:are|is) (?:we|my portfolio|our portfolio|the portfolio|my customers|our customers|everyone|everybody)(?: doing)?$|^how healthy (?:is|are) (?:my|our|the) (?:portfolio|customers|accounts)$|^(?:is|are) (?:(?:my|our|the) (?:portfolio|customers|accounts)|everything|everyone|everybody|we|things|all) (?:healthy|ok|okay|fine|good|alright|all right|doing (?:well|ok|okay|fine|alright)|on track)$|^(?:the |our |my )?portfolio(?:'s)? health$|^(?:an? |the )?(?:quick |short |brief |one-line )?(?:summary|overview|status|recap|rundown)$|^(?:tl;?dr|tl dr)$|^how many (?:customers|accounts)(?: do (?:i|we) have| are there)?$|^(?:the )?totals?(?: licen[cs]es)?$|^(?:the |our |my )?(?:average|median|mean|typical|overall|total|portfolio(?:'s)?)(?: (?:usage|deployment|adoption|numbers))?(?: (?:across|for|of|over) (?:all |my |our |the )?(?:customers|accounts))?$|^(?:usage|deployment|adoption)(?: (?:for|of|across|over) (?:all|every|my|our) (?:customers|accounts))$|^(?:the |our |my )(?:(?:average|median|mean|typical|overall|total) )?(?:usage|deployment|adoption)(?: (?:rate|%|percent(?:age)?))?(?: (?:across|for|of|over) (?:all |my |our |the )?(?:customers|accounts))?$|^how many (?:licen[cs]es|seats)(?: do (?:i|we) (?:have|sell)| have (?:i|we) sold| (?:did|do) (?:i|we) sell| (?:are|have been) (?:assigned|deployed|in use|active|used))?(?: in total)?$|^(?:the )?total (?:number of )?(?:licen[cs]es|seats)(?: sold)?$|^compare (?:all|every|my|our) (?:customers|accounts)$|^(?:(?:rank|sort|order|list|show)(?: me)? (?:all |my |the |our )?)?(?:customers|accounts) (?:(?:ranked|sorted|ordered) )?by (?:overall )?(?:adoption|both numbers)$|^(?:the )?(?:total )?number of (?:customers|accounts)$|^(?:(?:show|what does) )?(?:the |a |our |my )?(?:median|typical|average) (?:customer|account)(?:'s (?:usage|deployment|adoption|numbers))?(?: look like)?$|^(?:the )?total (?:number of )?(?:active users|entitlements|active entitlements)$|^how many (?:users|people|entitlements) (?:are|were) active$|^how many active (?:users|people|entitlements)(?: do (?:we|i) have| are there)?$/;
/** Every customer by name: "list all customers", "customers A-Z", "customer list", "what customers do we have?" ("customers" alone is the portfolio). */
const ALL_CUSTOMERS = new RegExp(
  [
    /(?:list|show)(?: me)? (?:them )?all|(?:(?:show|list|give|name)(?: me)? )?(?:(?:a|the) (?:full |complete )?list of )?(?:all|every(?: one of)?)(?: (?:my|our|the))? (?:customers?|accounts?|tenants?)(?: (?:a-z|a to z|alphabetically|by name|in alphabetical order))?/,
    /(?:(?:show|list)(?: me)? )?(?:(?:all |the )?(?:my|our) |the |all )?(?:customers|accounts|tenants) (?:a-z|a to z|from a to z|alphabetically|by name|in alphabetical order|sorted (?:by name|alphabetically))/,
    /(?:sort|order) (?:(?:all |the )?(?:my |our )?(?:customers|accounts) )?(?:by name|alphabetically)/,
    /(?:the |my |our |a |full |complete )*(?:customer|account|tenant) list/,
    /list (?:(?:my|our|the) )?(?:customers|accounts|tenants)|(?:a |the )?(?:full |complete )?list of (?:(?:my|our|the) )?(?:customers|accounts|tenants)/,
    /(?:an? )?alphabetical (?:list|order)(?: of (?:(?:all|my|our|the) )?(?:customers|accounts))?/,
    /(?:what|which|who) (?:customers|accounts|tenants)(?: do| are)? (?:i|we) (?:have|manage|look after|serve|support)|who are (?:all )?(?:my|our) customers/,
  ]
    .map((part) => `^(?:${part.source})$`)
    .join('|'),
);
/** What of a customer people ask to see: "Contoso's products", "Fabrikam trend"; all of it is on the card. */
const ASPECT = String.raw`(?:adoption|usage|deployment|(?:(?:license|licence|seat) )?utili[sz]ation|numbers|status|report|card|details|products|licen[cs]es|seats|users|subscriptions|workloads|trend|history|figures|stats)`;
const CUSTOMER = [
  /^(?:show |get |give me )?(?:the )?(?:(?:adoption|usage|deployment|(?:(?:license|licence|seat) )?utili[sz]ation)(?: rate| %| percent(?:age)?| numbers)?|report|numbers|status|card|products|licen[cs]es|trend|history)\s+(?:for|of|on|at)\s+(.+)$/,
  // "Teams usage for Contoso": a workload's usage is on the customer's card.
  /^(?:show |get |give me )?(?:the )?(?:\S+(?: with onedrive| for business| online)?) (?:usage|adoption|use)\s+(?:for|of|at)\s+(.+)$/,
  // "compare Contoso with last month", "Contoso vs last week": its trend, on its card.
  /^(?:compare\s+)?(.+?)\s+(?:with|to|against|vs\.?|versus|compared (?:to|with))\s+(?:the )?(?:last|previous|prior)\s+(?:week|month|quarter|year|sync)$/,
  /^how(?: is|'s| are)\s+(.+?)(?:\s+doing)?$/,
  // "show me Contoso's products": the name without what of it.
  new RegExp(String.raw`^(?:show|open)\s+(?!(?:me\s+)?(?:the|my|our|all)\s+${ASPECT}$)(?:me\s+)?(.+?)(?:(?:'s|')?\s+${ASPECT})?$`),
  // "Contoso adoption", "Fabrikam's usage"; not "usage report" or "my status".
  new RegExp(
    String.raw`^(?!(?:adoption|usage|deployment|report|numbers|status|my|our|the|portfolio|low|show|open|list|get|unused|unassigned|idle|spare|free|inactive|active|total|all)\b)(.+?)(?:'s|')?\s+${ASPECT}$`,
  ),
];

/** Words people put before what they ask ("what is", "tell me about", "please"), dropped before it is read. */
const LEAD_IN =
  /^(?:(?:please|pls|can you|could you|would you)\s+)?(?:(?:what(?: is| are)|tell me about|details (?:for|of|on|about)|info(?:rmation)? (?:on|about|for)|check|how about|give me|let me see|i(?: want| would like|'d like) to see)\s+)?/;
/** The courtesy a wish starts with, dropped before the wish is read. */
const COURTESY = /^(?:(?:please|pls|kindly|can you|could you|would you)\s+)+/;
/** Words people put after it ("please", "thanks"). */
const TRAIL_OFF = /\s+(?:please|pls|thanks|thank you)$/;

/**
 * Lower-cased, trimmed, inner spaces collapsed, trailing punctuation and quotes dropped; the
 * typographic apostrophe (phones and Word type it) read as the straight one, and the short forms
 * of questions said in full ("who's" is "who is", "who's got" "who has").
 */
export function normalize(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.]+$/, '')
    .replace(/^["'“”]+|["'“”]+$/g, '')
    .toLowerCase()
    .replaceAll('’', "'")
    .replace(/\bwho(?:'s| has| have) got\b/g, 'who has')
    .replace(/\b(who|what|how|where|when|which|that|there|it)'s\b/g, '$1 is');
}

/**
 * "License utilization", "seat utilisation", "utilization": what partners often call deployment
 * (assigned of sold), read as that word. Names are read from the text as typed, so keep theirs.
 */
const UTILIZATION = /\b(?:(?:license|licence|seat) )?utili[sz]ation\b/g;

/** "usage by customer", "unused licenses per account": what "customers by usage" lists. */
const PER_CUSTOMER =
  /^(?:(?:show|list|give)(?: me)? )?(?:the )?(?!customers? |accounts? )(.+?) (?:by|per|for each|for every|of each|of every) (?:customer|account|tenant)s?$/;

/** What was asked, without the words around it ("please", "tell me about"). */
const withoutLeadIn = (said: string): string => said.replace(TRAIL_OFF, '').replace(LEAD_IN, '');

export function parseCommand(text: string): Command {
  const words = normalize(text);
  const said = countBoundsInWords(spelledNumbersAsDigits(words)).replace(UTILIZATION, 'deployment');
  const asked = withoutLeadIn(said);
  // Names keep their number words ("Three Days Grace"): they are read from the text as typed.
  const named = withoutLeadIn(words);
  if (HELP.test(said) || HELP.test(asked) || said === '') return { kind: 'help' };
  if (THANKS.test(said)) return { kind: 'thanks' };
  if (MORE.test(said)) return { kind: 'more', direction: /\b(?:previous|back)\b/.test(said) ? 'previous' : 'next' };
  const per = PER_CUSTOMER.exec(asked)?.[1];
  if (per !== undefined) return parseCommand(`customers by ${per}`);
  // "and who is low?" is that question; "and Fabrikam?" goes on from the last answer.
  const after = FOLLOW_UP.exec(words)?.[1];
  if (after !== undefined) {
    const asked = parseCommand(originalCase(text, after));
    return asked.kind === 'customer' ? { kind: 'follow-up', query: asked.query } : asked;
  }
  const why = whyAsked(named);
  if (why !== null) return { kind: 'why', customer: originalCase(text, why) };
  // Before the definitions, whose "set the threshold to 30%" names no threshold.
  const threshold = thresholdAsked(asked);
  if (threshold) return threshold;
  if (DEFINITIONS.test(asked)) return { kind: 'definitions' };
  if (DATA_STATUS.test(asked)) return { kind: 'data-status' };
  if (MY_ROLE.test(asked)) return { kind: 'my-role' };
  if (EXPORT.test(asked)) return { kind: 'export' };
  const renewals = renewalsAsked(asked);
  if (renewals !== null) return { kind: 'renewals', ...renewals };
  // The lead-in would leave only "next" of "what's next".
  if (ACTIONS.test(asked) || ACTIONS.test(said) || ISSUES.test(asked)) return { kind: 'actions' };
  const benchmark = benchmarkAsked(named);
  if (benchmark) return { kind: 'customer-focus', query: originalCase(text, benchmark.customer), focus: benchmark.focus };
  const compared = comparedNames(text, named);
  if (compared) return { kind: 'compare', customers: compared.map((n) => ({ name: n })) };
  const recent = newAsked(asked);
  if (recent) return { kind: 'new', ...recent };
  const movement = movementAsked(asked);
  if (movement) return { kind: 'moved', movement };
  const most = mostAsked(text, asked);
  if (most) return most;
  if (ATTENTION.test(asked)) return { kind: 'attention' };
  const size = sizeAsked(text, asked);
  if (size) return { kind: 'size', ...size };
  const best = BEST.exec(asked);
  if (best) return { kind: 'best', count: best[1] === undefined ? null : Number(best[1]) };
  if (BEST_ONE.test(asked)) return { kind: 'best', count: 1 };
  const worst = WORST.exec(asked);
  if (worst) {
    const count = Number(worst[1] ?? worst[2] ?? worst[3] ?? 0);
    return count > 0 ? { kind: 'worst', count } : { kind: 'portfolio' };
  }
  if (WORST_ONE.test(asked)) return { kind: 'worst', count: 1 };
  // "share Contoso here": its card, in this conversation (a share goes to the channels that follow it).
  const here = SHOWN_HERE.exec(said)?.[1];
  if (here !== undefined) return { kind: 'customer', query: originalCase(text, here), explicit: true };
  // "can you mute Contoso?", "please turn on alerts": the wish without its courtesy.
  const settings = settingsAsked(text, said.replace(COURTESY, ''));
  if (settings) return settings;
  if (ALL_CUSTOMERS.test(asked)) return { kind: 'all-customers' };
  if (PORTFOLIO.test(asked)) return { kind: 'portfolio' };
  // Before the numbers: "which product has the lowest usage?" ranks products, not customers.
  const products = productsAsked(asked);
  if (products) return { kind: 'products', order: products };
  const workloads = workloadsAsked(asked);
  if (workloads) return { kind: 'workloads', order: workloads };
  // Before the findings and products: "who has 100% deployment?" is a number.
  const full = fullyDeployedAsked(asked) ?? overEntitledAsked(asked);
  if (full) return { kind: 'percent', query: full, among: null };
  // Before the percents: "usage over 100% with no explanation" is a finding.
  const code = findingAsked(asked);
  if (code) return { kind: 'customers-with', code };
  // "E3 customers below 50%", "usage under 50% and more than 100 seats": the numbers of some customers.
  const { among: asLowered, rest } = amongAsked(asked);
  const among = asLowered?.product ? { ...asLowered, product: originalCase(text, asLowered.product) } : asLowered;
  const average = averageAsked(rest);
  if (average) return { kind: 'average', ...average, among };
  const near = nearThresholdAsked(rest);
  if (near) return { kind: 'near-threshold', measure: near, among };
  const above = aboveThresholdAsked(rest);
  if (above) return { kind: 'above-threshold', measure: above, among };
  const percents = percentsAsked(rest);
  if (percents) return { kind: 'percent', query: percents, among };
  const zero = zeroAsked(rest);
  if (zero) return { kind: 'percent', query: [[{ side: 'below', percent: 0, inclusive: true, measure: zero }]], among };
  // "lowest 3 by Yammer usage" is a ranking of so many, not the customers under the threshold;
  // "top 5 E3 customers by usage" ranks some customers.
  const ranked = rankAsked(rest);
  if (ranked?.count) return { kind: 'ranked', ...ranked, among };
  const low = lowAsked(rest);
  if (low) return { kind: 'low-adoption', measure: low, among };
  // "Teams usage", "average Teams usage for E3 customers".
  const workload = workloadAsked(rest);
  if (workload) return workloadRanking(workload, among);
  if (ranked) return { kind: 'ranked', ...ranked, among };
  const without = withoutAsked(text, asked);
  if (without) return without;
  const product = productAsked(text, asked);
  if (product) return product;
  const focus = customerFocusAsked(named);
  if (focus) {
    // A product's name as typed, for the answer to say back.
    const asTyped = focus.focus.kind === 'product' ? { ...focus.focus, product: originalCase(text, focus.focus.product) } : focus.focus;
    return { kind: 'customer-focus', query: originalCase(text, focus.customer), focus: asTyped };
  }
  for (const pattern of CUSTOMER) {
    const match = pattern.exec(named);
    if (match) return { kind: 'customer', query: originalCase(text, match[1]!), explicit: true };
  }
  // "tell me about Contoso": the words around a name are not part of it.
  if (named !== words && named !== '') return { kind: 'customer', query: originalCase(text, named), explicit: false };
  return {
    kind: 'customer',
    query: text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[?!.]+$/, ''),
    explicit: false,
  };
}
