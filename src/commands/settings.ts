import type { Reply } from '../cards/card.js';
import { cardSettings, customerCard, type CardSettings } from '../cards/customer-card.js';
import { messageCard } from '../cards/message-cards.js';
import { buttons } from '../cards/actions.js';
import { count, name } from '../cards/text.js';
import type { AlertConfig } from '../config.js';
import { customerKey } from '../metrics/customer-key.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { PortfolioCache } from '../portfolio/portfolio-cache.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { BotStateStore } from '../proactive/bot-state.js';
import { describeTarget, type ConversationTarget } from '../proactive/conversation-target.js';
import { forgetConversation } from '../proactive/conversations.js';
import type { SendOutcome } from '../proactive/proactive-sender.js';
import { channelsFor, link, unlink } from '../sharing/links.js';
import { isAlertSetting, type CustomerTarget, type SettingsCommand } from './command.js';
import type { Turn } from './turn.js';
import { changeThresholds } from './threshold-settings.js';
import { AlertSettings } from './alert-settings.js';
import { andList, eachNamed, findTarget } from './customer-targets.js';

/** Sends a card to a conversation now, within Teams' limits (ProactiveSender.send). */
export type Send = (target: ConversationTarget, reply: Reply) => Promise<SendOutcome>;

/** Open buttons on a card that names several customers (Teams shows six at most). */
const MAX_OPEN_BUTTONS = 5;

const NO_CONVERSATION = messageCard(
  'I cannot remember this conversation.',
  ['Your client did not say which conversation this is, so I could not send anything here later. Try again from Teams.'],
  [buttons.help()],
);

/**
 * Commands that change what the bot remembers: channel links, sharing a card into the linked
 * channels, and thresholds here; what comes to a conversation unasked (alerts, mutes, the weekly
 * to-do) in AlertSettings.
 */
export class Settings {
  private readonly alerts: AlertSettings;

  constructor(
    private readonly state: BotStateStore,
    private readonly portfolio: PortfolioCache,
    /**
     * The cards' links, the configured thresholds ("reset the thresholds" goes back to them; the
     * cards read the ones in force, which come with the portfolio), and when alerts come (what "alerts on" tells).
     */
    private readonly cards: Pick<CardSettings, 'thresholds' | 'links'> & {
      readonly alerts: Pick<AlertConfig, 'repeatDays' | 'renewalDays'>;
    },
    private readonly send: Send,
    /** Whether a conversation's tenant may receive customer data (ADOPTION_ALLOWED_TENANTS). */
    private readonly allowsTenant: (tenantId: string | null) => boolean,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.alerts = new AlertSettings(state, cards.alerts, clock);
  }

  async handle(command: SettingsCommand, turn: Turn): Promise<Reply> {
    const here = turn.conversation;
    if (here === null) return NO_CONVERSATION;
    const view = await this.portfolio.view();
    if (isAlertSetting(command)) return this.alerts.handle(command, view, turn, here);
    switch (command.kind) {
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
      case 'share': {
        const each = 'name' in command.customer ? eachNamed(view, command.customer.name) : null;
        if (each !== null) return this.shareEach(each, view, turn);
        const found = findTarget(view, command.customer, 'share');
        if (!('customer' in found)) return found.reply;
        const { text, color } = await this.share(found.customer, view, turn);
        const cards = cardSettings(view, this.cards.links);
        return customerCard(found.customer, cards, view.historyOf(found.customer), { kind: 'status', text, color });
      }
      case 'threshold-set':
      case 'thresholds-reset':
        return changeThresholds(command, view, this.state, this.portfolio, this.cards.thresholds, turn, this.clock());
    }
  }

  private async unlinkOne(target: CustomerTarget, view: PortfolioView, here: ConversationTarget): Promise<Reply> {
    const found = findTarget(view, target, 'unlink');
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
      const found = findTarget(view, target, 'link');
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
        .slice(0, MAX_OPEN_BUTTONS)
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

  /** "share Contoso and Fabrikam": each card to the channels that follow it, and a line each on where it went. */
  private async shareEach(customers: readonly CustomerReport[], view: PortfolioView, turn: Turn): Promise<Reply> {
    const lines: string[] = [];
    let went = 0;
    for (const customer of customers) {
      const { text, color } = await this.share(customer, view, turn);
      if (color === 'Good') went++;
      lines.push(`${name(customer.customer)}: ${text}`);
    }
    return messageCard(
      `Shared ${count(went)} of ${count(customers.length)} cards`,
      lines,
      customers.slice(0, MAX_OPEN_BUTTONS).map((c) => buttons.customer(`Open ${name(c.customer)}`, customerKey(c))),
    );
  }

  /**
   * Posts the customer's card to the channels that follow it ("shared by" the asker): what
   * happened, in a sentence or two, Good when every channel got it.
   */
  private async share(customer: CustomerReport, view: PortfolioView, turn: Turn): Promise<{ text: string; color: 'Good' | 'Warning' }> {
    const key = customerKey(customer);
    const history = view.historyOf(customer);
    const cards = cardSettings(view, this.cards.links);
    const linked = channelsFor(await this.state.read(), key);
    // A channel linked while its tenant was allowed gets nothing once it no longer is.
    const targets = linked.filter((t) => this.allowsTenant(t.tenantId));
    const outside = linked.length - targets.length;
    if (targets.length === 0) {
      return {
        text:
          outside > 0
            ? `The channels that follow ${name(customer.customer)} are outside your allowed tenants, so nothing was shared. Link a channel of your own tenant, then share again.`
            : `No channel follows ${name(customer.customer)} yet. In the account team's channel, say "@${turn.conversation?.bot.name ?? 'Adoption'} link this channel to ${name(customer.customer)}", then share again.`,
        color: 'Warning',
      };
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
    return { text, color: failed.length > 0 ? 'Warning' : 'Good' };
  }
}
