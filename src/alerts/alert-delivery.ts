import { alertCard, digestCard } from '../cards/alert-card.js';
import type { Reply } from '../cards/card.js';
import type { Lease } from '../data/store/state-store.js';
import type { BotStateStore, PendingEntry } from '../proactive/bot-state.js';
import { forgetConversation } from '../proactive/conversations.js';
import type { ProactiveSender } from '../proactive/proactive-sender.js';
import type { AlertMessage } from './alert.js';
import { markDelivered, markFailed, pendingEntries } from './outbox.js';

export interface DeliveryReport {
  /** Another process holds the outbox and delivers; this run sent nothing. */
  readonly busy: boolean;
  readonly delivered: number;
  readonly failed: number;
  /** Conversations forgotten because Teams said the bot was removed or blocked there (403/404). */
  readonly forgotten: number;
}

type Tally = { -readonly [K in 'delivered' | 'failed' | 'forgotten']: number };

/** The lease one process holds while it empties the outbox. */
export const OUTBOX_LEASE = 'alert-outbox';

/** Sends waiting at once; the rate gate decides when each may go. */
export const DELIVERY_CONCURRENCY = 64;

export function alertReply(id: string, message: AlertMessage): Reply {
  return message.kind === 'alert' ? alertCard(message.alert, id) : digestCard(message.alerts);
}

/**
 * Empties the outbox: every pending entry is sent through the ProactiveSender and its outcome
 * recorded in the store as soon as it is known. Entries added meanwhile (by this process or
 * another) are picked up before it returns. stop() lets the sends under way finish and be
 * recorded, and takes no new ones, so a restart resumes exactly where this left off.
 */
export class AlertDelivery {
  private running: Promise<DeliveryReport> | null = null;
  private again = false;
  private stopping = false;

  constructor(
    private readonly store: BotStateStore,
    private readonly sender: ProactiveSender,
    private readonly lease: Lease,
    private readonly clock: () => Date = () => new Date(),
    private readonly concurrency = DELIVERY_CONCURRENCY,
  ) {}

  /** Delivers what is pending; a call during a run makes that run look again before it ends. */
  deliver(): Promise<DeliveryReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  private async drain(): Promise<DeliveryReport> {
    const release = await this.lease(OUTBOX_LEASE);
    if (release === null) return { busy: true, delivered: 0, failed: 0, forgotten: 0 };
    try {
      return { busy: false, ...(await this.drainHeld()) };
    } finally {
      await release().catch(() => undefined);
    }
  }

  private async drainHeld(): Promise<Tally> {
    const report: Tally = { delivered: 0, failed: 0, forgotten: 0 };
    // Outcomes are written as soon as they are known, without holding up the next send; all are
    // on disk before the run (or a stop) returns.
    const recording: Promise<void>[] = [];
    const seen = new Set<string>();
    do {
      this.again = false;
      const fresh = pendingEntries(await this.store.read()).filter((e) => !seen.has(e.id));
      fresh.forEach((e) => seen.add(e.id));
      // One conversation's alerts go one after the other, in the order they were made (worst first);
      // conversations go in parallel.
      const groups = new Map<string, PendingEntry[]>();
      for (const e of fresh) groups.set(e.conversationId, [...(groups.get(e.conversationId) ?? []), e]);
      const queue = [...groups.values()];
      const worker = async (): Promise<void> => {
        for (let group = queue.shift(); group && !this.stopping; group = queue.shift()) {
          for (const entry of group) {
            if (this.stopping) return;
            recording.push((await this.one(entry, report)).recorded);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
      if (queue.length === 0 && !this.stopping) {
        // Another process may have added entries since the read above.
        const more = pendingEntries(await this.store.read()).some((e) => !seen.has(e.id));
        this.again ||= more;
      }
    } while (this.again && !this.stopping);
    await Promise.all(recording);
    return report;
  }

  /** Sends one entry; resolves once sent, with the promise of its outcome being on disk. */
  private async one(entry: PendingEntry, report: Tally): Promise<{ recorded: Promise<void> }> {
    const target = (await this.store.read()).conversations[entry.conversationId];
    if (!target) {
      report.failed++;
      const recorded = this.store.update((s) => markFailed(s, entry.id, 'the bot no longer knows this conversation', 0, this.clock()));
      return { recorded: recorded.then(() => undefined) };
    }
    const outcome = await this.sender.send(target, alertReply(entry.id, entry.message));
    if (outcome.ok) report.delivered++;
    else {
      report.failed++;
      if (outcome.gone) report.forgotten++;
    }
    const recorded = this.store.update((s) => {
      if (outcome.ok) return markDelivered(s, entry.id, outcome.id, this.clock());
      const parked = markFailed(s, entry.id, outcome.reason, outcome.attempts, this.clock());
      if (outcome.gone) forgetConversation(s, entry.conversationId, outcome.reason, this.clock());
      return parked;
    });
    return { recorded: recorded.then(() => undefined) };
  }
}
