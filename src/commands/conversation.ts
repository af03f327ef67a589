import { buttons, commandForAction, pageRequest, pressed, type PageDirection, type PageRequest } from '../cards/actions.js';
import type { Reply } from '../cards/card.js';
import { listEndCard, moreCard } from '../cards/list-cards.js';
import { messageCard, roleCard } from '../cards/message-cards.js';
import { cardSettings, customerCard, type CardSettings } from '../cards/customer-card.js';
import { name, percentText } from '../cards/text.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { Scope } from '../cards/command-guide.js';
import { welcomeCard } from '../cards/help-card.js';
import { dataStatusCard } from '../cards/data-status-card.js';
import type { SyncStatus } from '../sync/sync-log.js';
import type { PortfolioCache } from '../portfolio/portfolio-cache.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { answer } from './answer.js';
import { isQuestion, isSettings, needsAdmin, parseCommand, type Command } from './command.js';
import type { Settings } from './settings.js';
import type { Turn } from './turn.js';
import { RecentReplies } from './recent-replies.js';

const ADMINS_ONLY = messageCard(
  "Only the bot's admins can change alerts, channel links and thresholds.",
  ['You can still open every card and share it to its account channel. Ask one of the admins to make the change.'],
  [buttons.help()],
);

/** Results the compose box lists for a search. */
const SEARCH_RESULTS = 10;

export interface SearchResult {
  readonly title: string;
  readonly subtitle: string;
  readonly reply: Reply;
}

/**
 * Everything the bot says, independent of the bot framework: text or a button in, a card out.
 * Answers come from the cached portfolio; nothing here calls Partner Center or Graph.
 */
export class Conversation {
  constructor(
    private readonly portfolio: PortfolioCache,
    /** Where the advice points; the thresholds come with the portfolio (an admin may change them in chat). */
    private readonly advice: Pick<CardSettings, 'links'>,
    private readonly changes: Settings,
    /** The sync schedule and the last sync, for "when was the data last updated?". */
    private readonly syncStatus: () => Promise<SyncStatus>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The last list or customer question each person was shown, for "more" and "and Fabrikam?". */
  private readonly recent = new RecentReplies();

  /** What was typed; what it shows is what a typed follow-up ("more", "and Fabrikam?") goes on from. */
  async reply(text: string, turn: Turn): Promise<Reply> {
    const parsed = parseCommand(text);
    if (parsed.kind === 'more') return this.turnPage(parsed.direction, turn);
    const command = parsed.kind === 'follow-up' ? this.followed(parsed.query, turn) : parsed;
    // A page button carries the words as read: spaces collapsed, case kept.
    return this.recent.note(turn, await this.run(command, turn, { origin: { text: text.replace(/\s+/g, ' ').trim() }, from: 0 }), true);
  }

  /** "and Fabrikam?": what was last asked of a customer here, asked of this one; or its card. */
  private followed(query: string, turn: Turn): Command {
    const focus = this.recent.focus(turn);
    return focus === null ? { kind: 'customer', query, explicit: true } : { kind: 'customer-focus', query, focus };
  }

  /**
   * A card button (Action.Execute); null when the verb or its data is not one this bot sends. A
   * page button asks its list's question again, and only a question: it never changes a setting.
   */
  async act(verb: string, data: unknown, turn: Turn): Promise<Reply | null> {
    if (verb === 'page') {
      const page = pageRequest(data);
      const reply = page === null ? null : await this.page(page, turn);
      return reply === null ? null : this.recent.note(turn, reply, false);
    }
    const command = commandForAction(verb, data);
    const origin = pressed(verb, data);
    return command === null || origin === null ? null : this.recent.note(turn, await this.run(command, turn, { origin, from: 0 }), false);
  }

  /**
   * The message extension's search: customers whose name matches, each with its card; with nothing
   * typed yet, the lowest customers first.
   */
  async search(text: string): Promise<SearchResult[]> {
    const view = await this.portfolio.view();
    const query = text.trim();
    let customers: readonly CustomerReport[];
    if (query === '') customers = view.customers;
    else {
      const found = view.find(query);
      customers = found.kind === 'one' ? [found.customer] : found.kind === 'several' ? found.customers : found.closest;
    }
    return customers.slice(0, SEARCH_RESULTS).map((c) => ({
      title: name(c.customer),
      subtitle: `Deployment ${percentText(c.deploymentPercent)} · usage ${percentText(c.usagePercent)}`,
      reply: customerCard(c, this.cards(view), view.historyOf(c)),
    }));
  }

  /** A page of a list: its question asked again, if it is one; null for anything else. */
  private async page(page: PageRequest, turn: Turn): Promise<Reply | null> {
    const { origin } = page;
    const command = 'text' in origin ? parseCommand(origin.text) : commandForAction(origin.verb, origin.data);
    return command !== null && isQuestion(command) ? this.run(command, turn, page) : null;
  }

  /** "more", "previous": the page that way of the last list shown to this person here. */
  private async turnPage(direction: PageDirection, turn: Turn): Promise<Reply> {
    const pages = this.recent.list(turn);
    if (pages === null) return moreCard();
    const page = pages[direction];
    if (page === null) return listEndCard(pages, direction);
    return this.recent.note(turn, (await this.page(page, turn)) ?? moreCard(), true);
  }

  async welcome(scope: Scope): Promise<Reply> {
    return welcomeCard(await this.portfolio.view(), scope);
  }

  private async run(command: Command, turn: Turn, page: PageRequest): Promise<Reply> {
    if (needsAdmin(command) && turn.role !== 'admin') return ADMINS_ONLY;
    if (isSettings(command)) return this.changes.handle(command, turn);
    if (command.kind === 'data-status') return dataStatusCard(await this.portfolio.view(), await this.syncStatus(), this.clock());
    if (command.kind === 'my-role') return roleCard(turn.role);
    const view = await this.portfolio.view();
    return answer(command, view, this.cards(view), turn.scope, page);
  }

  /** What the cards read: the thresholds in force, the configured links. */
  private cards(view: PortfolioView): CardSettings {
    return cardSettings(view, this.advice.links);
  }
}
