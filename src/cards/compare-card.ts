import { customerKey } from '../metrics/customer-key.js';
import type { CustomerReport } from '../metrics/report-types.js';
import { unassignedLicenses } from '../metrics/unassigned.js';
import { pointsText, type CustomerHistory } from '../metrics/trend.js';
import { upcomingRenewals } from '../metrics/renewals.js';
import type { Thresholds } from '../metrics/thresholds.js';
import { buttons } from './actions.js';
import { render, type Reply } from './card.js';
import { shortFindingLabel } from './labels.js';
import { percentColor, type Color } from './list-cards.js';
import { messageCard } from './message-cards.js';
import { count, day, name, percentText, plain } from './text.js';

/** Customers side by side: as many columns as fit a Teams card on a laptop screen. */
export const MAX_COMPARED = 5;

interface Cell {
  readonly text: string;
  readonly color: Color;
}

interface Row {
  readonly label: string;
  readonly cells: readonly Cell[];
  /** A line above the row: where one group of rows starts. */
  readonly separator: boolean;
}

const plainCell = (text: string): Cell => ({ text: plain(text, 120), color: 'Default' });

/** "▲ 2 pts", "▼ 6.5 pts", "unchanged"; a dash without history. */
function changeText(change: number | null | undefined): string {
  if (change === null || change === undefined) return '—';
  if (change === 0) return 'unchanged';
  return `${change > 0 ? '▲' : '▼'} ${pointsText(change)}`;
}

export interface Compared {
  readonly report: CustomerReport;
  readonly history: CustomerHistory;
}

/** "2026-12-25 (100 seats)", "2026-12-10 (5-seat trial)": the customer's next renewal; a dash with none coming. */
function nextRenewal({ report, history }: Compared): string {
  const [next] = upcomingRenewals(report, history.today);
  if (next === undefined) return '—';
  return `${day(next.renewsOn)} (${count(next.seats)}${next.trial ? '-seat trial' : ' seats'})`;
}

/** "15", or "none (5 more assigned than sold)" where more were assigned than sold. */
function unassignedCell(spare: number): string {
  return spare >= 0 ? count(spare) : `none (${count(-spare)} more assigned than sold)`;
}

/**
 * "compare Contoso and Fabrikam": one column per customer, one row per number (deployment, usage,
 * each workload any of them has, how they moved, idle licenses), then what explains each and what to do.
 */
export function compareCard(compared: readonly Compared[], thresholds: Thresholds): Reply {
  const reports = compared.map((c) => c.report);
  const row = (label: string, cell: (c: Compared) => Cell, separator = false): Row => ({ label, cells: compared.map(cell), separator });
  const workloads = [...new Set(reports.flatMap((r) => r.workloads.map((w) => w.workload)))];
  const rows: Row[] = [
    row('Deployment', ({ report: r }) => ({
      text: percentText(r.deploymentPercent),
      color: percentColor(r.deploymentPercent, thresholds.deploymentLowPercent, thresholds.upsellDeploymentPercent),
    })),
    row('Licenses assigned', ({ report: r }) => plainCell(r.deploymentPercent === null ? '—' : `${count(r.assigned)} of ${count(r.sold)}`)),
    row('Usage', ({ report: r }) => ({
      text: percentText(r.usagePercent),
      color: percentColor(r.usagePercent, thresholds.usageLowPercent, 100),
    })),
    row('Entitlements active', ({ report: r }) => plainCell(r.usagePercent === null ? '—' : `${count(r.active)} of ${count(r.entitled)}`)),
    ...workloads.map((workload, i) =>
      row(
        `${plain(workload, 60)} usage`,
        ({ report: r }) => {
          const w = r.workloads.find((x) => x.workload === workload);
          return {
            text: percentText(w?.usagePercent ?? null),
            color: percentColor(w?.usagePercent ?? null, thresholds.usageLowPercent, 100),
          };
        },
        i === 0,
      ),
    ),
    row('Deployment change', ({ history }) => plainCell(changeText(history.trend?.deploymentChange)), true),
    row('Usage change', ({ history }) => plainCell(changeText(history.trend?.usageChange))),
    row('Licenses unassigned', ({ report: r }) => plainCell(unassignedCell(unassignedLicenses(r)))),
    row('Data as of', ({ report: r }) => plainCell(day(r.dataAsOf))),
    row('Next renewal', (c) => plainCell(nextRenewal(c))),
    row(
      'Why the numbers look odd',
      ({ report: r }) => plainCell(r.flags.map((f) => shortFindingLabel(f.code)).join('; ') || 'nothing'),
      true,
    ),
    row('What to do', ({ report: r }) => plainCell(r.recommendations.map((x) => shortFindingLabel(x.code)).join('; ') || 'nothing now')),
  ];
  const names = reports.map((r) => name(r.customer));
  const spans = [...new Set(compared.flatMap(({ history: { trend } }) => (trend === null ? [] : [trend.days])))];
  const changes = spans.length === 1 ? `changes over ${spans[0]} days` : 'changes since the sync a week or more before';
  const summary = `${names.join(' vs ')}: deployment ${reports.map((r) => percentText(r.deploymentPercent)).join(' vs ')}, usage ${reports.map((r) => percentText(r.usagePercent)).join(' vs ')}`;
  return {
    card: render('compare', {
      title: reports.length === 2 ? `${names[0]!} vs ${names[1]!}` : `${reports.length} customers side by side`,
      subtitle: `Usage: entitlements active in the last 28 days, over all products · ${changes}`,
      customers: names,
      rows,
      buttons: reports.map((r) => buttons.customer(`Open ${name(r.customer)}`, customerKey(r))),
    }),
    summary: plain(summary, 300),
  };
}

/** Fewer than two customers named (or one twice), or more than fit side by side. */
export function compareHowCard(): Reply {
  return messageCard(
    `Name between 2 and ${MAX_COMPARED} different customers to compare.`,
    [
      'For example "compare Contoso and Fabrikam", or "Contoso vs Fabrikam vs Tailspin". For more customers at once, ask for the portfolio.',
    ],
    [buttons.portfolio(), buttons.help()],
  );
}
