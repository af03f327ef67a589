import type { AppendLog } from '../data/store/state-store.js';
import type { Storage } from '../data/store/storage.js';
import type { BotState } from '../proactive/bot-state.js';
import { forgetConversation } from '../proactive/conversations.js';
import { markDelivered, markFailed, outboxIndex } from './outbox.js';

/** How an outbox entry's send ended. */
export type DeliveryOutcome =
  | { readonly ok: true; readonly deliveredAs: string }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly attempts: number;
      /** Set when Teams said the bot is gone from that conversation (403/404): forget it. */
      readonly goneFrom: string | null;
    };

/** What happened to one outbox entry, and when, written the moment it is known. */
export type Receipt = DeliveryOutcome & { readonly id: string; readonly at: string };

/**
 * Folds receipts into the outbox: entries delivered or parked, conversations the bot was removed
 * from forgotten. Applying the same receipts twice changes nothing (settled entries stay settled).
 */
export function applyReceipts(state: BotState, receipts: readonly Receipt[]): void {
  if (receipts.length === 0) return;
  const index = outboxIndex(state);
  for (const r of receipts) {
    const at = new Date(r.at);
    if (r.ok) markDelivered(state, r.id, r.deliveredAs, at, index);
    else {
      markFailed(state, r.id, r.reason, r.attempts, at, index);
      if (r.goneFrom !== null) forgetConversation(state, r.goneFrom, r.reason, at);
    }
  }
}

/** The receipt log's name: alert-receipts.jsonl in the data folder, or the append blob of that name. */
export const RECEIPTS = 'alert-receipts';

export function openReceiptLog(storage: Storage): AppendLog<Receipt> {
  return storage.log<Receipt>(RECEIPTS);
}
