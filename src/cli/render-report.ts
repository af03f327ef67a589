import Table from 'cli-table3';
import type { CustomerReport, PortfolioReport } from '../metrics/report-types.js';
import type { ProductTotal } from '../metrics/products.js';
import type { WorkloadPortfolioTotal } from '../metrics/workload-totals.js';
import { sourcesText } from '../data/records.js';
import { describeMovement, type Trend } from '../metrics/trend.js';
import { entitlementsText, licensesText, renewalText } from '../cards/text.js';
import { attentionText } from '../metrics/subscription-attention.js';

/** Plain-text rendering of the reports for a terminal. No numbers are computed here. */

const show = (value: number | null, suffix = ''): string => (value === null ? '—' : `${value}${suffix}`);

/** One customer; `today` (ISO) says how far off its renewals are. */
function renderCustomer(report: CustomerReport, today: string, trend: Trend | null): string {
  const lines: string[] = [];
  lines.push(`${report.customer}${report.tenantId ? ` (${report.tenantId})` : ''}`);
  lines.push(
    `  Deployment ${show(report.deploymentPercent, '%')} (${licensesText(report.assigned, report.sold, report.deploymentPercent)}) · Usage ${show(report.usagePercent, '%')} (${entitlementsText(report.active, report.entitled, report.usagePercent)})`,
  );
  if (trend !== null) {
    const moves = [
      ['deployment', describeMovement(trend.deploymentChange, trend)],
      ['usage', describeMovement(trend.usageChange, trend)],
    ].filter(([, text]) => text !== '');
    if (moves.length > 0) lines.push(`  Trend: ${moves.map(([what, text]) => `${what} ${text}`).join(' · ')}`);
  }
  lines.push(`  Data as of ${report.dataAsOf?.slice(0, 10) ?? 'unknown'} · ${sourcesText(report.sources) || 'no data'}`);
  const table = new Table({
    head: ['Product', 'Sold', 'Assigned', 'Deployment', 'Workload', 'Active', 'Entitled', 'Usage'],
    style: { head: [], border: [] },
  });
  for (const p of report.products) {
    const first = [p.product, show(p.sold), show(p.assigned), show(p.deploymentPercent, '%')];
    if (p.workloads.length === 0) table.push([...first, '', '', '', '']);
    p.workloads.forEach((w, i) => {
      table.push([...(i === 0 ? first : ['', '', '', '']), w.workload, String(w.active), show(w.entitled), show(w.usagePercent, '%')]);
    });
  }
  lines.push(table.toString().replace(/^/gm, '  '));
  if (report.flags.length > 0) {
    lines.push('  Why the numbers look like this:');
    for (const f of report.flags) lines.push(`  - [${f.code}] ${f.message}`);
  }
  if (report.renewals.length > 0) {
    lines.push(`  Renewals: ${report.renewals.map((r) => renewalText(r, today)).join(' · ')}`);
  }
  if (report.subscriptionsNeedingAttention.length > 0) {
    lines.push(`  Needs attention: ${report.subscriptionsNeedingAttention.map(attentionText).join(' · ')}`);
  }
  if (report.recommendations.length > 0) {
    lines.push('  What to do:');
    for (const r of report.recommendations) {
      lines.push(`  - [${r.code}] ${r.message} (${r.reason})`);
      for (const a of r.actions) lines.push(`      • ${a}`);
    }
  }
  return lines.join('\n');
}

export function renderPortfolio(report: PortfolioReport, trendOf: (c: CustomerReport) => Trend | null = () => null): string {
  const parts = report.customers.map((c) => renderCustomer(c, report.generatedAt, trendOf(c)));
  if (report.partnerTotals.length > 0) {
    parts.push(
      [
        "Partner Center's partner-wide figures (legacy analytics, prorated):",
        ...report.partnerTotals.map(
          (t) =>
            `  - ${t.measure} ${t.service}${t.workload ? ` ${t.workload}` : ''}: ${t.percent}%${t.licensesSold === null ? '' : ` of ${t.licensesSold} licenses sold`} (as of ${t.asOf.slice(0, 10)})`,
        ),
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}

/** Every product over the customers (`adoption products`), one row each. */
export function renderWorkloads(totals: readonly WorkloadPortfolioTotal[], lowUnder: number): string {
  const table = new Table({
    head: ['Workload', 'Customers', `Under ${lowUnder}%`, 'Active', 'Entitled', 'Usage'],
    style: { head: [], border: [] },
  });
  for (const t of totals) {
    table.push([t.workload, String(t.customers), String(t.low), String(t.active), String(t.entitled), show(t.usagePercent, '%')]);
  }
  return table.toString();
}

export function renderProducts(totals: readonly ProductTotal[]): string {
  const table = new Table({
    head: ['Product', 'Customers', 'Sold', 'Assigned', 'Deployment', 'Active', 'Entitled', 'Usage'],
    style: { head: [], border: [] },
  });
  for (const t of totals) {
    const usage = t.usagePercent === null ? ['—', '—', '—'] : [String(t.active), String(t.entitled), show(t.usagePercent, '%')];
    table.push([t.product, String(t.customers), show(t.sold), show(t.assigned), show(t.deploymentPercent, '%'), ...usage]);
  }
  return table.toString();
}
