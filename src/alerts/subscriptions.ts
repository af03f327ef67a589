import type { BotState, Subscription } from '../proactive/bot-state.js';
import { DAY_MS } from '../time.js';

/** How long "Mute" on an alert (or "mute Contoso") silences that customer in that conversation. */
export const MUTE_DAYS = 30;
/** The longest mute that may be asked for ("mute Contoso for 2 years" mutes it for a year). */
export const MAX_MUTE_DAYS = 365;

/** Adds a subscription, replacing the conversation's earlier one for the same scope (every customer, or that customer). */
export function subscribe(state: BotState, subscription: Subscription): void {
  const sameScope = (s: Subscription): boolean =>
    s.conversationId === subscription.conversationId && (s.customer?.key ?? null) === (subscription.customer?.key ?? null);
  state.subscriptions = [...state.subscriptions.filter((s) => !sameScope(s)), subscription];
}

/** Removes every subscription of the conversation, and its pause; how many there were. */
export function unsubscribe(state: BotState, conversationId: string): number {
  const before = state.subscriptions.length;
  state.subscriptions = state.subscriptions.filter((s) => s.conversationId !== conversationId);
  if (state.paused) delete state.paused[conversationId];
  return before - state.subscriptions.length;
}

export function subscriptionsOf(state: BotState, conversationId: string): Subscription[] {
  return state.subscriptions.filter((s) => s.conversationId === conversationId);
}

export const muteKey = (conversationId: string, customerKey: string): string => `${conversationId}|${customerKey}`;

/** When a mute or pause of so many days (at most MAX_MUTE_DAYS) from now ends (ISO time). */
const untilAfter = (now: Date, days: number): string => new Date(now.getTime() + Math.min(days, MAX_MUTE_DAYS) * DAY_MS).toISOString();

/** Mutes the customer there for so many days (at most MAX_MUTE_DAYS); until when. */
export function mute(state: BotState, conversationId: string, customerKey: string, now: Date, days = MUTE_DAYS): string {
  const until = untilAfter(now, days);
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

/** Pauses every alert to the conversation for so many days (at most MAX_MUTE_DAYS), "pause alerts for a week"; until when. */
export function pause(state: BotState, conversationId: string, now: Date, days = MUTE_DAYS): string {
  const until = untilAfter(now, days);
  state.paused ??= {};
  state.paused[conversationId] = until;
  return until;
}

/** Until when the conversation's alerts are paused; null when they are not. */
export function pausedUntil(state: BotState, conversationId: string, now: Date): string | null {
  const until = state.paused?.[conversationId];
  return until !== undefined && until > now.toISOString() ? until : null;
}

/** Ends a pause before its time; whether there was one running. */
export function resume(state: BotState, conversationId: string, now: Date): boolean {
  const running = pausedUntil(state, conversationId, now) !== null;
  if (state.paused) delete state.paused[conversationId];
  return running;
}

/** Mutes and pauses that ran out are dropped. */
export function dropExpiredMutes(state: BotState, now: Date): void {
  const at = now.toISOString();
  for (const [key, until] of Object.entries(state.mutes)) if (until <= at) delete state.mutes[key];
  for (const [conversationId, until] of Object.entries(state.paused ?? {})) if (until <= at) delete state.paused![conversationId];
}
