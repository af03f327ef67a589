import type { Measure } from '../../alerts/alert.js';
import { workloadNamed, workloadNamedIn } from '../../data/workloads.js';
import { MUTE_DAYS } from '../../alerts/subscriptions.js';
import type { SettingsCommand } from '../command.js';
import { firstGroup, originalCase, SPAN_UNIT_DAYS } from './words.js';

/** Commands that change what the bot remembers, however they are said: alerts, mutes, links, shares. */

const ALERTS_ON =
  /^(?:turn )?alerts? on\b(.*)$|^(?:subscribe|(?:notify|alert) (?:me|us|this (?:channel|chat)|the (?:channel|team))|alert(?= (?:if|when|once|whenever)\b))\b(.*)$|^(?:(?:set(?: up)?|add|create) )?(?:an? )?alerts? ((?:for|about|below|under|when|if) .*)$|^(?:let (?:me|us) know|warn (?:me|us)|ping (?:me|us)|tell (?:me|us))((?: (?:if|when|once|whenever)) .*)$|^(?:only )?(?:warn|alert|notify|tell) (?:me|us) (?:only )?(?:about|of|on) ((?:(?:low|poor|falling|dropping) )?(?:adoption|usage|deployment|numbers))(?: only)?$|^(?:send|post|deliver) (?:the )?alerts (?:to|in|into) (?:this|the|our) (?:channel|chat|team)()$|^(?:send|post) (?:the )?alerts here()$/;
/**
 * "change the alert threshold to 30%", "set alerts to 30%", "lower my alert threshold to 30": the
 * every-customer alerts here, under that percent, watching the number they watched.
 */
const ALERT_PERCENT_SET =
  /^(?:change|set|lower|raise|move|update|make|put)(?: (?:my|our|the|this (?:channel|chat)'s))? alerts?(?: (?:threshold|level|limit))? (?:to|at) (\d{1,3}(?:[.,]\d+)?) ?(?:%|percent|pct)?$/;
/** "weekly summary on", "send us a weekly to-do", "weekly digest off", "stop the weekly summary". */
const WEEKLY_KIND = String.raw`(?:summary|digest|to-?do(?: list)?|report|update)`;
const WEEKLY_ON = new RegExp(
  String.raw`^(?:turn )?(?:the )?weekly ${WEEKLY_KIND} on$|^(?:turn|switch) on (?:the )?weekly ${WEEKLY_KIND}$|^(?:enable|start|subscribe to) (?:the |a )?weekly ${WEEKLY_KIND}$|^(?:please )?(?:send|give) (?:me|us|this (?:channel|chat)) (?:a |the )?weekly ${WEEKLY_KIND}$|^(?:please )?(?:send|give) (?:me |us |this (?:channel|chat) )?(?:a |the )?${WEEKLY_KIND} (?:every|each) (?:week|monday|tuesday|wednesday|thursday|friday)$|^(?:remind|update|alert|notify) (?:me|us) (?:weekly|every week|once a week)$`,
);
const WEEKLY_OFF = new RegExp(
  String.raw`^(?:turn )?(?:the )?weekly ${WEEKLY_KIND} off$|^(?:turn|switch) off (?:the )?weekly ${WEEKLY_KIND}$|^(?:disable|unsubscribe from) (?:the )?weekly ${WEEKLY_KIND}$|^(?:stop|no more) (?:the )?weekly ${WEEKLY_KIND}s?$`,
);
const ALERTS_OFF =
  /^(?:turn )?(?:alerts?|notifications?) off$|^(?:unsubscribe|stop alerts|stop notifications|no more alerts|no more notifications)$|^(?:turn|switch) off (?:the |all )?(?:alerts|notifications)$|^disable (?:the |all )?(?:alerts|notifications)$/;
/** "enable alerts", "turn on notifications", "start alerts": every customer, as "alerts on". */
const ALERTS_ENABLE = /^(?:enable|activate|start|turn on|switch on) (?:the |all )?(?:alerts|notifications)$|^notifications on$/;
/** "subscribe to Contoso", "watch Fabrikam", "keep an eye on Coho": that customer's alerts here. */
const WATCH =
  /^(?:subscribe|sign) (?:me |us )?(?:up )?(?:to|for) (?!(?:the )?(?:alerts?|notifications?|weekly)\b)(.+)$|^(?:watch|monitor|track|keep an eye on|keep track of) (?!(?:the )?(?:alerts?|notifications?)\b)(.+)$/;
const NOT_WATCHED = /\b(?:usage|deployment|adoption|numbers|licen[cs]es|seats|renewals?|trials?)\b/;
/** What "track Teams usage", "monitor deployment", "watch the adoption" watch: a number, of a workload or not. */
const WATCHED_NUMBER = /^(?:the )?(?:(.+?) )?(?:usage|deployment|adoption)$/;
/** "stop watching Fabrikam", "stop monitoring Coho": its alerts here muted, as "mute Fabrikam". */
const UNWATCH = /^(?:stop|quit) (?:watching|monitoring|tracking) (.+)$/;
const ALERTS_STATUS =
  /^(?:(?:show |my )?alerts?(?: settings| status)?|(?:what(?: is| are) )?(?:my |our |the )?alert(?:ing)? thresholds?|subscriptions|(?:show |my )?settings|(?:which|what) alerts (?:are (?:on|set(?: up)?)(?: here)?|do (?:i|we) have(?: here)?)|(?:are|is) (?:the )?alerts? on(?: here)?|(?:any|are there(?: any)?|do (?:i|we) have(?: any)?) alerts?(?: (?:set|on|here|set up))?|(?:what(?: is| are) )?(?:my |our |the )?alert(?:ing)? (?:settings|status|setup)|(?:which|what) (?:customers?|accounts?) (?:are|is) (?:muted|snoozed|silenced)(?: here)?|who(?: is| are) (?:muted|snoozed|silenced)(?: here)?|(?:show |list )?(?:the )?(?:muted|snoozed) (?:customers|accounts))$/;
/** "what am I subscribed to?", "my subscriptions": what alerts here watch. */
const SUBSCRIBED = /^what (?:am i|are we|is this (?:channel|chat)) (?:subscribed to|watching|following for alerts)$/;
/** "which channels get alerts?", "where do alerts go?", "who gets alerts?", "all alerts": every conversation's. */
const ALERTS_EVERYWHERE =
  /^(?:(?:which|what) (?:channels?|chats?|conversations?|teams?|people) (?:gets?|receives?|has|have) (?:the )?alerts?|where do (?:the )?alerts go|who (?:gets|receives) (?:the )?alerts|(?:show |list )?(?:all|every) (?:the )?alerts?(?: (?:everywhere|settings|subscriptions))?|alerts everywhere)$/;
/** "which alerts were sent here?", "alert history", "recent alerts", "when was the last alert?": this conversation's. */
const ALERTS_HISTORY =
  /^(?:(?:show |the |our |my )?(?:alerts?|alerting) (?:history|log)|(?:which|what) alerts (?:were|have been|did (?:we|i|you) (?:get|send)|came|went out)(?: sent| delivered| posted)?(?: here)?(?: (?:lately|recently|this month|this week))?|(?:show |the )?(?:recent|last|past|latest|previous) alerts(?: here)?|when (?:was|did) (?:the |you send the )?last alert(?: (?:sent|come|arrive|go out))?(?: here)?)$/;
const LINK =
  /^link (?:this (?:channel|chat) )?(?:to |with )?(.+)$|^(?:connect|attach|tie) (?:this (?:channel|chat) )?(?:to|with) (.+)$|^follow (.+?)(?: here| in this channel)?$|^this (?:channel|chat) is (?:for|about) (.+)$/;
const LINKS =
  /^(?:show |list )?(?:links|linked channels)$|^(?:which|what) channels? (?:is |are )?(?:linked(?: to .+)?|follows? .+)$|^who follows .+$|^(?:which|what) (?:customers? )?(?:does|do) (?:this|the) (?:channel|team) follow$|^what is (?:this|the) (?:channel|team) linked to$|^(?:which|what) (?:customers|accounts) (?:are|have been) linked(?: to (?:a |their |any )?channels?)?$|^(?:which|what) (?:customers|accounts) (?:have|has) (?:a |an )?(?:linked |account )?channels?$/;
const UNLINK = /^unlink(?: this (?:channel|chat))?$/;
/** "unlink Contoso", "stop following Contoso", "unfollow Contoso here". */
const UNLINK_ONE =
  /^(?:unlink|unfollow|stop following|no longer follow|detach)(?: this (?:channel|chat))?(?: from)? (.+?)(?: here| in this channel)?$/;
/** "mute Contoso", "snooze alerts for Contoso", "stop alerts about Fabrikam": that customer, here (for 30 days, or the span said after it). */
const MUTE =
  /^(?:mute|silence|snooze)(?: (?:the |all )?alerts?)?(?: (?:for|about|on|from|of))? (?!alerts?$)(.+?)(?:'s|')?(?: alerts?)?$|^(?:stop|pause|no more|no|turn off|switch off|disable) (?:the )?(?:alerts?|notifications?) (?:for|about|on|from|of) (.+)$|^(?:don't|do not|stop) (?:alert|notify)(?:ing)? (?:me|us) (?:about|for|on|of) (.+)$/;
/** Words after a mute's name that are no part of it: "don't alert me about Contoso anymore". */
const MUTE_TRAIL = /(?: (?:any ?more|again|for now|please))+$/;
/** How long a mute is asked for, at the end: "for a week", "for 3 days", "for two months". */
const MUTE_SPAN = / for (a|an|\d{1,3}) (day|week|month|quarter|year)s?$/;

/** Every alert here, held for a while: "pause alerts for a week", "snooze all alerts for 2 weeks", "mute everything for 3 days". */
const PAUSE =
  /^(?:pause|snooze|mute|silence|hold|suspend)(?: (?:all|the|my|our|every))?(?: (?:alerts?|notifications?)| everything| all)(?: here)?$/;
/** "no alerts for a week", "stop alerts for a week": a pause when a span follows (without one, "stop alerts" turns them off). */
const STOP_FOR = /^(?:no|stop(?: the| all)?) (?:alerts?|notifications?)(?: here)?$/;
/** "resume alerts", "unpause alerts", "unmute everything": a pause ends. */
const RESUME =
  /^(?:resume|unpause|unmute|unsnooze|restart|continue)(?: (?:all|the|my|our|every))?(?: (?:alerts?|notifications?)| everything| all)(?: here)?$/;

/** "unmute Contoso", "resume alerts for Contoso". */
const UNMUTE =
  /^(?:unmute|unsilence|unsnooze)(?: (?:the )?alerts?)?(?: (?:for|about|on|from|of))? (?!alerts?$)(.+?)(?:'s|')?(?: alerts?)?$|^(?:resume|restart) (?:the )?alerts? (?:for|about|on|from|of) (.+)$/;
/** "share Contoso", "share Contoso's card", "post Contoso to its channel": its card to the channels that follow it. */
const SHARE =
  /^share (?!(?:the )?(?:it|this|that|them|portfolio|overview|everything|card)(?: card)?$)(?:the )?(.+?)(?:'s|')?(?: card)?(?: (?:to|in|into|with|on) (?:the |its |their |this )?(?:account |customer )?(?:channels?|teams?|account teams?))?$|^(?:post|send) (?:the )?(.+?)(?:'s|')?(?: card)? (?:to|in|into|on) (?:the |its |their )?(?:\S+(?: \S+)?'?s? )?(?:account |customer )?(?:channels?|teams?|account teams?)$/;
/** "below 40%", "under 40", "at most 40%"; "to 40%", "hits 40% or less" (with the sign: "at 9" is no percent). */
const ALERT_PERCENT =
  /(?:\b(?:below|under|less than|lower than|at most|no more than)|<)\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct)?|(?:\b(?:to|at)\s+|(?<=\b(?:hits?|reach(?:es)?) ))(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|pct)(?:\s+or (?:less|lower|below|under))?/;
const ALERT_CUSTOMER = /\b(?:for|about|on)\s+(.+)$/;
/** "when Contoso drops", "if Fabrikam's usage falls": who a condition is about. */
const ALERT_WHEN =
  /\b(?:when|if|once|whenever)\s+(.+?)(?:'s)?(?:\s+(?:usage|deployment|adoption|numbers?))?\s+(?:drops?|falls?|goes|gets|is|are|dips?|declines?|slips?|sinks?|hits?|reach(?:es)?)(?:\s+(?:down|under|below))?$/;
/** Anyone at all: the subscription for every customer. */
const ANY_CUSTOMER =
  /^(?:any(?:one|body| customer| account)|some(?:one|body)|a customer|an account|customers|any of (?:my|our|the) customers|all(?: (?:my|our|the))? (?:customers|accounts)|every (?:customer|account)|every(?:one|body))$/;
/** The one number an alert watches: "if deployment falls under 50%"; both for "adoption", or neither named. */
const DEPLOYMENT_WORDS = /\b(?:deployment|deployed|assigned)\b/;
const USAGE_WORDS = /\b(?:usage|used|active)\b/;
/** What a number is called, taken off the name an alert is about: "Contoso's usage" is Contoso. */
const NUMBER_WORDS = /(?:'s)?\s*\b(?:deployment|usage|adoption|numbers?)\b/g;

/** The customer an alert names, without the workload said with it: "Contoso's Teams" is Contoso, "Teams" alone no one. */
function withoutWorkload(named: string): string {
  const words = named.split(/\s+/);
  for (let k = Math.min(4, words.length); k >= 1; k--) {
    if (workloadNamed(words.slice(-k).join(' ')) !== null)
      return words
        .slice(0, -k)
        .join(' ')
        .replace(/(?:'s|')$/, '');
  }
  return named;
}

function alertMeasure(words: string): Measure | null {
  const deployment = DEPLOYMENT_WORDS.test(words);
  return deployment === USAGE_WORDS.test(words) ? null : deployment ? 'deployment' : 'usage';
}

export function settingsAsked(text: string, said: string): SettingsCommand | null {
  if (WEEKLY_ON.test(said)) return { kind: 'weekly-on' };
  if (WEEKLY_OFF.test(said)) return { kind: 'weekly-off' };
  if (ALERTS_OFF.test(said)) return { kind: 'alerts-off' };
  if (ALERTS_STATUS.test(said) || SUBSCRIBED.test(said)) return { kind: 'alerts-status' };
  if (ALERTS_ENABLE.test(said)) return { kind: 'alerts-on', percent: null, customer: null, measure: null, workload: null };
  // "watch everyone": every customer; "track Teams usage", "monitor deployment": alerts on that number.
  const watched = firstGroup(WATCH.exec(said));
  if (watched !== undefined && !NOT_WATCHED.test(watched) && workloadNamed(watched) === null) {
    const customer = ANY_CUSTOMER.test(watched) ? null : { name: originalCase(text, watched) };
    return { kind: 'alerts-on', percent: null, customer, measure: null, workload: null };
  }
  const number = watched === undefined ? null : WATCHED_NUMBER.exec(watched);
  if (number && (number[1] === undefined || workloadNamed(number[1]) !== null)) return settingsAsked(text, `alerts on ${watched}`);
  const unwatched = UNWATCH.exec(said)?.[1];
  if (unwatched !== undefined) return { kind: 'mute', customer: { name: originalCase(text, unwatched) }, days: MUTE_DAYS };
  if (ALERTS_EVERYWHERE.test(said)) return { kind: 'alerts-everywhere' };
  if (ALERTS_HISTORY.test(said)) return { kind: 'alerts-history' };
  const percentSet = ALERT_PERCENT_SET.exec(said)?.[1];
  if (percentSet !== undefined) return { kind: 'alerts-percent', percent: Number(percentSet.replace(',', '.')) };
  const on = ALERTS_ON.exec(said);
  if (on) {
    // "alert me about deployment only": "only" names no customer.
    const rest = (firstGroup(on) ?? '').replace(/ only$/, '');
    const percent = ALERT_PERCENT.exec(rest);
    const unpercented = rest.replace(ALERT_PERCENT, ' ').trim();
    const said = (ALERT_CUSTOMER.exec(unpercented) ?? ALERT_WHEN.exec(unpercented))?.[1]?.replace(NUMBER_WORDS, ' ').trim();
    const named = said === undefined ? undefined : withoutWorkload(said);
    return {
      kind: 'alerts-on',
      percent: percent ? Number(firstGroup(percent)!.replace(',', '.')) : null,
      customer: named === undefined || named === '' || ANY_CUSTOMER.test(named) ? null : { name: originalCase(text, named) },
      measure: alertMeasure(rest),
      // A workload in the customer's own name ("Teams Ltd") is not one asked about.
      workload: workloadNamedIn(named === undefined ? rest : rest.replace(named, ' ')),
    };
  }
  const typed = (kind: 'unmute' | 'share', match: RegExpExecArray | null): SettingsCommand | null => {
    const named = firstGroup(match);
    return named === undefined ? null : { kind, customer: { name: originalCase(text, named) } };
  };
  if (RESUME.test(said)) return { kind: 'alerts-resume' };
  const unmute = typed('unmute', UNMUTE.exec(said));
  if (unmute) return unmute;
  const span = MUTE_SPAN.exec(said);
  const days = span === null ? MUTE_DAYS : (Number(span[1]) || 1) * SPAN_UNIT_DAYS[span[2]!]!;
  const held = (span ? said.slice(0, span.index) : said).replace(MUTE_TRAIL, '');
  if (PAUSE.test(held) || (span !== null && STOP_FOR.test(held))) return { kind: 'alerts-pause', days };
  const muted = firstGroup(MUTE.exec(held));
  if (muted !== undefined) return { kind: 'mute', customer: { name: originalCase(text, muted) }, days };
  const share = typed('share', SHARE.exec(said));
  if (share) return share;
  if (LINKS.test(said)) return { kind: 'links' };
  if (UNLINK.test(said)) return { kind: 'unlink', customer: null };
  const unlinked = firstGroup(UNLINK_ONE.exec(said));
  if (unlinked !== undefined) return { kind: 'unlink', customer: { name: originalCase(text, unlinked) } };
  const link = firstGroup(LINK.exec(said));
  if (link !== undefined) return { kind: 'link', customer: { name: originalCase(text, link) } };
  return null;
}
