import { sourcesText } from '../data/records.js';
import type { PortfolioSummary } from '../metrics/portfolio-summary.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { HistoryPoint } from '../data/records.js';
import { describeMovement, type CustomerHistory, type Trend } from '../metrics/trend.js';
import type { AdviceLinks, Thresholds } from '../metrics/thresholds.js';
import { customerKey } from '../metrics/customer-key.js';
import { upcomingRenewals } from '../metrics/renewals.js';
import { attentionText } from '../metrics/subscription-attention.js';
import { serviceRequestsText } from '../metrics/service-requests.js';
import { render, type Reply } from './card.js';
import { focusAnswer, focusData, type CustomerFocus } from './customer-focus.js';
import { workloadMoves } from './focus/usage-answers.js';
import { FLAG_LABELS } from './labels.js';
import { count, day, daysText, entitlementsText, licensesText, name, percentText, plain, renewalLine } from './text.js';

/** One customer: the two numbers as gauges, products, usage per workload, why, and what to do. */

export interface CardSettings {
  readonly thresholds: Thresholds;
  readonly links: AdviceLinks;
  /** The portfolio's median customer, for "how does Contoso compare?". */
  readonly typical: PortfolioSummary['median'];
}

/** What the cards read from a view: the thresholds in force and its median customer; the links configured. */
export function cardSettings(view: PortfolioView, links: AdviceLinks): CardSettings {
  return { thresholds: view.thresholds, links, typical: view.summary.median };
}

const MAX_PRODUCTS = 12;
/** The soonest renewals and trial ends shown under the products. */
const MAX_RENEWALS = 3;
/** The subscriptions needing attention shown under them, the most seats first ("what should I do?" lists them all). */
const MAX_ATTENTION = 3;

interface Segment {
  readonly legend: string;
  readonly size: number;
  readonly color: 'attention' | 'warning' | 'good' | 'neutral';
}

/** Gauge bands: red under the low threshold, then amber/green; anything above 100% gets its own band. */
function gauge(value: number | null, bands: readonly [number, string, Segment['color']][]): object | null {
  if (value === null) return null;
  const max = Math.max(100, Math.ceil(value));
  const segments: Segment[] = [];
  let from = 0;
  for (const [to, legend, color] of bands) {
    if (to <= from) continue;
    segments.push({ legend, size: to - from, color });
    from = to;
  }
  if (max > 100) segments.push({ legend: 'Above 100%: see why below', size: max - 100, color: 'neutral' });
  return { value, max, segments };
}

const linkTitles: Readonly<Record<keyof AdviceLinks, string>> = {
  adoptionContent: 'Tutorials and videos',
  training: 'Training',
  selfSupport: 'Self-support options',
};

function linksFor(report: CustomerReport, links: AdviceLinks): { title: string; url: string }[] {
  const wanted = new Set<keyof AdviceLinks>();
  for (const r of report.recommendations) {
    if (r.code === 'adoption-content') wanted.add('adoptionContent');
    if (r.code === 'training-and-self-support') wanted.add('training').add('selfSupport');
    if (r.code === 'training-upsell') wanted.add('training');
  }
  return [...wanted].map((k) => ({ title: linkTitles[k], url: links[k] }));
}

/** The last points of the sync history, for the trend line. */
const CHART_POINTS = 60;

function trendChart(points: readonly HistoryPoint[]): object[] {
  if (points.length < 2) return [];
  const shown = points.slice(-CHART_POINTS);
  const series = (legend: string, value: (p: HistoryPoint) => number | null): object => ({
    legend,
    values: shown.filter((p) => value(p) !== null).map((p) => ({ x: p.day, y: value(p) })),
  });
  return [series('Deployment %', (p) => p.deploymentPercent), series('Usage %', (p) => p.usagePercent)];
}

/** A line above the numbers. */
export type Notice =
  /** Who shared the card into a channel: the card keeps saying it when it is refreshed. */
  | { readonly kind: 'shared'; readonly by: string }
  /** Where a share went, or why it did not: for the person who shared, once. */
  | { readonly kind: 'status'; readonly text: string; readonly color: 'Good' | 'Warning' }
  /** What was asked of this customer ("Teams usage at Fabrikam"), answered; a refresh answers it again. */
  | { readonly kind: 'focus'; readonly focus: CustomerFocus };

/** The lines a refresh keeps saying: who shared the card, what was asked of the customer. */
export type KeptNotice = Extract<Notice, { kind: 'shared' | 'focus' }>;

/** The notice as a line; what a focus asks is answered from the card's own report, history and thresholds. */
function noticeLine(
  notice: Notice,
  report: CustomerReport,
  history: CustomerHistory,
  settings: CardSettings,
): { text: string; color: string } {
  switch (notice.kind) {
    case 'shared':
      return { text: plain(`Shared by ${notice.by}`, 120), color: 'Accent' };
    case 'status':
      return { text: plain(notice.text, 600), color: notice.color };
    case 'focus':
      return { text: plain(focusAnswer(report, notice.focus, history, settings), 600), color: 'Default' };
  }
}

/** What Refresh (the button, and Teams' automatic refresh when someone looks at the card) sends back. */
function refreshData(key: string, notice: Notice | null): Record<string, string> {
  if (notice?.kind === 'shared') return { key, sharedBy: plain(notice.by, 80) };
  if (notice?.kind === 'focus') return { key, ...focusData(notice.focus) };
  return { key };
}

/** "Since 2026-11-20 (7 days): Exchange ▲ 2 pts · Teams ▼ 3.5 pts · Yammer unchanged"; empty when no workload's move is known. */
function workloadMovesLine(workloads: readonly { readonly workload: string }[], trend: Trend | null): string {
  if (trend === null) return '';
  const moves = workloadMoves(workloads, trend);
  return moves.length === 0 ? '' : plain(`Since ${trend.since} (${daysText(trend.days)}): ${moves.join(' · ')}`, 400);
}

export function customerCard(
  report: CustomerReport,
  settings: CardSettings,
  history: CustomerHistory,
  notice: Notice | null = null,
): Reply {
  const { trend } = history;
  const { thresholds } = settings;
  const sources = sourcesText(report.sources) || 'no data';
  const tenant = report.tenantId === null ? '' : `tenant ${report.tenantId} · `;
  const activityOnly = report.products.flatMap((p) => p.workloads.filter((w) => w.entitled === null));
  // A workload nobody is entitled to has no percent to chart.
  const charted = report.workloads.filter((w): w is typeof w & { usagePercent: number } => w.usagePercent !== null);
  const unlicensed = report.workloads.filter((w) => w.usagePercent === null);
  const key = customerKey(report);
  const line = notice === null ? null : noticeLine(notice, report, history, settings);
  const data = {
    key,
    name: plain(report.customer, 120),
    subtitle: plain(`${tenant}data as of ${day(report.dataAsOf)} · ${sources}`, 300),
    notice: line,
    refresh: refreshData(key, notice),
    measures: [
      {
        title: 'Deployment',
        text: percentText(report.deploymentPercent),
        detail: licensesText(report.assigned, report.sold, report.deploymentPercent),
        trend: describeMovement(trend?.deploymentChange, trend),
        gauge: gauge(report.deploymentPercent, [
          [thresholds.deploymentLowPercent, `Low (under ${thresholds.deploymentLowPercent}%)`, 'attention'],
          [thresholds.upsellDeploymentPercent, 'Room to deploy', 'warning'],
          [100, 'Nearly all deployed', 'good'],
        ]),
      },
      {
        title: 'Usage',
        text: percentText(report.usagePercent),
        detail: entitlementsText(report.active, report.entitled, report.usagePercent),
        trend: describeMovement(trend?.usageChange, trend),
        gauge: gauge(report.usagePercent, [
          [thresholds.usageLowPercent, `Low (under ${thresholds.usageLowPercent}%)`, 'attention'],
          [100, 'In use', 'good'],
        ]),
      },
    ],
    products: report.products.slice(0, MAX_PRODUCTS).map((p) => ({
      product: plain(p.product, 100),
      sold: p.sold === null ? '—' : count(p.sold),
      assigned: p.assigned === null ? '—' : count(p.assigned),
      deployment: percentText(p.deploymentPercent),
    })),
    moreProducts:
      report.products.length > MAX_PRODUCTS
        ? `and ${report.products.length - MAX_PRODUCTS} more products: "adoption report --customer" or the export lists them all`
        : '',
    renewals: upcomingRenewals(report, history.today)
      .slice(0, MAX_RENEWALS)
      .map((r) => ({ line: plain(renewalLine(r, history.today), 200) })),
    attention: report.subscriptionsNeedingAttention.slice(0, MAX_ATTENTION).map((a) => ({ line: plain(attentionText(a), 200) })),
    // Partner Center service requests, whenever there are any: what the training advice reads.
    support: report.serviceRequests.last30Days > 0 || report.serviceRequests.open > 0 ? serviceRequestsText(report.serviceRequests) : '',
    trendChart: trendChart(history.points),
    trendLines:
      history.points.length < 2
        ? []
        : history.points.slice(-12).map((p) => ({
            line: `${p.day}: deployment ${percentText(p.deploymentPercent)}, usage ${percentText(p.usagePercent)}`,
          })),
    chart: charted.map((w) => ({ x: plain(w.workload, 40), y: w.usagePercent })),
    chartLines: charted.map((w) => ({
      line: plain(`${w.workload}: ${percentText(w.usagePercent)} (${count(w.active)} of ${count(w.entitled)} active)`),
    })),
    workloadMoves: workloadMovesLine(charted, trend),
    activityOnly: [
      ...unlicensed.map((w) => plain(`${w.workload}: ${count(w.active)} active, no entitlements counted`)),
      ...activityOnly.map((w) => plain(`${w.workload}: ${count(w.active)} active (this source does not count entitlements)`)),
    ].map((line) => ({ line })),
    flags: report.flags.map((f) => ({
      title: FLAG_LABELS[f.code].title,
      color: FLAG_LABELS[f.code].color,
      message: plain(f.message, 600),
    })),
    recommendations: report.recommendations.map((r) => ({
      message: r.message,
      reason: plain(r.reason, 300),
      steps: r.actions.map((a) => plain(a, 300)),
    })),
    links: linksFor(report, settings.links),
  };
  const summary =
    notice?.kind === 'focus' && line !== null
      ? `${name(report.customer)}: ${plain(line.text, 300)}`
      : `${name(report.customer)}: deployment ${percentText(report.deploymentPercent)}, usage ${percentText(report.usagePercent)}`;
  return { card: render('customer', data), summary, ...(notice?.kind === 'focus' ? { focus: notice.focus } : {}) };
}
