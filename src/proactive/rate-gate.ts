/**
 * Teams' limits on what a bot may send, as sliding windows: no window of `perMs` milliseconds ever
 * holds more than `count` sends. One gate holds the limits per conversation and per tenant, and
 * grants a send only when every window it falls in has room, so bursts never overshoot. Replies
 * in a turn do not wait for it, but Teams counts them in the same limits, so they are noted in it.
 *
 * A try Teams refused as throttled (429) was not taken, so while refusals are rare its slot is
 * handed back and the next waiter goes at once. Teams also refuses when the tenant is over its
 * limit by Teams' own count, which includes sends this gate never sees (another instance, another
 * app's share of the tenant); handing slots back then would pour more tries into the refusals. So
 * refunds are budgeted: at most a tenth of each tenant window. Once the budget is spent, refused
 * tries count like any other, and no more than 1.1x Teams' limit ever reaches Teams.
 */

export interface WindowLimit {
  readonly count: number;
  readonly perMs: number;
}

export interface SendLimits {
  /** Per conversation (Teams: per bot per thread). */
  readonly conversation: readonly WindowLimit[];
  /** Per tenant, for the whole app. */
  readonly tenant: readonly WindowLimit[];
}

/** As Teams documents them: 7 per second, 8 per 2 s, 60 per 30 s, 1,800 per hour per conversation; 50 per second per tenant. */
export const TEAMS_SEND_LIMITS: SendLimits = {
  conversation: [
    { count: 7, perMs: 1_000 },
    { count: 8, perMs: 2_000 },
    { count: 60, perMs: 30_000 },
    { count: 1_800, perMs: 3_600_000 },
  ],
  tenant: [{ count: 50, perMs: 1_000 }],
};

/** The same limits on a clock running `factor` times faster (benchmarks). */
export function scaledLimits(limits: SendLimits, factor: number): SendLimits {
  const scale = (l: WindowLimit): WindowLimit => ({ count: l.count, perMs: l.perMs / factor });
  return { conversation: limits.conversation.map(scale), tenant: limits.tenant.map(scale) };
}

/** The times of the last sends under one set of windows, enough of them to answer for the largest. */
class SendLog {
  private readonly times: number[] = [];
  /** Times enough for the largest window. */
  private readonly keep: number;
  constructor(private readonly limits: readonly WindowLimit[]) {
    this.keep = Math.max(...limits.map((l) => l.count));
  }

  /** The earliest time a new send fits every window. */
  freeAt(now: number): number {
    let at = now;
    for (const { count, perMs } of this.limits) {
      if (this.times.length >= count) at = Math.max(at, this.times[this.times.length - count]! + perMs);
    }
    return at;
  }

  record(time: number): void {
    this.times.push(time);
    if (this.times.length > this.keep * 2) this.times.splice(0, this.times.length - this.keep);
  }

  /** Takes back one send recorded at `time` (the times stay in order). */
  remove(time: number): void {
    const at = this.times.lastIndexOf(time);
    if (at >= 0) this.times.splice(at, 1);
  }

  /** Nothing in it constrains a send at `now` any more. */
  idle(now: number): boolean {
    const last = this.times.at(-1);
    return last === undefined || this.limits.every((l) => last + l.perMs <= now);
  }
}

/** Sends to conversations whose tenant is not known share one tenant's windows. */
const tenantKey = (tenantId: string | null): string => tenantId ?? 'unknown-tenant';

/** Conversations kept before idle ones are looked for. */
const FORGET_OVER = 10_000;

/** The share of each tenant window that refused tries may be handed back for. */
const REFUND_SHARE = 0.1;

/** A send the gate counts, from the moment it was handed over. */
export interface Counted {
  /**
   * It reached Teams: it counts from now, as Teams counts it on receipt, so a slow send cannot
   * leave less than a window between it and the next one as Teams sees them.
   */
  delivered(): void;
}

/** A send the gate let go. */
export interface Grant extends Counted {
  /** Teams refused the try as throttled (429): its slot is handed back if the tenant's refund budget allows. */
  refund(): void;
}

interface Waiter {
  readonly tenant: string;
  readonly conversation: string;
  readonly grant: (grant: Grant) => void;
}

export class RateGate {
  private readonly conversations = new Map<string, SendLog>();
  private readonly tenants = new Map<string, SendLog>();
  /** Refunded tries per tenant, against the refund budget. */
  private readonly refunds = new Map<string, SendLog>();
  /** The refund budget's windows; null when some window's tenth is less than one send (no refunds). */
  private readonly refundLimits: readonly WindowLimit[] | null;
  private readonly waiting: Waiter[] = [];
  /** Waiters per tenant, so a pump stops scanning once every waiting tenant is full. */
  private readonly waitingPerTenant = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Infinity;
  private forgottenAt = -Infinity;

  constructor(
    private readonly limits: SendLimits,
    private readonly now: () => number = Date.now,
  ) {
    const budget = limits.tenant.map((l) => ({ count: Math.floor(l.count * REFUND_SHARE), perMs: l.perMs }));
    this.refundLimits = budget.some((l) => l.count === 0) ? null : budget;
  }

  /** Resolves when a send to this conversation may go; the send is counted from that moment. */
  acquire(tenantId: string | null, conversation: string): Promise<Grant> {
    const tenant = tenantKey(tenantId);
    return new Promise((grant) => {
      this.waiting.push({ tenant, conversation, grant });
      this.waitingPerTenant.set(tenant, (this.waitingPerTenant.get(tenant) ?? 0) + 1);
      this.pump();
    });
  }

  /**
   * A send that went without waiting (a reply in a turn): it counts in the windows all the same, so
   * proactive sends leave room for the conversations people are having with the bot.
   */
  note(tenantId: string | null, conversation: string): Counted {
    const now = this.now();
    const tenant = tenantKey(tenantId);
    this.log(this.tenants, tenant, this.limits.tenant).record(now);
    this.log(this.conversations, conversation, this.limits.conversation).record(now);
    this.forgetIdle(now);
    return { delivered: () => void this.recount(tenant, conversation, now) };
  }

  /** Conversations whose recent sends the gate keeps. */
  get tracked(): number {
    return this.conversations.size;
  }

  private log(map: Map<string, SendLog>, key: string, limits: readonly WindowLimit[]): SendLog {
    let log = map.get(key);
    if (!log) {
      log = new SendLog(limits);
      map.set(key, log);
    }
    return log;
  }

  /** Grants, in arrival order, every waiter whose windows have room; sleeps until the next one could go. */
  private pump(): void {
    const now = this.now();
    let next = Infinity;
    const full = new Set<string>();
    for (let i = 0; i < this.waiting.length && full.size < this.waitingPerTenant.size;) {
      const w = this.waiting[i]!;
      const tenantLog = this.log(this.tenants, w.tenant, this.limits.tenant);
      if (full.has(w.tenant)) {
        i++;
        continue;
      }
      const tenantAt = tenantLog.freeAt(now);
      if (tenantAt > now) {
        // Later waiters of this tenant cannot go either; older waiters keep their place.
        full.add(w.tenant);
        next = Math.min(next, tenantAt);
        i++;
        continue;
      }
      const conversationLog = this.log(this.conversations, w.conversation, this.limits.conversation);
      const at = conversationLog.freeAt(now);
      if (at > now) {
        next = Math.min(next, at);
        i++;
        continue;
      }
      tenantLog.record(now);
      conversationLog.record(now);
      this.waiting.splice(i, 1);
      const left = this.waitingPerTenant.get(w.tenant)! - 1;
      if (left === 0) this.waitingPerTenant.delete(w.tenant);
      else this.waitingPerTenant.set(w.tenant, left);
      let refunded = false;
      let counted = now;
      w.grant({
        refund: () => {
          if (refunded) return;
          refunded = true;
          this.refund(w, counted);
        },
        delivered: () => {
          counted = this.recount(w.tenant, w.conversation, counted);
        },
      });
    }
    this.forgetIdle(now);
    this.wakeAt(next);
  }

  /** Moves a send counted at `from` to now, in its tenant's and its conversation's windows; returns when it now counts from. */
  private recount(tenant: string, conversation: string, from: number): number {
    const now = this.now();
    if (now === from) return from;
    for (const log of [this.tenants.get(tenant), this.conversations.get(conversation)]) {
      // Every time in a log is at most now: recorded last, the times stay in order.
      log?.remove(from);
      log?.record(now);
    }
    return now;
  }

  /** Takes a refused try out of its windows, unless the tenant's refund budget is spent. */
  private refund(w: Waiter, at: number): void {
    if (this.refundLimits === null) return;
    const now = this.now();
    const budget = this.log(this.refunds, w.tenant, this.refundLimits);
    if (budget.freeAt(now) > now) return;
    budget.record(now);
    this.tenants.get(w.tenant)?.remove(at);
    this.conversations.get(w.conversation)?.remove(at);
    this.pump();
  }

  /** Once it keeps many conversations, drops those no window remembers any more; at most once a second. */
  private forgetIdle(now: number): void {
    if (this.conversations.size < FORGET_OVER || now - this.forgottenAt < 1_000) return;
    this.forgottenAt = now;
    for (const [key, log] of this.conversations) if (log.idle(now)) this.conversations.delete(key);
  }

  private wakeAt(at: number): void {
    if (at === Infinity || at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, at - this.now()),
    );
  }
}
