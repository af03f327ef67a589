import type { BotState, ChannelLink } from '../proactive/bot-state.js';
import type { ConversationTarget } from '../proactive/conversation-target.js';

/** Links a channel to a customer; false when it already was. Several channels may follow one customer. */
export function link(state: BotState, added: ChannelLink): boolean {
  const exists = state.links.some((l) => l.conversationId === added.conversationId && l.customer.key === added.customer.key);
  if (!exists) state.links = [...state.links, added];
  return !exists;
}

/** Unlinks the channel from every customer it followed; the customers it followed. */
export function unlink(state: BotState, conversationId: string): string[] {
  const gone = state.links.filter((l) => l.conversationId === conversationId).map((l) => l.customer.name);
  state.links = state.links.filter((l) => l.conversationId !== conversationId);
  return gone;
}

/** The channels a customer's cards are shared to (only those the bot still knows). */
export function channelsFor(state: BotState, customerKey: string): ConversationTarget[] {
  return state.links
    .filter((l) => l.customer.key === customerKey)
    .map((l) => state.conversations[l.conversationId])
    .filter((t): t is ConversationTarget => t !== undefined);
}
