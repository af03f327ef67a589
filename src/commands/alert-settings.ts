import { customersOf, type Measure } from '../alerts/alert.js';
import { OUTBOX_KEEP_DAYS } from '../alerts/outbox.js';
import { subscribe, subscriptionsOf, unsubscribe, mute, unmute, pause, pausedUntil, resume, MUTE_DAYS } from '../alerts/subscriptions.js';
import { buttons } from '../cards/actions.js';
import type { Reply } from '../cards/card.js';
import { messageCard } from '../cards/message-cards.js';
import { capitalized, count, name } from '../cards/text.js';
import type { AlertConfig } from '../config.js';
import { customerKey } from '../metrics/customer-key.js';
import type { CustomerReport } from '../metrics/report-types.js';
import { lowPercent, type Thresholds } from '../metrics/thresholds.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { BotStateStore, Subscription } from '../proactive/bot-state.js';
import { describeTarget, type ConversationTarget } from '../proactive/conversation-target.js';
import type { AlertSettingCommand, CustomerTarget } from './command.js';
import { andList, eachNamed, findTarget } from './customer-targets.js';
import type { Turn } from './turn.js';

/** Teams shows at most six buttons on a card; the unmute buttons leave room for one more. */
const MAX_UNMUTE_BUTTONS = 5;
/** A customer to mute or unmute: its key, what to call it, and whether the cache still holds it. */
interface MuteTarget {
  readonly key: string;
  readonly called: string;
  readonly known: boolean;
}
/** Alerts "which alerts were sent here?" lists; the rest are counted. */
const HISTORY_LINES = 15;
/** Subscriptions "which channels get alerts?" lists; the rest are counted. */
const EVERYWHERE_LINES = 20;

/** Alerts on and off, paused and resumed, their percent, mutes, and the weekly to-do, for one conversation. */
export class AlertSettings {
  constructor(
    private readonly state: BotStateStore,
    /** When alerts come (what "alerts on" tells). */
    private readonly alerts: Pick<AlertConfig, 'repeatDays' | 'renewalDays'>,
    private readonly clock: () => Date,
  ) {}

  async handle(command: AlertSettingCommand, view: PortfolioView, turn: Turn, here: ConversationTarget): Promise<Reply> {
    switch (command.kind) {
      case 'alerts-status':
        return this.status(here, view);
      case 'alerts-everywhere':
        return this.everywhere(view);
      case 'alerts-history':
        return this.history(here);
      case 'alerts-off': {
        const removed = await this.state.update((s) => unsubscribe(s, here.id));
        return messageCard(
          removed === 0 ? 'Alerts were not on here.' : 'Alerts are off here.',
          ['Say "alerts on" to get them again.'],
          [buttons.help()],
        );
      }
      case 'alerts-on':
        return this.alertsOn(command, view, turn, here);
      case 'alerts-percent': {
        const watching = subscriptionsOf(await this.state.read(), here.id).find((s) => s.customer === null);
        const [measure, workload] = [watching?.measure ?? null, watching?.workload ?? null];
        return this.alertsOn({ kind: 'alerts-on', percent: command.percent, customer: null, measure, workload }, view, turn, here);
      }
      case 'alerts-pause':
        return this.pause(command.days, here);
      case 'alerts-resume': {
        const was = await this.state.update((s) => resume(s, here.id, this.clock()));
        return messageCard(
          was ? 'Alerts are back on here.' : 'Alerts were not paused here.',
          [
            was
              ? 'What is still true alerts after the next sync. Say "alerts" to see what is on here.'
              : 'Say "pause alerts for a week" to hold them for a while, or "alerts" to see what is on here.',
          ],
          [buttons.help()],
        );
      }
      case 'weekly-on': {
        const since = this.clock().toISOString();
        await this.state.update((s) => {
          s.weekly ??= {};
          s.weekly[here.id] ??= { by: turn.user.name, since, lastSent: null };
        });
        return messageCard(
          'The weekly to-do is on here.',
          [
            'After the first sync of each week, this conversation gets the customers to act on, the most urgent first, each with why: what "what should I do?" lists.',
            'Say "weekly summary off" to stop it.',
          ],
          [buttons.actions()],
        );
      }
      case 'weekly-off': {
        const was = await this.state.update((s) => {
          const on = s.weekly?.[here.id] !== undefined;
          if (on) delete s.weekly![here.id];
          return on;
        });
        return messageCard(
          was ? 'The weekly to-do is off here.' : 'The weekly to-do was not on here.',
          ['Say "weekly summary on" to get it again.'],
          [buttons.help()],
        );
      }
      case 'mute':
        return this.mute(command.customer, command.days, view, here);
      case 'unmute':
        return this.unmute(command.customer, view, here);
    }
  }

  /** "pause alerts for a week": every alert here held until then; nothing to hold where alerts are off. */
  private async pause(days: number, here: ConversationTarget): Promise<Reply> {
    const until = await this.state.update((s) => (subscriptionsOf(s, here.id).length === 0 ? null : pause(s, here.id, this.clock(), days)));
    if (until === null)
      return messageCard('Alerts are not on here: there is nothing to pause.', ['Say "alerts on" to get them.'], [buttons.help()]);
    return messageCard(
      `Alerts are paused here until ${until.slice(0, 10)}.`,
      [
        'No alert comes to this conversation until then; after it, what is still true alerts again by itself.',
        'Say "resume alerts" to get them sooner, or "alerts off" to stop them.',
      ],
      [buttons.help()],
    );
  }

  private async mute(target: CustomerTarget, days: number, view: PortfolioView, here: ConversationTarget): Promise<Reply> {
    const found = this.muteTargets(view, target, 'mute');
    if ('reply' in found) return found.reply;
    const [until] = await this.state.update((s) => found.map(({ key }) => mute(s, here.id, key, this.clock(), days)));
    const title = `Muted alerts about ${andList(found.map((f) => name(f.called)))} here until ${until!.slice(0, 10)}.`;
    const [only, ...others] = found;
    if (only === undefined || others.length > 0) {
      return messageCard(
        title,
        ['Other customers still alert. Say "unmute <customer>" to hear about one again sooner, or "alerts" to see what is on here.'],
        found.slice(0, MAX_UNMUTE_BUTTONS).map((f) => buttons.setting('unmute', `Unmute ${name(f.called)}`, f.key)),
      );
    }
    return messageCard(
      title,
      [`Other customers still alert. Say "unmute ${only.called}" to hear about it again sooner, or "alerts" to see what is on here.`],
      [...(only.known ? [buttons.customer('Open full card', only.key)] : []), buttons.setting('unmute', 'Unmute', only.key)],
    );
  }

  private async unmute(target: CustomerTarget, view: PortfolioView, here: ConversationTarget): Promise<Reply> {
    const found = this.muteTargets(view, target, 'unmute');
    if ('reply' in found) return found.reply;
    const were = await this.state.update((s) => found.filter(({ key }) => unmute(s, here.id, key, this.clock())));
    const names = (ts: readonly MuteTarget[]): string => andList(ts.map((t) => name(t.called)));
    const notMuted = found.filter((f) => !were.includes(f));
    const lines = [
      ...(were.length > 0 ? [`Alerts about ${names(were)} are back on here.`] : []),
      ...(notMuted.length > 0 ? [`Alerts about ${names(notMuted)} were not muted here.`] : []),
    ];
    const muteSaid = found.length === 1 ? found[0]!.called : '<customer>';
    return messageCard(
      lines[0]!,
      [
        ...lines.slice(1),
        `"Mute" on an alert, or "mute ${muteSaid}", silences them for ${MUTE_DAYS} days. Say "alerts" to see what is on here.`,
      ],
      found
        .filter((f) => f.known)
        .slice(0, MAX_UNMUTE_BUTTONS)
        .map((f) => buttons.customer(found.length === 1 ? 'Open full card' : `Open ${name(f.called)}`, f.key)),
    );
  }

  /**
   * The customers to mute or unmute, by key and by what to call them: one, or each of a list of
   * names ("mute Contoso and Fabrikam"). A button's key stands even when the cache no longer holds
   * that customer (an old alert): it is muted all the same.
   */
  private muteTargets(view: PortfolioView, target: CustomerTarget, verb: 'mute' | 'unmute'): MuteTarget[] | { reply: Reply } {
    if ('key' in target) {
      const customer = view.customer(target.key);
      return [{ key: target.key, called: customer?.customer ?? target.key, known: customer !== undefined }];
    }
    const each = eachNamed(view, target.name);
    if (each !== null) return each.map((c) => ({ key: customerKey(c), called: c.customer, known: true }));
    const found = findTarget(view, target, verb);
    return 'customer' in found ? [{ key: customerKey(found.customer), called: found.customer.customer, known: true }] : found;
  }

  private async status(here: ConversationTarget, view: PortfolioView): Promise<Reply> {
    const state = await this.state.read();
    const subscriptions = subscriptionsOf(state, here.id);
    const at = this.clock();
    const now = at.toISOString();
    const mutes = Object.entries(state.mutes)
      .filter(([key, until]) => key.startsWith(`${here.id}|`) && until > now)
      .map(([key, until]) => {
        const customerKey = key.slice(here.id.length + 1);
        return { customerKey, who: name(view.customer(customerKey)?.customer ?? customerKey), until };
      });
    const muted = mutes.map((m) => `Muted: ${m.who} until ${m.until.slice(0, 10)}`);
    const unmuteButtons = mutes.slice(0, MAX_UNMUTE_BUTTONS).map((m) => buttons.setting('unmute', `Unmute ${m.who}`, m.customerKey));
    const digest = state.weekly?.[here.id];
    const weekly = digest
      ? [
          `Weekly to-do: on (set by ${digest.by} on ${digest.since.slice(0, 10)}${digest.lastSent === null ? '' : `, last sent ${digest.lastSent.slice(0, 10)}`}).`,
        ]
      : [];
    if (subscriptions.length === 0) {
      return messageCard(
        'Alerts are off here.',
        ['Say "alerts on" (every customer), "alerts on below 40%" or "alerts on for Contoso".', ...weekly, ...muted],
        [...unmuteButtons, buttons.help()],
      );
    }
    const paused = pausedUntil(state, here.id, at);
    return messageCard(
      paused === null ? 'Alerts are on here.' : `Alerts are paused here until ${paused.slice(0, 10)}.`,
      [
        ...subscriptions.map((s) => this.describe(s, view.thresholds)),
        ...(paused === null ? [] : ['Say "resume alerts" to get them sooner.']),
        ...weekly,
        ...muted,
      ],
      unmuteButtons,
    );
  }

  /** The alerts this conversation got (or is getting) in the days the outbox keeps them, the newest first. */
  private async history(here: ConversationTarget): Promise<Reply> {
    const state = await this.state.read();
    const entries = state.outbox
      .filter((e) => e.conversationId === here.id)
      .map((e) => ({ e, when: e.status === 'pending' ? e.createdAt : e.at }))
      .sort((a, b) => b.when.localeCompare(a.when));
    const on = subscriptionsOf(state, here.id).length > 0 || state.weekly?.[here.id] !== undefined;
    if (entries.length === 0) {
      return messageCard(
        `No alert came here in the last ${OUTBOX_KEEP_DAYS} days.`,
        [on ? 'Alerts are on here: say "alerts" to see what they watch.' : 'Alerts are off here: say "alerts on" to get them.'],
        [buttons.help()],
      );
    }
    const lines = entries.slice(0, HISTORY_LINES).map(({ e, when }) => {
      const about = andList((e.status === 'pending' ? customersOf(e.message) : e.customers).map(name));
      const outcome = e.status === 'pending' ? 'waiting to be sent' : e.status === 'delivered' ? 'delivered' : `not delivered: ${e.reason}`;
      return `${when.slice(0, 10)} — ${about}: ${outcome}`;
    });
    const more = entries.length - lines.length;
    return messageCard(
      `${count(entries.length)} alert${entries.length === 1 ? '' : 's'} here in the last ${OUTBOX_KEEP_DAYS} days`,
      [...lines, ...(more > 0 ? [`and ${count(more)} older`] : [])],
      [buttons.help()],
    );
  }

  /** Every conversation with alerts on: where, what each watches, and whether it is paused; the most recently set first. */
  private async everywhere(view: PortfolioView): Promise<Reply> {
    const state = await this.state.read();
    const now = this.clock();
    const lines = [...state.subscriptions]
      .sort((a, b) => b.since.localeCompare(a.since))
      .map((s) => {
        const where = state.conversations[s.conversationId];
        const paused = pausedUntil(state, s.conversationId, now);
        return `${capitalized(where ? describeTarget(where) : 'a conversation the bot left')}${paused === null ? '' : ` (paused until ${paused.slice(0, 10)})`} — ${this.describe(s, view.thresholds)}`;
      });
    if (lines.length === 0)
      return messageCard('No conversation gets alerts yet.', ['In a chat or channel, an admin says "alerts on" there.'], [buttons.help()]);
    const conversations = new Set(state.subscriptions.map((s) => s.conversationId)).size;
    const shown = lines.slice(0, EVERYWHERE_LINES);
    return messageCard(
      `Alerts go to ${count(conversations)} conversation${conversations === 1 ? '' : 's'}`,
      [
        ...shown,
        ...(lines.length > shown.length ? [`and ${count(lines.length - shown.length)} more; adoption alerts status counts them all.`] : []),
        'Say "alerts" in a conversation for its own, with its mutes.',
      ],
      [buttons.help()],
    );
  }

  /** What a subscription watches, under the thresholds in force (t) where it names no percent of its own. */
  private describe(s: Subscription, t: Thresholds): string {
    const who = s.customer === null ? 'Every customer' : name(s.customer.name);
    if (s.workload) {
      return `${who}: ${s.workload} usage under ${s.belowPercent ?? t.usageLowPercent}%, or a sharp drop in it since the previous sync (set by ${s.by} on ${s.since.slice(0, 10)}).`;
    }
    const measure = s.measure ?? null;
    const under = (m: Measure): string => `${m} under ${s.belowPercent ?? lowPercent(t, m)}%`;
    const when =
      measure !== null
        ? under(measure)
        : s.belowPercent === null
          ? `${under('deployment')} or ${under('usage')}`
          : `deployment or usage under ${s.belowPercent}%`;
    const drop = measure === null ? 'a sharp drop' : `a sharp drop in ${measure}`;
    return `${who}: ${when}, or ${drop} since the previous sync (set by ${s.by} on ${s.since.slice(0, 10)}).`;
  }

  private async alertsOn(
    command: Extract<AlertSettingCommand, { kind: 'alerts-on' }>,
    view: PortfolioView,
    turn: Turn,
    here: ConversationTarget,
  ): Promise<Reply> {
    let customer: CustomerReport | null = null;
    if (command.customer !== null) {
      const found = findTarget(view, command.customer, (c) =>
        buttons.alertsOn(name(c.customer), customerKey(c), command.percent, command.measure, command.workload),
      );
      if (!('customer' in found)) return found.reply;
      customer = found.customer;
    }
    const subscription: Subscription = {
      conversationId: here.id,
      customer: customer === null ? null : { key: customerKey(customer), name: customer.customer },
      belowPercent: command.percent,
      ...(command.workload !== null
        ? { measure: 'usage', workload: command.workload }
        : command.measure === null
          ? {}
          : { measure: command.measure }),
      by: turn.user.name,
      since: this.clock().toISOString(),
    };
    await this.state.update((s) => subscribe(s, subscription));
    return messageCard('Alerts are on here.', [this.describe(subscription, view.thresholds), this.cadence()], []);
  }

  /** When alerts come, as configured. */
  private cadence(): string {
    const { repeatDays, renewalDays } = this.alerts;
    const window = repeatDays === 7 ? 'once a week' : `once in ${count(repeatDays)} days`;
    const renewals =
      renewalDays > 0
        ? ` A renewal or trial end within ${count(renewalDays)} days while under the threshold is an alert of its own, and so is a term ending with auto-renew off.`
        : '';
    return `They come after each sync, at most ${window} per customer and condition unless it gets worse.${renewals} A subscription in its grace period, suspended, disabled or expired is one too, whatever the numbers.`;
  }
}
