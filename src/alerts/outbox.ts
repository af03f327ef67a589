import type { BotState, OutboxEntry, PendingEntry } from '../proactive/bot-state.js';
import { customersOf } from './alert.js';

/** How long delivered and parked entries stay visible to `adoption alerts status`. */
export const OUTBOX_KEEP_DAYS = 30;

export function pendingEntries(state: BotState): PendingEntry[] {
  return state.outbox.filter((e): e is PendingEntry => e.status === 'pending');
}

/** Where each entry sits in the outbox, for settling many at once (settling never moves entries). */
export type OutboxIndex = ReadonlyMap<string, number>;

export function outboxIndex(state: BotState): OutboxIndex {
  return new Map(state.outbox.map((e, i) => [e.id, i]));
}

function settle(state: BotState, id: string, settled: (entry: PendingEntry) => OutboxEntry, index?: OutboxIndex): boolean {
  const at = index?.get(id) ?? state.outbox.findIndex((e) => e.id === id);
  const entry = state.outbox[at];
  if (entry?.status !== 'pending') return false;
  state.outbox[at] = settled(entry);
  return true;
}

/** Records a delivery; false when the entry was not pending any more (settled by someone else). */
export function markDelivered(state: BotState, id: string, deliveredAs: string, now: Date, index?: OutboxIndex): boolean {
  return settle(
    state,
    id,
    (e) => ({
      id: e.id,
      conversationId: e.conversationId,
      createdAt: e.createdAt,
      status: 'delivered',
      at: now.toISOString(),
      deliveredAs,
      customers: customersOf(e.message),
    }),
    index,
  );
}

/** Parks an entry that could not be delivered, with the reason. */
export function markFailed(state: BotState, id: string, reason: string, attempts: number, now: Date, index?: OutboxIndex): boolean {
  return settle(
    state,
    id,
    (e) => ({
      id: e.id,
      conversationId: e.conversationId,
      createdAt: e.createdAt,
      status: 'failed',
      at: now.toISOString(),
      reason,
      attempts,
      customers: customersOf(e.message),
    }),
    index,
  );
}

/** Drops settled entries older than OUTBOX_KEEP_DAYS; pending ones always stay. */
export function pruneOutbox(state: BotState, now: Date): void {
  const cutoff = new Date(now.getTime() - OUTBOX_KEEP_DAYS * 86_400_000).toISOString();
  state.outbox = state.outbox.filter((e) => e.status === 'pending' || e.at >= cutoff);
}
