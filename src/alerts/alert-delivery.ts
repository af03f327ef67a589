import { alertCard, digestCard, weeklyCard } from '../cards/alert-card.js';
import type { Reply } from '../cards/card.js';
import type { AppendLog, Lease } from '../data/store/state-store.js';
import type { BotStateStore, PendingEntry } from '../proactive/bot-state.js';
import type { ConversationTarget } from '../proactive/conversation-target.js';
import type { ProactiveSender } from '../proactive/proactive-sender.js';
import type { AlertMessage } from './alert.js';
import { applyReceipts, type DeliveryOutcome, type Receipt } from './delivery-receipts.js';
import { pendingEntries } from './outbox.js';

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
  if (message.kind === 'alert') return alertCard(message.alert, id);
  return message.kind === 'digest' ? digestCard(message.alerts) : weeklyCard(message.rows);
}

/**
 * Empties the outbox: every pending entry is sent through the ProactiveSender and its outcome
 * appended to a receipt log as soon as it is known (the log is folded into the state document
 * when the run ends, or at the start of the next one after a crash). Entries added meanwhile (by this process or
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
    private readonly receipts: AppendLog<Receipt>,
    private readonly clock: () => Date = () => new Date(),
    private readonly concurrency = DELIVERY_CONCURRENCY,
  ) {}

  /** Delivers what is pending; a call during a run makes that run look again before it ends. */
  deliver(): Promise<DeliveryReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drainOnce();
    return this.running;
  }

  private async drainOnce(): Promise<DeliveryReport> {
    try {
      let report = await this.drain();
      // A deliver() that came after the run's last look at the outbox (its entries written too late
      // for that look) is answered by this run: look again before answering.
      while (this.again && !this.stopping && !report.busy) {
        this.again = false;
        const next = await this.drain();
        report = {
          busy: false,
          delivered: report.delivered + next.delivered,
          failed: report.failed + next.failed,
          forgotten: report.forgotten + next.forgotten,
        };
      }
      return report;
    } finally {
      // Before any caller resumes: a deliver() made the moment this run ends starts a new one.
      this.running = null;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  private async drain(): Promise<DeliveryReport> {
    let release = await this.lease(OUTBOX_LEASE);
    if (release === null) return { busy: true, delivered: 0, failed: 0, forgotten: 0 };
    const report: Tally = { delivered: 0, failed: 0, forgotten: 0 };
    const seen = new Set<string>();
    while (release !== null) {
      try {
        await this.drainHeld(report, seen);
      } finally {
        await release().catch(() => undefined);
      }
      // A process that added entries while this one held the outbox found it busy and left them to
      // this one: look again now the lease is free, and take them if nobody else has.
      if (this.stopping || !pendingEntries(await this.store.latest()).some((e) => !seen.has(e.id))) break;
      release = await this.lease(OUTBOX_LEASE);
    }
    return { busy: false, ...report };
  }

  private async drainHeld(report: Tally, seen: Set<string>): Promise<void> {
    // Receipts a stop or a crash left behind settle their entries before anything is sent.
    await this.compact();
    // Each outcome is appended to the receipt log as soon as it is known, without holding up the
    // next send; the log is folded into the state document once, when the run ends.
    const recording: Promise<void>[] = [];
    const gone = new Set<string>();
    do {
      this.again = false;
      // Read as stored now, not as cached: entries another process added a moment ago are this holder's to send.
      const state = await this.store.latest();
      const fresh = pendingEntries(state).filter((e) => !seen.has(e.id));
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
            recording.push((await this.one(entry, state.conversations[entry.conversationId], gone, report)).recorded);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
      if (queue.length === 0 && !this.stopping) {
        // Another process may have added entries since the read above.
        const more = pendingEntries(await this.store.latest()).some((e) => !seen.has(e.id));
        this.again ||= more;
      }
    } while (this.again && !this.stopping);
    await Promise.all(recording);
    await this.compact();
  }

  /** Sends one entry; resolves once sent, with the promise of its receipt being on disk. */
  private async one(
    entry: PendingEntry,
    target: ConversationTarget | undefined,
    gone: Set<string>,
    report: Tally,
  ): Promise<{ recorded: Promise<void> }> {
    const at = this.clock().toISOString();
    const record = (outcome: DeliveryOutcome): { recorded: Promise<void> } => ({
      recorded: this.receipts.append([{ id: entry.id, at, ...outcome }]),
    });
    if (!target || gone.has(entry.conversationId)) {
      report.failed++;
      return record({ ok: false, reason: 'the bot no longer knows this conversation', attempts: 0, goneFrom: null });
    }
    const outcome = await this.sender.send(target, alertReply(entry.id, entry.message));
    if (outcome.ok) {
      report.delivered++;
      return record({ ok: true, deliveredAs: outcome.id });
    }
    report.failed++;
    if (outcome.gone) {
      report.forgotten++;
      gone.add(entry.conversationId);
    }
    return record({ ok: false, reason: outcome.reason, attempts: outcome.attempts, goneFrom: outcome.gone ? entry.conversationId : null });
  }

  /** Folds the receipt log into the state document in one change, then clears it. */
  private async compact(): Promise<void> {
    const receipts = await this.receipts.readAll();
    if (receipts.length === 0) return;
    await this.store.update((s) => applyReceipts(s, receipts));
    await this.receipts.clear();
  }
}
