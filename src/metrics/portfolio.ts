import { SOURCES, type AdoptionRecord, type PartnerTotalRecord, type Source } from '../data/records.js';
import { groupByCustomer, type CustomerRecords } from './customers.js';
import { deploymentView } from './deployment.js';
import { explain } from './flags.js';
import { advise } from './recommendations.js';
import type { CustomerReport, PortfolioReport, ProductAdoption, WorkloadUsage } from './report-types.js';
import type { AdviceLinks, Thresholds } from './thresholds.js';
import { percent } from './percent.js';
import { usageView } from './usage.js';

function newest(records: readonly { readonly asOf: string }[], start: string | null): string | null {
  let latest = start;
  for (const r of records) if (latest === null || r.asOf > latest) latest = r.asOf;
  return latest;
}

export function customerReport(group: CustomerRecords, now: Date, thresholds: Thresholds, links: AdviceLinks): CustomerReport {
  const deployment = deploymentView(group.deployments);
  const usage = usageView(group.usage);

  const products = new Map<string, { product: string; sold: number | null; assigned: number | null; workloads: WorkloadUsage[] }>();
  for (const [key, p] of deployment.byProduct) products.set(key, { product: p.product, sold: p.sold, assigned: p.assigned, workloads: [] });
  for (const r of usage.records) {
    const key = r.product.toLowerCase();
    let product = products.get(key);
    if (!product) {
      product = { product: r.product, sold: null, assigned: null, workloads: [] };
      products.set(key, product);
    }
    product.workloads.push({
      workload: r.workload,
      active: r.active,
      entitled: r.entitled,
      usagePercent: r.entitled === null ? null : percent(r.active, r.entitled),
      source: r.source,
    });
  }
  const productRows: ProductAdoption[] = [...products.values()].map((p) => ({
    product: p.product,
    sold: p.sold,
    assigned: p.assigned,
    deploymentPercent: p.sold === null || p.assigned === null ? null : percent(p.assigned, p.sold),
    workloads: p.workloads,
  }));

  const dataAsOf = newest(group.usage, newest(group.deployments, null));
  const used = new Set<Source>();
  for (const records of [deployment.records, usage.records, group.subscriptions, group.serviceRequests]) {
    for (const r of records) used.add(r.source);
  }

  return {
    customer: group.name,
    tenantId: group.tenantId,
    dataAsOf,
    sources: SOURCES.filter((s) => used.has(s)),
    deploymentPercent: deployment.percent,
    usagePercent: usage.percent,
    sold: deployment.sold,
    assigned: deployment.assigned,
    active: usage.active,
    entitled: usage.entitled,
    products: productRows,
    workloads: usage.byWorkload,
    flags: explain(group, usage, dataAsOf, now, thresholds),
    recommendations: advise(
      {
        deploymentPercent: deployment.percent,
        usagePercent: usage.percent,
        sold: deployment.sold,
        assigned: deployment.assigned,
        serviceRequests: group.serviceRequests,
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

export function portfolioReport(
  records: readonly AdoptionRecord[],
  now: Date,
  thresholds: Thresholds,
  links: AdviceLinks,
): PortfolioReport {
  const customers = groupByCustomer(records)
    .map((group) => {
      const report = customerReport(group, now, thresholds, links);
      return { report, worst: worstPercent(report) };
    })
    .sort((a, b) => a.worst - b.worst || a.report.customer.localeCompare(b.report.customer))
    .map(({ report }) => report);
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
