import { markFailed } from '../alerts/outbox.js';
import type { BotState } from './bot-state.js';
import { mergeSighting, sameTarget, type ConversationTarget } from './conversation-target.js';

/** Keeps the newest sighting of a conversation; false when nothing changed (no write needed). */
export function remember(state: BotState, target: ConversationTarget): boolean {
  if (isRemembered(state, target)) return false;
  state.conversations[target.id] = mergeSighting(state.conversations[target.id], target);
  return true;
}

/** Whether this sighting is already stored as it is: lets a turn skip the write. */
export function isRemembered(state: BotState, target: ConversationTarget): boolean {
  const held = state.conversations[target.id];
  return held !== undefined && sameTarget(held, mergeSighting(held, target));
}

/**
 * The bot was removed from a conversation, or Teams refused to deliver to it: forget where it was,
 * who subscribed there, which customers it followed, its mutes and pause; pending alerts to it are parked.
 */
export function forgetConversation(state: BotState, conversationId: string, reason: string, now: Date): void {
  delete state.conversations[conversationId];
  state.subscriptions = state.subscriptions.filter((s) => s.conversationId !== conversationId);
  state.links = state.links.filter((l) => l.conversationId !== conversationId);
  if (state.weekly) delete state.weekly[conversationId];
  if (state.paused) delete state.paused[conversationId];
  for (const key of Object.keys(state.mutes)) if (key.startsWith(`${conversationId}|`)) delete state.mutes[key];
  for (const key of Object.keys(state.alerted)) if (key.startsWith(`${conversationId}|`)) delete state.alerted[key];
  for (const e of state.outbox) {
    if (e.conversationId === conversationId) markFailed(state, e.id, reason, 0, now);
  }
}

/** The bot left a team: every channel of it goes. */
export function forgetTeam(state: BotState, teamId: string, reason: string, now: Date): string[] {
  const gone = Object.values(state.conversations)
    .filter((c) => c.teamId === teamId)
    .map((c) => c.id);
  for (const id of gone) forgetConversation(state, id, reason, now);
  return gone;
}
