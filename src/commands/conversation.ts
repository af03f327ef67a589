import { commandForAction } from '../cards/actions.js';
import type { Reply } from '../cards/card.js';
import type { CardSettings } from '../cards/customer-card.js';
import { welcomeCard, type Scope } from '../cards/help-card.js';
import type { PortfolioCache } from '../portfolio/portfolio-cache.js';
import { answer } from './answer.js';
import { parseCommand } from './command.js';

/**
 * Everything the bot says, independent of the bot framework: text or a button in, a card out.
 * Answers come from the cached portfolio; nothing here calls Partner Center or Graph.
 */
export class Conversation {
  constructor(
    private readonly portfolio: PortfolioCache,
    private readonly settings: CardSettings,
  ) {}

  async reply(text: string, scope: Scope): Promise<Reply> {
    return answer(parseCommand(text), await this.portfolio.view(), this.settings, scope);
  }

  /** A card button (Action.Execute); null when the verb or its data is not one this bot sends. */
  async act(verb: string, data: unknown, scope: Scope): Promise<Reply | null> {
    const command = commandForAction(verb, data);
    return command === null ? null : answer(command, await this.portfolio.view(), this.settings, scope);
  }

  async welcome(scope: Scope): Promise<Reply> {
    return welcomeCard(await this.portfolio.view(), scope);
  }
}
