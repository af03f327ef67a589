import type { BotState, Subscription } from '../proactive/bot-state.js';

/** How long "Mute" on an alert silences that customer in that conversation. */
export const MUTE_DAYS = 30;

/** Adds a subscription, replacing the conversation's earlier one for the same scope (every customer, or that customer). */
export function subscribe(state: BotState, subscription: Subscription): void {
  const sameScope = (s: Subscription): boolean =>
    s.conversationId === subscription.conversationId && (s.customer?.key ?? null) === (subscription.customer?.key ?? null);
  state.subscriptions = [...state.subscriptions.filter((s) => !sameScope(s)), subscription];
}

/** Removes every subscription of the conversation; how many there were. */
export function unsubscribe(state: BotState, conversationId: string): number {
  const before = state.subscriptions.length;
  state.subscriptions = state.subscriptions.filter((s) => s.conversationId !== conversationId);
  return before - state.subscriptions.length;
}

export function subscriptionsOf(state: BotState, conversationId: string): Subscription[] {
  return state.subscriptions.filter((s) => s.conversationId === conversationId);
}

export const muteKey = (conversationId: string, customerKey: string): string => `${conversationId}|${customerKey}`;

export function mute(state: BotState, conversationId: string, customerKey: string, now: Date): string {
  const until = new Date(now.getTime() + MUTE_DAYS * 86_400_000).toISOString();
  state.mutes[muteKey(conversationId, customerKey)] = until;
  return until;
}

/** Ends a mute before its time; whether there was one running. */
export function unmute(state: BotState, conversationId: string, customerKey: string, now: Date): boolean {
  const key = muteKey(conversationId, customerKey);
  const running = isMuted(state, conversationId, customerKey, now);
  delete state.mutes[key];
  return running;
}

export function isMuted(state: BotState, conversationId: string, customerKey: string, now: Date): boolean {
  const until = state.mutes[muteKey(conversationId, customerKey)];
  return until !== undefined && until > now.toISOString();
}

/** Mutes that ran out are dropped. */
export function dropExpiredMutes(state: BotState, now: Date): void {
  const at = now.toISOString();
  for (const [key, until] of Object.entries(state.mutes)) if (until <= at) delete state.mutes[key];
}
