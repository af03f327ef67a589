import type { HistoryPoint } from '../data/records.js';
import { dayAfter, DAY_MS } from '../time.js';
import type { RankedMeasure } from './percent-filter.js';

/** How a customer's numbers moved since an earlier day of the history. */
export interface Trend {
  readonly since: string;
  /** Days from `since` to today. */
  readonly days: number;
  /** Points on the 0–100 scale, one decimal; null when either end has no number. */
  readonly deploymentChange: number | null;
  readonly usageChange: number | null;
  /** Each workload's usage change, by canonical name, for the workloads with a figure at both ends. */
  readonly workloadChanges: Readonly<Record<string, number>>;
}

/** What a day's point is made of: a customer's numbers as its report has them. */
export interface CurrentNumbers {
  readonly deploymentPercent: number | null;
  readonly usagePercent: number | null;
  readonly workloads: readonly { readonly workload: string; readonly usagePercent: number | null }[];
}

/** The point a customer's numbers make on `day`, as the history keeps it. */
export function pointOf(day: string, current: CurrentNumbers): HistoryPoint {
  const workloadUsage: Record<string, number> = {};
  for (const w of current.workloads) if (w.usagePercent !== null) workloadUsage[w.workload] = w.usagePercent;
  return { day, deploymentPercent: current.deploymentPercent, usagePercent: current.usagePercent, workloadUsage };
}

/** What the sync history says of one customer: the week's move and every point kept. */
export interface CustomerHistory {
  readonly trend: Trend | null;
  /** Oldest first, ending with today. */
  readonly points: readonly HistoryPoint[];
  /** When the portfolio was computed (ISO): what renewals count their days from. */
  readonly today: string;
}

const change = (now: number | null, then: number | null): number | null =>
  now === null || then === null ? null : Math.round((now - then) * 10) / 10;

/** How far back a trend looks unless asked otherwise: the sync a week or more ago. */
export const WEEK_DAYS = 7;

/**
 * The change against the newest point at least `days` old; failing that, the oldest point before
 * today. Null when the history has nothing before today.
 */
export function trend(points: readonly HistoryPoint[], current: CurrentNumbers, today: string, days = WEEK_DAYS): Trend | null {
  const cutoff = dayAfter(today, -days);
  const earlier = points.filter((p) => p.day < today);
  const base = earlier.filter((p) => p.day <= cutoff).at(-1) ?? earlier[0];
  if (base === undefined) return null;
  return {
    since: base.day,
    days: Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${base.day}T00:00:00Z`)) / DAY_MS),
    deploymentChange: change(current.deploymentPercent, base.deploymentPercent),
    usageChange: change(current.usagePercent, base.usagePercent),
    workloadChanges: workloadChanges(current, base),
  };
}

function workloadChanges(current: CurrentNumbers, base: HistoryPoint): Record<string, number> {
  const changes: Record<string, number> = {};
  for (const w of current.workloads) {
    const moved = change(w.usagePercent, base.workloadUsage?.[w.workload] ?? null);
    if (moved !== null) changes[w.workload] = moved;
  }
  return changes;
}

/** The size of a move: "1 pt", "6.5 pts". */
export function pointsText(change: number): string {
  const size = Math.abs(change);
  return `${size} pt${size === 1 ? '' : 's'}`;
}

/** " by more than 5 points", " by more than 1 point": how far a move had to go; empty for any move. */
export function beyondText(beyondPoints: number | undefined): string {
  return beyondPoints === undefined ? '' : ` by more than ${beyondPoints} point${beyondPoints === 1 ? '' : 's'}`;
}

/** "▼ down 12 pts in 30 days (since 2026-10-26)"; empty when there is nothing to compare. */
export function describeMovement(change: number | null | undefined, trend: Trend | null): string {
  if (change === null || change === undefined || trend === null) return '';
  const span = `in ${trend.days} day${trend.days === 1 ? '' : 's'} (since ${trend.since})`;
  if (change === 0) return `unchanged ${span}`;
  return `${change > 0 ? '▲ up' : '▼ down'} ${pointsText(change)} ${span}`;
}

/** Which way a customer's numbers went ("either": any move), and over how many days: "who dropped this month?". */
export interface Movement {
  readonly direction: 'down' | 'up' | 'either';
  readonly days: number;
  /** Only a move of more than this many points counts ("who dropped more than 10 points?"); absent: any move. */
  readonly beyondPoints?: number;
  /**
   * Only this number's move counts ("whose usage fell?", "whose Teams usage fell?"); absent:
   * deployment's or usage's, whichever went further.
   */
  readonly measure?: RankedMeasure;
}

/** The changes a movement reads: its measure's, or deployment's and usage's. */
export function changesRead(trend: Trend, measure: RankedMeasure | undefined): (number | null)[] {
  switch (measure?.kind) {
    case undefined:
      return [trend.deploymentChange, trend.usageChange];
    case 'deployment':
      return [trend.deploymentChange];
    case 'usage':
      return [trend.usageChange];
    case 'workload':
      return [trend.workloadChanges[measure.workload] ?? null];
  }
}

/** A customer whose deployment or usage moved the asked way since its trend's base day. */
export interface Move<C> {
  readonly customer: C;
  readonly trend: Trend;
  /** The larger of the two moves that way (either way: the larger in size), in points (positive). */
  readonly points: number;
}

/** How many points a change went the given way: positive when it did, zero or less when not (or unknown). */
export function towards(direction: Movement['direction'], change: number | null): number {
  if (change === null) return 0;
  if (direction === 'either') return Math.abs(change);
  return direction === 'up' ? change : -change;
}

/**
 * The customers whose deployment or usage (or the movement's one measure) moved that way since
 * their trend's base day, by more than `beyondPoints` when given, the biggest move first.
 */
export function moves<C>(
  customers: readonly C[],
  { direction, measure, beyondPoints = 0 }: Omit<Movement, 'days'>,
  trendOf: (customer: C) => Trend | null,
): Move<C>[] {
  return customers
    .flatMap((customer) => {
      const t = trendOf(customer);
      if (t === null) return [];
      const points = Math.max(...changesRead(t, measure).map((change) => towards(direction, change)));
      return points > beyondPoints ? [{ customer, trend: t, points }] : [];
    })
    .sort((a, b) => b.points - a.points);
}

/** "a week", "a month", "90 days": the span a movement was asked over, in words. */
export function spanText(days: number): string {
  const named: Readonly<Record<number, string>> = { 1: 'a day', 7: 'a week', 30: 'a month', 365: 'a year' };
  return named[days] ?? `${days} days`;
}
