import type { BotState } from '../proactive/bot-state.js';
import { describeTarget } from '../proactive/conversation-target.js';
import type { AlertRun } from './alerts.js';

/** One run, for the log and the command line. */
export function describeAlertRun(run: AlertRun): string[] {
  const { evaluation, delivery } = run;
  const lines = [
    `Alerts: ${evaluation.alerts} customer alert${evaluation.alerts === 1 ? '' : 's'}${evaluation.weekly > 0 ? ` and ${evaluation.weekly} weekly to-do${evaluation.weekly === 1 ? '' : 's'}` : ''} in ${evaluation.entries.length} new message${evaluation.entries.length === 1 ? '' : 's'}.`,
  ];
  if (delivery.busy) lines.push('Another process is delivering the outbox; the new messages go out with it.');
  else
    lines.push(
      `Delivered ${delivery.delivered}, parked ${delivery.failed}${delivery.forgotten > 0 ? ` (${delivery.forgotten} to conversations the bot was removed from)` : ''}.`,
    );
  return lines;
}

/** `adoption alerts status`: subscriptions, the outbox, and every parked alert with its reason. */
export function describeAlertStatus(state: BotState): string[] {
  const count = (status: string): number => state.outbox.filter((e) => e.status === status).length;
  const where = (id: string): string => {
    const target = state.conversations[id];
    return target ? describeTarget(target) : id;
  };
  const lines = [
    `Conversations: ${Object.keys(state.conversations).length}, subscribed to alerts: ${new Set(state.subscriptions.map((s) => s.conversationId)).size}, weekly to-do: ${Object.keys(state.weekly ?? {}).length}, channel links: ${state.links.length}.`,
    `Outbox: ${count('pending')} pending, ${count('delivered')} delivered, ${count('failed')} parked.`,
  ];
  for (const e of state.outbox) {
    if (e.status === 'failed') lines.push(`  parked ${e.id} to ${where(e.conversationId)} (${e.customers.join(', ')}): ${e.reason}`);
  }
  return lines;
}
