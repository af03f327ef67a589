import { randomUUID } from 'node:crypto';
import { actionRow } from '../metrics/findings.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { BotState, PendingEntry } from '../proactive/bot-state.js';

/**
 * A weekly to-do is due this long after the last one: six and a half days, so a daily sync at the
 * same hour next week qualifies even when it starts a few seconds earlier.
 */
export const WEEKLY_DUE_MS = 6.5 * 86_400_000;

/**
 * Puts the weekly to-do in the outbox of every conversation that asked for it and is due, and
 * notes when; with nothing to act on, nothing is sent and the week stays open. Pure but for `newId`.
 */
export function evaluateWeekly(
  state: BotState,
  /** The customers to act on, the most urgent first (PortfolioView.needingAction). */
  toAct: readonly CustomerReport[],
  allowsTenant: (tenantId: string | null) => boolean,
  now: Date,
  newId: () => string = randomUUID,
): PendingEntry[] {
  if (toAct.length === 0) return [];
  const rows = toAct.map((c) => actionRow(c, now.toISOString()));
  const entries: PendingEntry[] = [];
  for (const [conversationId, digest] of Object.entries(state.weekly ?? {})) {
    const where = state.conversations[conversationId];
    if (where === undefined || !allowsTenant(where.tenantId)) continue;
    if (digest.lastSent !== null && now.getTime() - Date.parse(digest.lastSent) < WEEKLY_DUE_MS) continue;
    entries.push({ id: newId(), conversationId, createdAt: now.toISOString(), status: 'pending', message: { kind: 'weekly', rows } });
    state.weekly![conversationId] = { ...digest, lastSent: now.toISOString() };
  }
  state.outbox.push(...entries);
  return entries;
}
