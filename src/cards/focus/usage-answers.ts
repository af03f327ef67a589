import type { CustomerReport } from '../../metrics/report-types.js';
import { describeMovement, pointsText, trend, type CustomerHistory, type Trend } from '../../metrics/trend.js';
import type { Thresholds } from '../../metrics/thresholds.js';
import { inactiveEntitlements } from '../../metrics/unassigned.js';
import { byProduct, count, day, daysText, percentText, usageCounted } from '../text.js';

/** Answers about one customer's use: a workload, its workloads, its move over a span, its people. */

/**
 * "Teams usage 35% (14 of 40 entitlements active) in the last 28 days, ▼ down 6.1 pts in 7 days (since
 * 2026-11-18), under the 50% usage threshold.", each product's part when several have the workload.
 */
export function workloadAnswer(report: CustomerReport, workload: string, history: CustomerHistory, thresholds: Thresholds): string {
  const rows = report.products.flatMap((p) =>
    p.workloads.filter((w) => w.workload === workload).map((w) => ({ product: p.product, ...w })),
  );
  const total = report.workloads.find((w) => w.workload === workload);
  if (total === undefined || total.usagePercent === null) {
    if (rows.length === 0) return `No ${workload} figures in the cache: no entitlements to it and no activity.`;
    const active = rows.reduce((sum, w) => sum + w.active, 0);
    return `${workload}: ${count(active)} active in the last 28 days, and no ${workload} entitlements counted, so no percent.`;
  }
  const moved = describeMovement(history.trend?.workloadChanges[workload], history.trend);
  const low = total.usagePercent < thresholds.usageLowPercent ? `, under the ${thresholds.usageLowPercent}% usage threshold` : '';
  const over = total.usagePercent > 100 ? ', above 100%: see why below' : '';
  // The same workload in several products: each product's part.
  const parts = rows.flatMap((w) => (w.entitled === null ? [] : [`${w.product}: ${count(w.active)} of ${count(w.entitled)}`]));
  return `${workload} usage ${usageCounted(total.active, total.entitled, total.usagePercent)} in the last 28 days${moved === '' ? '' : `, ${moved}`}${low}${over}.${byProduct(parts)}`;
}

/** "Teams ▼ 3.5 pts", "Yammer unchanged": each workload's move, for those whose move is known. */
export function workloadMoves(workloads: readonly { readonly workload: string }[], moved: Trend): string[] {
  return workloads.flatMap(({ workload }) => {
    const change = moved.workloadChanges[workload];
    if (change === undefined) return [];
    return [`${workload} ${change === 0 ? 'unchanged' : `${change > 0 ? '▲' : '▼'} ${pointsText(change)}`}`];
  });
}

/** "deployment ▲ up 2 pts to 95%", "usage unchanged at 89%", "usage 89% (no earlier figure)"; empty without a number. */
function measureMove(name: string, now: number | null, change: number | null): string {
  if (now === null) return '';
  if (change === null) return `${name} ${percentText(now)} (no earlier figure)`;
  if (change === 0) return `${name} unchanged at ${percentText(now)}`;
  return `${name} ${change > 0 ? '▲ up' : '▼ down'} ${pointsText(change)} to ${percentText(now)}`;
}

/**
 * "Since 2026-10-28 (30 days): deployment ▲ up 2 pts to 95%, usage ▼ down 3 pts to 89%. Teams ▼ 2
 * pts · Exchange ▲ 1 pt.", against the newest point at least so many days old; when the history is
 * shorter, its oldest point, and it says so.
 */
export function trendAnswer(report: CustomerReport, history: CustomerHistory, days: number): string {
  const moved = trend(history.points, report, day(history.today), days);
  if (moved === null) return 'No earlier numbers for it yet: the history keeps a point a day from the first sync that counted it.';
  const numbers = [
    measureMove('deployment', report.deploymentPercent, moved.deploymentChange),
    measureMove('usage', report.usagePercent, moved.usageChange),
  ].filter((m) => m !== '');
  const shorter = moved.days < days ? ', where its history starts' : '';
  const workloads = workloadMoves(report.workloads, moved);
  return `Since ${moved.since} (${daysText(moved.days)}${shorter}): ${numbers.join(', ') || 'no deployment or usage figures'}.${workloads.length > 0 ? ` ${workloads.join(' · ')}.` : ''}`;
}

/** "By usage, least used first: Teams 35% (14 of 40 active), Exchange 55% (22 of 40 active)." */
export function workloadsAnswer(report: CustomerReport, thresholds: Thresholds): string {
  const used = report.workloads.flatMap((w) => (w.usagePercent === null ? [] : [{ ...w, usagePercent: w.usagePercent }]));
  if (used.length === 0) return 'No workload usage figures in the cache: no entitlements counted for any workload.';
  const rows = [...used]
    .sort((a, b) => a.usagePercent - b.usagePercent || a.workload.localeCompare(b.workload))
    .map((w) => `${w.workload} ${percentText(w.usagePercent)} (${count(w.active)} of ${count(w.entitled)} active)`);
  const low = used.filter((w) => w.usagePercent < thresholds.usageLowPercent).length;
  const under = low === 0 ? '' : `; ${count(low)} under the ${thresholds.usageLowPercent}% usage threshold`;
  return `By usage, least used first: ${rows.join(', ')}${under}.`;
}

/**
 * "285 people have a license (of 300 sold); of their 855 workload entitlements, 761 were active in
 * the last 28 days (usage 89%), 94 not." Entitlements are per person and workload, so they count
 * no people.
 */
export function usersAnswer(report: CustomerReport): string {
  const parts: string[] = [];
  if (report.deploymentPercent !== null) {
    const people = report.assigned === 1 ? 'person has' : 'people have';
    parts.push(`${count(report.assigned)} ${people} a license (of ${count(report.sold)} sold)`);
  }
  if (report.usagePercent !== null) {
    const inactive = inactiveEntitlements(report);
    parts.push(
      `${parts.length === 0 ? 'Of' : 'of their'} ${count(report.entitled)} workload entitlements, ${count(report.active)} were active in the last 28 days (usage ${percentText(report.usagePercent)})${inactive > 0 ? `, ${count(inactive)} not` : ''}`,
    );
  }
  return parts.length === 0 ? 'No license or usage counts in the cache for it yet.' : `${parts.join('; ')}.`;
}
