import type { AlertMessage, Measure } from '../alerts/alert.js';
import type { ThresholdOverrides } from '../metrics/thresholds.js';
import type { StateStore } from '../data/store/state-store.js';
import type { Storage } from '../data/store/storage.js';
import type { ConversationTarget } from './conversation-target.js';

/**
 * What the bot remembers besides the adoption cache: where it may speak, who wants alerts, which
 * channels follow which customer, and the alerts on their way. One document, changed atomically.
 */
export interface BotState {
  version: 1;
  /** By conversation id (for channels, the channel id). */
  conversations: Record<string, ConversationTarget>;
  subscriptions: Subscription[];
  links: ChannelLink[];
  /** Until when (ISO time) a customer's alerts are muted in a conversation, by `conversation|customer`. */
  mutes: Record<string, string>;
  /** The last alert per conversation, customer and condition (see conditionKey): the no-spam window. */
  alerted: Record<string, AlertMark>;
  outbox: OutboxEntry[];
  /** Conversations that get the customers to act on once a week, by conversation id (added after version 1 shipped). */
  weekly?: Record<string, WeeklyDigest>;
  /** Until when (ISO time) every alert to a conversation is paused, by conversation id (added after version 1 shipped). */
  paused?: Record<string, string>;
  /** Thresholds an admin changed in chat, for every conversation and the command line (added after version 1 shipped). */
  thresholds?: ThresholdSetting;
}

/** "set the usage threshold to 40%": the changed thresholds, who changed them last, and when. */
export interface ThresholdSetting {
  readonly values: ThresholdOverrides;
  readonly by: string;
  readonly since: string;
}

/** "weekly summary on": the customers to act on, after the first sync of each week. */
export interface WeeklyDigest {
  readonly by: string;
  readonly since: string;
  /** When the last one was put in the outbox; null before the first. */
  readonly lastSent: string | null;
}

/** The thresholds an admin changed in chat, as the portfolio cache asks for them. */
export const thresholdOverrides = (state: BotStateStore) => async (): Promise<ThresholdOverrides | undefined> =>
  (await state.read()).thresholds?.values;

/** The state document's name: bot-state.json in the data folder, or the blob of that name. */
export const BOT_STATE = 'bot-state';

export function emptyBotState(): BotState {
  return { version: 1, conversations: {}, subscriptions: [], links: [], mutes: {}, alerted: {}, outbox: [] };
}

export type BotStateStore = StateStore<BotState>;

/** A conversation that asked for alerts: about every customer, or one. */
export interface Subscription {
  readonly conversationId: string;
  /** Null: every customer. */
  readonly customer: { readonly key: string; readonly name: string } | null;
  /** Null: the configured low thresholds (deployment and usage apart). */
  readonly belowPercent: number | null;
  /** The one number watched ("alert me if deployment falls under 50%"); null or absent (before it existed): both. */
  readonly measure?: Measure | null;
  /**
   * The one workload whose usage is watched ("alert me when Teams usage drops below 30%"), with
   * measure 'usage'; null or absent: usage over all workloads.
   */
  readonly workload?: string | null;
  readonly by: string;
  readonly since: string;
}

/** A team channel that follows a customer: shared cards go there. */
export interface ChannelLink {
  readonly conversationId: string;
  readonly customer: { readonly key: string; readonly name: string };
  readonly by: string;
  readonly since: string;
}

export interface AlertMark {
  /** The percent the alert showed; none for a subscription needing attention. */
  readonly percent?: number;
  readonly at: string;
}

/**
 * An alert on its way. Pending entries carry the message; once delivered only the proof is kept,
 * and a parked failure keeps its reason for `adoption alerts status`.
 */
export type OutboxEntry =
  | {
      readonly id: string;
      readonly conversationId: string;
      readonly createdAt: string;
      readonly status: 'pending';
      readonly message: AlertMessage;
    }
  | {
      readonly id: string;
      readonly conversationId: string;
      readonly createdAt: string;
      readonly status: 'delivered';
      readonly at: string;
      /** The activity (or new channel thread) id the connector gave it. */
      readonly deliveredAs: string;
      readonly customers: readonly string[];
    }
  | {
      readonly id: string;
      readonly conversationId: string;
      readonly createdAt: string;
      readonly status: 'failed';
      readonly at: string;
      readonly reason: string;
      readonly attempts: number;
      readonly customers: readonly string[];
    };

export type PendingEntry = Extract<OutboxEntry, { status: 'pending' }>;

/** The bot's state: bot-state.json in the data folder (lowdb) or the blob of that name (Bot Framework BlobsStorage). */
export function openBotState(storage: Storage): Promise<BotStateStore> {
  return storage.document(BOT_STATE, emptyBotState);
}
