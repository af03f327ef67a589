import {
  SOURCES,
  type AdoptionRecord,
  type PartnerTotalRecord,
  type Source,
  type UsageRecord,
  type DeploymentRecord,
} from '../data/records.js';
import { groupByCustomer, type CustomerRecords } from './customers.js';
import { deploymentView } from './deployment.js';
import { explain } from './flags.js';
import { advise } from './recommendations.js';
import type { CustomerReport, PortfolioReport, ProductAdoption, WorkloadUsage } from './report-types.js';
import type { AdviceLinks, Thresholds } from './thresholds.js';
import { percent } from './percent.js';
import { usageView } from './usage.js';

export function customerReport(group: CustomerRecords, now: Date, thresholds: Thresholds, links: AdviceLinks): CustomerReport {
  const deployment = deploymentView(group.records.filter((r): r is DeploymentRecord => r.kind === 'deployment'));
  const usage = usageView(group.records.filter((r): r is UsageRecord => r.kind === 'usage'));

  const products = new Map<string, { product: string; sold: number | null; assigned: number | null; workloads: WorkloadUsage[] }>();
  for (const [key, p] of deployment.byProduct) products.set(key, { ...p, workloads: [] });
  for (const r of usage.records) {
    const key = r.product.toLowerCase();
    const product = products.get(key) ?? { product: r.product, sold: null, assigned: null, workloads: [] };
    product.workloads.push({
      workload: r.workload,
      active: r.active,
      entitled: r.entitled,
      usagePercent: r.entitled === null ? null : percent(r.active, r.entitled),
      source: r.source,
    });
    products.set(key, product);
  }
  const productRows: ProductAdoption[] = [...products.values()].map((p) => ({
    ...p,
    deploymentPercent: p.sold === null || p.assigned === null ? null : percent(p.assigned, p.sold),
  }));

  const dated = group.records.filter((r) => r.kind === 'deployment' || r.kind === 'usage').map((r) => r.asOf);
  const dataAsOf = dated.length === 0 ? null : dated.reduce((a, b) => (a > b ? a : b));
  const used = new Set<Source>(
    [
      ...deployment.records,
      ...usage.records,
      ...group.records.filter((r) => r.kind === 'subscription' || r.kind === 'service-request'),
    ].map((r) => r.source),
  );
  const sources = SOURCES.filter((s) => used.has(s));

  return {
    customer: group.name,
    tenantId: group.tenantId,
    dataAsOf,
    sources,
    deploymentPercent: deployment.percent,
    usagePercent: usage.percent,
    sold: deployment.sold,
    assigned: deployment.assigned,
    active: usage.active,
    entitled: usage.entitled,
    products: productRows,
    flags: explain(group.records, usage, dataAsOf, now, thresholds),
    recommendations: advise(
      {
        deploymentPercent: deployment.percent,
        usagePercent: usage.percent,
        sold: deployment.sold,
        assigned: deployment.assigned,
        records: group.records,
      },
      now,
      thresholds,
      links,
    ),
  };
}

/** The lower of a customer's two percentages; customers without numbers sort last. */
export function worstPercent(report: CustomerReport): number {
  const values = [report.deploymentPercent, report.usagePercent].filter((v): v is number => v !== null);
  return values.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...values);
}

export function isBelow(report: CustomerReport, threshold: number): boolean {
  return worstPercent(report) < threshold;
}

export function portfolioReport(
  records: readonly AdoptionRecord[],
  now: Date,
  thresholds: Thresholds,
  links: AdviceLinks,
): PortfolioReport {
  const customers = groupByCustomer(records)
    .map((group) => customerReport(group, now, thresholds, links))
    .sort((a, b) => worstPercent(a) - worstPercent(b) || a.customer.localeCompare(b.customer));
  const partnerTotals = records
    .filter((r): r is PartnerTotalRecord => r.kind === 'partner-total')
    .map((r) => ({
      measure: r.workload === null ? ('deployment' as const) : ('usage' as const),
      service: r.service,
      workload: r.workload,
      percent: r.percent,
      licensesSold: r.licensesSold,
      asOf: r.asOf,
    }));
  return { generatedAt: now.toISOString(), customers, partnerTotals };
}
