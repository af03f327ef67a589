import type { Measure } from '../alerts/alert.js';
import { subscribe, subscriptionsOf, unsubscribe, mute, unmute, pause, pausedUntil, resume, MUTE_DAYS } from '../alerts/subscriptions.js';
import { buttons, type Button, type SettingVerb } from '../cards/actions.js';
import type { Reply } from '../cards/card.js';
import { customerCard, type CardSettings } from '../cards/customer-card.js';
import { customerGoneCard, customerNotFoundCard, messageCard } from '../cards/message-cards.js';
import { capitalized, count, name } from '../cards/text.js';
import type { AlertConfig } from '../config.js';
import { customerKey } from '../metrics/customer-key.js';
import type { CustomerReport } from '../metrics/report-types.js';
import { lowPercent, type Thresholds } from '../metrics/thresholds.js';
import type { PortfolioCache } from '../portfolio/portfolio-cache.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { BotStateStore, Subscription } from '../proactive/bot-state.js';
import { describeTarget, type ConversationTarget } from '../proactive/conversation-target.js';
import { forgetConversation } from '../proactive/conversations.js';
import type { SendOutcome } from '../proactive/proactive-sender.js';
import { channelsFor, link, unlink } from '../sharing/links.js';
import type { CustomerTarget, SettingsCommand } from './command.js';
import type { Turn } from './turn.js';
import { changeThresholds } from './threshold-settings.js';

/** Sends a card to a conversation now, within Teams' limits (ProactiveSender.send). */
export type Send = (target: ConversationTarget, reply: Reply) => Promise<SendOutcome>;

/** Teams shows at most six buttons on a card; the unmute buttons leave room for one more. */
const MAX_UNMUTE_BUTTONS = 5;
/** A customer to mute or unmute: its key, what to call it, and whether the cache still holds it. */
interface MuteTarget {
  readonly key: string;
  readonly called: string;
  readonly known: boolean;
}
/** Subscriptions "which channels get alerts?" lists; the rest are counted. */
const EVERYWHERE_LINES = 20;

const NO_CONVERSATION = messageCard(
  'I cannot remember this conversation.',
  ['Your client did not say which conversation this is, so I could not send anything here later. Try again from Teams.'],
  [buttons.help()],
);

/**
 * Commands that change what the bot remembers: alert subscriptions, mutes, channel links, and
 * sharing a card into the linked channels.
 */
export class Settings {
  constructor(
    private readonly state: BotStateStore,
    private readonly portfolio: PortfolioCache,
    /**
     * The cards' links, the configured thresholds ("reset the thresholds" goes back to them; the
     * cards read the ones in force, which come with the portfolio), and when alerts come (what "alerts on" tells).
     */
    private readonly cards: CardSettings & { readonly alerts: Pick<AlertConfig, 'repeatDays' | 'renewalDays'> },
    private readonly send: Send,
    /** Whether a conversation's tenant may receive customer data (ADOPTION_ALLOWED_TENANTS). */
    private readonly allowsTenant: (tenantId: string | null) => boolean,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async handle(command: SettingsCommand, turn: Turn): Promise<Reply> {
    const here = turn.conversation;
    if (here === null) return NO_CONVERSATION;
    const view = await this.portfolio.view();
    switch (command.kind) {
      case 'alerts-status':
        return this.status(here, view);
      case 'alerts-everywhere':
        return this.everywhere(view);
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
      case 'link':
        return this.link(command.customer, view, turn, here);
      case 'links':
        return this.links();
      case 'unlink': {
        if (command.customer !== null) return this.unlinkOne(command.customer, view, here);
        const gone = await this.state.update((s) => unlink(s, here.id));
        return messageCard(
          gone.length === 0 ? 'This conversation follows no customer.' : `This channel no longer follows ${gone.map(name).join(', ')}.`,
          ['Cards shared for those customers will not come here any more.'],
          [],
        );
      }
      case 'mute':
        return this.mute(command.customer, command.days, view, here);
      case 'unmute':
        return this.unmute(command.customer, view, here);
      case 'share': {
        const found = this.target(view, command.customer, 'share');
        return 'customer' in found ? this.share(found.customer, view, turn) : found.reply;
      }
      case 'threshold-set':
      case 'thresholds-reset':
        return changeThresholds(command, view, this.state, this.portfolio, this.cards.thresholds, turn, this.clock());
    }
  }

  private async unlinkOne(target: CustomerTarget, view: PortfolioView, here: ConversationTarget): Promise<Reply> {
    const found = this.target(view, target, 'unlink');
    if (!('customer' in found)) return found.reply;
    const called = name(found.customer.customer);
    const gone = await this.state.update((s) => unlink(s, here.id, customerKey(found.customer)));
    return messageCard(
      gone.length === 0
        ? `This ${here.kind === 'channel' ? 'channel' : 'conversation'} does not follow ${called}.`
        : `This channel no longer follows ${called}.`,
      [gone.length === 0 ? 'Say "links" to see which channels follow which customers.' : 'Its shared cards will not come here any more.'],
      [],
    );
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
    const found = this.target(view, target, verb);
    return 'customer' in found ? [{ key: customerKey(found.customer), called: found.customer.customer, known: true }] : found;
  }

  private async status(here: ConversationTarget, view: PortfolioView): Promise<Reply> {
    const state = await this.state.read();
    const subscriptions = subscriptionsOf(state, here.id);
    const now = this.clock().toISOString();
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
    const paused = pausedUntil(state, here.id, this.clock());
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
    command: Extract<SettingsCommand, { kind: 'alerts-on' }>,
    view: PortfolioView,
    turn: Turn,
    here: ConversationTarget,
  ): Promise<Reply> {
    let customer: CustomerReport | null = null;
    if (command.customer !== null) {
      const found = this.target(view, command.customer, (c) =>
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
    const { repeatDays, renewalDays } = this.cards.alerts;
    const window = repeatDays === 7 ? 'once a week' : `once in ${count(repeatDays)} days`;
    const renewals =
      renewalDays > 0
        ? ` A renewal or trial end within ${count(renewalDays)} days while under the threshold is an alert of its own, and so is a term ending with auto-renew off.`
        : '';
    return `They come after each sync, at most ${window} per customer and condition unless it gets worse.${renewals} A subscription in its grace period, suspended, disabled or expired is one too, whatever the numbers.`;
  }

  private async link(target: CustomerTarget, view: PortfolioView, turn: Turn, here: ConversationTarget): Promise<Reply> {
    if (here.kind !== 'channel') {
      const called = 'name' in target ? target.name : (view.customer(target.key)?.customer ?? target.key);
      return messageCard(
        'Only a team channel can follow a customer.',
        [`In the account team's channel, say "@${here.bot.name} link this channel to ${name(called)}".`],
        [],
      );
    }
    let customers = 'name' in target ? eachNamed(view, target.name) : null;
    if (customers === null) {
      const found = this.target(view, target, 'link');
      if (!('customer' in found)) return found.reply;
      customers = [found.customer];
    }
    const since = this.clock().toISOString();
    const added = await this.state.update((s) =>
      customers.filter((c) =>
        link(s, { conversationId: here.id, customer: { key: customerKey(c), name: c.customer }, by: turn.user.name, since }),
      ),
    );
    const names = (cs: readonly CustomerReport[]): string => andList(cs.map((c) => name(c.customer)));
    const already = customers.filter((c) => !added.includes(c));
    const lines = [
      ...(added.length > 0 ? [`This channel now follows ${names(added)}.`] : []),
      ...(already.length > 0 ? [`This channel already follows ${names(already)}.`] : []),
    ];
    return messageCard(
      lines[0]!,
      [...lines.slice(1), `"Share to account channel" on ${customers.length === 1 ? 'its card' : 'their cards'} posts the card here.`],
      customers
        .slice(0, 5)
        .map((c) => buttons.customer(customers.length === 1 ? 'Open its card' : `Open ${name(c.customer)}`, customerKey(c))),
    );
  }

  private async links(): Promise<Reply> {
    const state = await this.state.read();
    if (state.links.length === 0) {
      return messageCard('No channel follows a customer yet.', ['In a team channel, say "link this channel to <customer>".'], []);
    }
    const lines = state.links.map((l) => {
      const where = state.conversations[l.conversationId];
      return `${name(l.customer.name)} → ${where ? describeTarget(where) : 'a channel the bot left'} (by ${l.by})`;
    });
    return messageCard(`${state.links.length} channel link${state.links.length === 1 ? '' : 's'}`, lines, []);
  }

  private async share(customer: CustomerReport, view: PortfolioView, turn: Turn): Promise<Reply> {
    const key = customerKey(customer);
    const history = view.historyOf(customer);
    const cards = { ...this.cards, thresholds: view.thresholds };
    const linked = channelsFor(await this.state.read(), key);
    // A channel linked while its tenant was allowed gets nothing once it no longer is.
    const targets = linked.filter((t) => this.allowsTenant(t.tenantId));
    const outside = linked.length - targets.length;
    if (targets.length === 0) {
      return customerCard(customer, cards, history, {
        kind: 'status',
        text:
          outside > 0
            ? `The channels that follow ${name(customer.customer)} are outside your allowed tenants, so nothing was shared. Link a channel of your own tenant, then share again.`
            : `No channel follows ${name(customer.customer)} yet. In the account team's channel, say "@${turn.conversation?.bot.name ?? 'Adoption'} link this channel to ${name(customer.customer)}", then share again.`,
        color: 'Warning',
      });
    }
    const shared = customerCard(customer, cards, history, { kind: 'shared', by: turn.user.name });
    const outcomes = await Promise.all(targets.map(async (t) => ({ target: t, outcome: await this.send(t, shared) })));
    const gone = outcomes.filter((o) => !o.outcome.ok && o.outcome.gone).map((o) => o.target.id);
    if (gone.length > 0) {
      await this.state.update((s) => gone.forEach((id) => forgetConversation(s, id, 'the bot was removed or blocked there', this.clock())));
    }
    const went = outcomes.filter((o) => o.outcome.ok).map((o) => describeTarget(o.target));
    const failed = outcomes
      .filter((o) => !o.outcome.ok)
      .map((o) => `${describeTarget(o.target)} (${(o.outcome as { reason: string }).reason})`);
    const text = [
      went.length > 0 ? `Shared to ${went.join(', ')}.` : '',
      failed.length > 0 ? `Could not share to ${failed.join(', ')}.` : '',
      outside > 0 ? `Not shared to ${outside} linked channel${outside === 1 ? '' : 's'} outside your allowed tenants.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return customerCard(customer, cards, history, { kind: 'status', text, color: failed.length > 0 ? 'Warning' : 'Good' });
  }

  /**
   * The customer a button or a typed name means, or the reply that says why not. Where a name
   * matches several, each is a button that does what was asked for that one: the setting `verb`
   * names, or what `choose` makes.
   */
  private target(
    view: PortfolioView,
    target: CustomerTarget,
    verb: SettingVerb | ((c: CustomerReport) => Button),
  ): { customer: CustomerReport } | { reply: Reply } {
    const choose =
      typeof verb === 'function' ? verb : (c: CustomerReport): Button => buttons.setting(verb, name(c.customer), customerKey(c));
    if ('name' in target) return this.one(view, target.name, choose);
    const customer = view.customer(target.key);
    return customer ? { customer } : { reply: customerGoneCard() };
  }

  /** One customer by name, or the reply that says why not; where several match, `choose` makes each one's button. */
  private one(view: PortfolioView, query: string, choose: (c: CustomerReport) => Button): { customer: CustomerReport } | { reply: Reply } {
    const found = view.find(query);
    if (found.kind === 'one') return { customer: found.customer };
    if (found.kind === 'several') {
      return {
        reply: messageCard(
          `${found.customers.length} customers match "${query}".`,
          ['Choose one, or say it again with more of the name.'],
          found.customers.slice(0, 5).map(choose),
        ),
      };
    }
    return { reply: customerNotFoundCard(query, found.closest) };
  }
}

/** Names said together: "Contoso and Fabrikam", "Contoso, Fabrikam & Tailspin". */
const NAME_LIST = /\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+/;

/**
 * The customers a list of names says, each once, when the whole is no one customer's name
 * ("Contoso and Fabrikam", not "Johnson & Johnson") and each name in it is exactly one
 * customer's; else null.
 */
function eachNamed(view: PortfolioView, query: string): CustomerReport[] | null {
  const names = query.split(NAME_LIST).filter((n) => n.trim() !== '');
  if (names.length < 2 || view.find(query).kind === 'one') return null;
  const found = names.map((n) => view.find(n));
  if (!found.every((f) => f.kind === 'one')) return null;
  // "Contoso and Contoso Ltd" is one customer, named twice.
  const byKey = new Map(found.map((f) => [customerKey(f.customer), f.customer]));
  return [...byKey.values()];
}

/** "Contoso", "Contoso and Fabrikam", "Contoso, Fabrikam and Tailspin". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
