import type { BotState, ChannelLink } from '../proactive/bot-state.js';
import type { ConversationTarget } from '../proactive/conversation-target.js';

/** Links a channel to a customer; false when it already was. Several channels may follow one customer. */
export function link(state: BotState, added: ChannelLink): boolean {
  const exists = state.links.some((l) => l.conversationId === added.conversationId && l.customer.key === added.customer.key);
  if (!exists) state.links = [...state.links, added];
  return !exists;
}

/** Unlinks the channel from one customer (by key), or from every one it followed; the customers it no longer follows. */
export function unlink(state: BotState, conversationId: string, customerKey: string | null = null): string[] {
  const going = (l: ChannelLink): boolean =>
    l.conversationId === conversationId && (customerKey === null || l.customer.key === customerKey);
  const gone = state.links.filter(going).map((l) => l.customer.name);
  state.links = state.links.filter((l) => !going(l));
  return gone;
}

/** The channels a customer's cards are shared to (only those the bot still knows). */
export function channelsFor(state: BotState, customerKey: string): ConversationTarget[] {
  return state.links
    .filter((l) => l.customer.key === customerKey)
    .map((l) => state.conversations[l.conversationId])
    .filter((t): t is ConversationTarget => t !== undefined);
}
