import pRetry, { AbortError } from 'p-retry';
import type { Reply } from '../cards/card.js';
import type { ConversationTarget } from './conversation-target.js';
import type { RateGate } from './rate-gate.js';

/** What the Bot Connector answered when a send failed, without any bot framework type. */
export class DeliveryError extends Error {
  constructor(
    /** HTTP status; 0 when no answer came (network). */
    readonly status: number,
    readonly code: string | null,
    message: string,
    /** What Retry-After asked for, in milliseconds. */
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }

  /** Teams asks bots to retry these (throttled, precondition, gateway) and a lost connection. */
  get retriable(): boolean {
    return [0, 412, 429, 502, 504].includes(this.status);
  }

  /** The bot was removed or blocked there, or the conversation is gone: stop speaking to it. */
  get gone(): boolean {
    return this.status === 403 || this.status === 404;
  }
}

/** Sends one card to a conversation; resolves with the id the connector gave the message. */
export type Deliver = (target: ConversationTarget, reply: Reply) => Promise<string>;

export interface SendPolicy {
  /** Tries per message, the first included. */
  readonly attempts: number;
  /** Back-off before the second try; doubled each time, with jitter, up to maxDelayMs. */
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  /** The longest Retry-After waited for; a longer one ends the send there, with its reason. */
  readonly maxRetryAfterMs: number;
}

/** Alerts: up to a minute between tries, and whatever Retry-After asks. */
export const DEFAULT_SEND_POLICY: SendPolicy = { attempts: 6, minDelayMs: 1_000, maxDelayMs: 60_000, maxRetryAfterMs: Infinity };

/**
 * A send someone waits on inside a turn (sharing a card from its button): Teams waits 15 s for an
 * invoke's answer, so at most 3 tries with 0.5-3 s of back-off between them, and no Retry-After
 * longer than 2 s. Past that the person is told why, and can share again.
 */
export const IN_TURN_SEND_POLICY: SendPolicy = { attempts: 3, minDelayMs: 500, maxDelayMs: 2_000, maxRetryAfterMs: 2_000 };

export type SendOutcome =
  | { readonly ok: true; readonly id: string; readonly attempts: number }
  | { readonly ok: false; readonly reason: string; readonly gone: boolean; readonly attempts: number };

/**
 * Proactive sends within Teams' limits: each try waits for the rate gate (a throttled try hands its
 * slot back, within the gate's refund budget), failures Teams calls transient are retried with
 * exponential back-off and jitter (p-retry), waiting at least what Retry-After asks (up to the
 * policy's longest wait), and a bounded number of tries ends in a reason instead of an exception.
 */
export class ProactiveSender {
  constructor(
    private readonly deliver: Deliver,
    private readonly gate: RateGate,
    private readonly policy: SendPolicy = DEFAULT_SEND_POLICY,
  ) {}

  async send(target: ConversationTarget, reply: Reply, policy: SendPolicy = this.policy): Promise<SendOutcome> {
    let attempts = 0;
    try {
      const id = await pRetry(
        async () => {
          attempts++;
          const grant = await this.gate.acquire(target.tenantId, target.id);
          try {
            const id = await this.deliver(target, reply);
            grant.delivered();
            return id;
          } catch (error) {
            const failure = asDeliveryError(error);
            if (failure.status === 429) grant.refund();
            throw failure.retriable ? failure : new AbortError(failure);
          }
        },
        {
          retries: policy.attempts - 1,
          minTimeout: policy.minDelayMs,
          maxTimeout: policy.maxDelayMs,
          factor: 2,
          randomize: true,
          onFailedAttempt: async (error) => {
            const wait = (error as unknown as DeliveryError).retryAfterMs;
            if (wait && wait > policy.maxRetryAfterMs) throw error;
            if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
          },
        },
      );
      return { ok: true, id, attempts };
    } catch (error) {
      const failure = asDeliveryError(error);
      const tries = attempts === 1 ? '1 try' : `${attempts} tries`;
      return { ok: false, reason: `${describe(failure, policy)} (after ${tries})`, gone: failure.gone, attempts };
    }
  }
}

function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  return new DeliveryError(0, null, (error as Error)?.message ?? String(error), null);
}

function describe(error: DeliveryError, policy: SendPolicy): string {
  if (error.status === 0) return `no answer from the Bot Connector: ${error.message}`;
  const code = error.code ? ` ${error.code}` : '';
  const asked = error.retryAfterMs ?? 0;
  if (asked > policy.maxRetryAfterMs) return `Teams asked to wait ${Math.ceil(asked / 1_000)} s (${error.status}${code})`;
  if (error.status === 403) return `Teams refused (403${code}): the bot was removed or blocked there`;
  if (error.status === 404) return `Teams does not know the conversation (404${code})`;
  if (error.status === 429) return `Teams kept throttling (429${code})`;
  return `Teams answered ${error.status}${code}: ${error.message}`;
}
