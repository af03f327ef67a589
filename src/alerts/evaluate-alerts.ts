import { randomUUID } from 'node:crypto';
import type { HistoryPoint } from '../data/records.js';
import { customerKey } from '../metrics/customer-key.js';
import type { CustomerReport } from '../metrics/report-types.js';
import { workloadTotal } from '../metrics/percent-filter.js';
import { daysAhead, renewalsWithin } from '../metrics/renewals.js';
import { DAY_MS } from '../time.js';
import { lowPercent, type Thresholds } from '../metrics/thresholds.js';
import type { BotState, PendingEntry, Subscription } from '../proactive/bot-state.js';
import { conditionKey, conditionPercent, type AlertCondition, type CustomerAlert, type Measure, type NumberCondition } from './alert.js';
import { isMuted, pausedUntil } from './subscriptions.js';

export interface AlertSettings {
  /** A fall of more than this many points since the previous snapshot is an alert. */
  readonly dropPoints: number;
  /** The same customer and condition is not alerted again to the same conversation within this many days... */
  readonly repeatDays: number;
  /**
   * A term or trial ending within this many days, with usage or deployment under the threshold, is
   * an alert, and so is a term ending with auto-renew off, whatever the numbers (0: never).
   */
  readonly renewalDays: number;
  /** Conversations in other tenants (no longer in ADOPTION_ALLOWED_TENANTS) get no customer data. */
  readonly allowsTenant: (tenantId: string | null) => boolean;
}

/** ...unless it got worse by at least this many points. */
export const WORSENED_POINTS = 1;

/** More customers than this at once to one conversation become one digest. */
export const DIGEST_OVER = 5;

/** What evaluation reads of the portfolio: the customers and each one's history. */
export interface AlertInputs {
  readonly customers: readonly CustomerReport[];
  /** Oldest first, ending with today's numbers (PortfolioView.points). */
  points(customer: CustomerReport): readonly HistoryPoint[];
  readonly thresholds: Thresholds;
}

const MEASURES: readonly Measure[] = ['deployment', 'usage'];

const percentOf = (p: { deploymentPercent: number | null; usagePercent: number | null }, m: Measure): number | null =>
  m === 'deployment' ? p.deploymentPercent : p.usagePercent;

/**
 * A subscription that watches one workload's usage: under its threshold, a sharp drop since the
 * previous snapshot (when that one kept the workload's usage), and a renewal in the window while it
 * is under (or with auto-renew off).
 */
function workloadConditions(
  customer: CustomerReport,
  previous: HistoryPoint | null,
  workload: string,
  subscription: Subscription,
  thresholds: Thresholds,
  settings: AlertSettings,
  today: string,
): NumberCondition[] {
  const percent = workloadTotal(customer, workload)?.usagePercent ?? null;
  if (percent === null) return [];
  const threshold = subscription.belowPercent ?? thresholds.usageLowPercent;
  const low = percent < threshold;
  const out: NumberCondition[] = low ? [{ kind: 'below', measure: 'usage', workload, percent, threshold }] : [];
  const before = previous?.workloadUsage?.[workload];
  if (before !== undefined && before - percent > settings.dropPoints) {
    out.push({ kind: 'drop', measure: 'usage', workload, percent, previousPercent: before, since: previous!.day });
  }
  const window = settings.renewalDays > 0 ? renewalsWithin(customer, today, daysAhead(settings.renewalDays)) : [];
  const renewal = low ? window[0] : window.find((r) => r.autoRenew === false);
  if (renewal !== undefined) out.push({ kind: 'renewal', measure: 'usage', workload, percent, renewal, today });
  return out;
}

/**
 * Every condition the customer is in under one subscription, today (ISO): those of the number it
 * watches (or both), then each of the customer's subscriptions needing attention, whatever the
 * numbers. Pure.
 */
export function conditionsFor(
  customer: CustomerReport,
  points: readonly HistoryPoint[],
  subscription: Subscription,
  thresholds: Thresholds,
  settings: AlertSettings,
  today: string,
): AlertCondition[] {
  const previous = points.length >= 2 ? points[points.length - 2]! : null;
  const numbers = subscription.workload
    ? workloadConditions(customer, previous, subscription.workload, subscription, thresholds, settings, today)
    : numberConditions(customer, previous, subscription, thresholds, settings, today);
  const attention = customer.subscriptionsNeedingAttention.map((s): AlertCondition => ({ kind: 'attention', subscription: s }));
  return [...numbers, ...attention];
}

/**
 * The conditions of deployment and usage (or the one number watched). A renewal is one condition:
 * the soonest in the window while a number is under its threshold, read for usage when usage is
 * (what decides the seats kept), else deployment; or the soonest with auto-renew off, whatever the numbers.
 */
function numberConditions(
  customer: CustomerReport,
  previous: HistoryPoint | null,
  subscription: Subscription,
  thresholds: Thresholds,
  settings: AlertSettings,
  today: string,
): NumberCondition[] {
  const out: NumberCondition[] = [];
  const below: Extract<AlertCondition, { kind: 'below' }>[] = [];
  for (const measure of subscription.measure ? [subscription.measure] : MEASURES) {
    const percent = percentOf(customer, measure);
    if (percent === null) continue;
    const threshold = subscription.belowPercent ?? lowPercent(thresholds, measure);
    if (percent < threshold) {
      const condition = { kind: 'below', measure, percent, threshold } as const;
      below.push(condition);
      out.push(condition);
    }
    const before = previous === null ? null : percentOf(previous, measure);
    if (before !== null && before - percent > settings.dropPoints) {
      out.push({ kind: 'drop', measure, percent, previousPercent: before, since: previous!.day });
    }
  }
  const window = settings.renewalDays > 0 ? renewalsWithin(customer, today, daysAhead(settings.renewalDays)) : [];
  const low = below.find((b) => b.measure === 'usage') ?? below[0];
  const renewal = low === undefined ? window.find((r) => r.autoRenew === false) : window[0];
  const measure = low?.measure ?? subscription.measure ?? (customer.usagePercent === null ? 'deployment' : 'usage');
  const percent = percentOf(customer, measure);
  if (renewal !== undefined && percent !== null) out.push({ kind: 'renewal', measure, percent, renewal, today });
  return out;
}

export interface Evaluation {
  /** New outbox entries, one per conversation and customer, or one digest per conversation. */
  readonly entries: readonly PendingEntry[];
  /** How many customer alerts they carry. */
  readonly alerts: number;
}

/**
 * Evaluates every subscription against the portfolio and applies the outcome to `state`: new
 * outbox entries, and the no-spam marks of what they say, in the same change, so an evaluation
 * that is repeated (a restart, a second sync the same day) never alerts twice.
 */
export function evaluateAlerts(
  state: BotState,
  inputs: AlertInputs,
  settings: AlertSettings,
  now: Date,
  newId: () => string = randomUUID,
): Evaluation {
  const byKey = new Map(inputs.customers.map((c) => [customerKey(c), c]));
  const byConversation = new Map<string, Subscription[]>();
  for (const s of state.subscriptions) {
    const where = state.conversations[s.conversationId];
    // A paused conversation gets nothing until the pause ends; what is still true alerts then.
    if (where === undefined || !settings.allowsTenant(where.tenantId) || pausedUntil(state, s.conversationId, now) !== null) continue;
    const list = byConversation.get(s.conversationId) ?? [];
    list.push(s);
    byConversation.set(s.conversationId, list);
  }
  forgetExpiredMarks(state, settings, now);
  const entries: PendingEntry[] = [];
  let alerts = 0;
  for (const [conversationId, subscriptions] of byConversation) {
    const found = alertsFor(state, conversationId, subscriptions, byKey, inputs, settings, now);
    alerts += found.length;
    const createdAt = now.toISOString();
    if (found.length > DIGEST_OVER) {
      entries.push({ id: newId(), conversationId, createdAt, status: 'pending', message: { kind: 'digest', alerts: found } });
    } else {
      for (const alert of found)
        entries.push({ id: newId(), conversationId, createdAt, status: 'pending', message: { kind: 'alert', alert } });
    }
  }
  state.outbox.push(...entries);
  return { entries, alerts };
}

function alertsFor(
  state: BotState,
  conversationId: string,
  subscriptions: readonly Subscription[],
  byKey: ReadonlyMap<string, CustomerReport>,
  inputs: AlertInputs,
  settings: AlertSettings,
  now: Date,
): CustomerAlert[] {
  // A subscription for one customer overrides the conversation's every-customer one for that customer.
  const general = subscriptions.find((s) => s.customer === null);
  const specific = new Map(subscriptions.filter((s) => s.customer !== null).map((s) => [s.customer!.key, s]));
  const keys = general ? [...byKey.keys()] : [...specific.keys()];
  const out: CustomerAlert[] = [];
  for (const key of keys) {
    const customer = byKey.get(key);
    const subscription = specific.get(key) ?? general;
    if (!customer || !subscription || isMuted(state, conversationId, key, now)) continue;
    const conditions = conditionsFor(customer, inputs.points(customer), subscription, inputs.thresholds, settings, now.toISOString());
    if (!conditions.some((c) => isDue(state, conversationId, key, c))) continue;
    for (const c of conditions) {
      const percent = conditionPercent(c);
      state.alerted[conditionKey(conversationId, key, c)] = { ...(percent === null ? {} : { percent }), at: now.toISOString() };
    }
    out.push({
      customerKey: key,
      customer: customer.customer,
      deploymentPercent: customer.deploymentPercent,
      usagePercent: customer.usagePercent,
      conditions,
      flags: customer.flags.map((f) => ({ code: f.code, message: f.message })),
      recommendations: customer.recommendations.map((r) => ({ code: r.code, message: r.message, actions: [...r.actions] })),
    });
  }
  return out;
}

/**
 * Drops the marks whose window has passed: their conditions are due again, and past renewals'
 * marks do not pile up.
 */
function forgetExpiredMarks(state: BotState, settings: AlertSettings, now: Date): void {
  for (const [key, mark] of Object.entries(state.alerted)) {
    if (now.getTime() >= Date.parse(mark.at) + settings.repeatDays * DAY_MS) delete state.alerted[key];
  }
}

/** Not alerted within the window (its mark is gone), or its percent worse by WORSENED_POINTS since it was. */
function isDue(state: BotState, conversationId: string, key: string, c: AlertCondition): boolean {
  const mark = state.alerted[conditionKey(conversationId, key, c)];
  const percent = conditionPercent(c);
  return mark === undefined || (percent !== null && mark.percent !== undefined && percent <= mark.percent - WORSENED_POINTS);
}
