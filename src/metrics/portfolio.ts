import { SOURCES, type AdoptionRecord, type PartnerTotalRecord, type Source } from '../data/records.js';
import { groupByCustomer, type CustomerRecords } from './customers.js';
import { deploymentView, type DeploymentView } from './deployment.js';
import { explain } from './flags.js';
import { advise } from './recommendations.js';
import { serviceRequestCounts } from './service-requests.js';
import type { CustomerReport, PortfolioReport, ProductAdoption, WorkloadUsage } from './report-types.js';
import type { AdviceLinks, Thresholds } from './thresholds.js';
import { percent } from './percent.js';
import { usageView, type UsageView } from './usage.js';
import { sourceRank } from './preferred-source.js';
import { renewalsOf } from './renewals.js';
import { subscriptionsNeedingAttention } from './subscription-attention.js';
import { subscriptionStarts } from './subscription-starts.js';
import { byName } from './by-name.js';

function newest(records: readonly { readonly asOf: string }[], start: string | null): string | null {
  let latest = start;
  for (const r of records) if (latest === null || r.asOf > latest) latest = r.asOf;
  return latest;
}

/** A product row while its workloads are gathered: the report's row, its list still growing. */
type ProductRow = ProductAdoption & { readonly workloads: WorkloadUsage[] };

/**
 * The product rows: each deployment product, then each product only usage names, with its
 * workloads. Product names match case-insensitively; the spelling first seen names the row.
 */
function productRows(deployment: DeploymentView, usage: UsageView): ProductAdoption[] {
  const products = new Map<string, ProductRow>();
  for (const [key, p] of deployment.byProduct) {
    const deploymentPercent = p.sold === null || p.assigned === null ? null : percent(p.assigned, p.sold);
    products.set(key, { product: p.product, sold: p.sold, assigned: p.assigned, deploymentPercent, workloads: [] });
  }
  // Usage rows repeat a few product names many times: each spelling is lowercased once.
  const bySpelling = new Map<string, ProductRow>();
  for (const r of usage.records) {
    let product = bySpelling.get(r.product);
    if (!product) {
      const key = r.product.toLowerCase();
      product = products.get(key);
      if (!product) {
        product = { product: r.product, sold: null, assigned: null, deploymentPercent: null, workloads: [] };
        products.set(key, product);
      }
      bySpelling.set(r.product, product);
    }
    product.workloads.push({
      workload: r.workload,
      active: r.active,
      entitled: r.entitled,
      usagePercent: r.entitled === null ? null : percent(r.active, r.entitled),
      source: r.source,
    });
  }
  return [...products.values()];
}

/** The sources the counted records came from, in SOURCES order. */
function sourcesUsed(group: CustomerRecords, deployment: DeploymentView, usage: UsageView): Source[] {
  const used = new Array<boolean>(SOURCES.length).fill(false);
  for (const records of [deployment.records, usage.records, group.subscriptions, group.serviceRequests]) {
    for (const r of records) used[sourceRank(r.source)] = true;
  }
  return SOURCES.filter((_, i) => used[i]);
}

export function customerReport(group: CustomerRecords, now: Date, thresholds: Thresholds, links: AdviceLinks): CustomerReport {
  const deployment = deploymentView(group.deployments);
  const usage = usageView(group.usage);
  const serviceRequests = serviceRequestCounts(group.serviceRequests, now);
  const dataAsOf = newest(group.usage, newest(group.deployments, null));
  return {
    customer: group.name,
    tenantId: group.tenantId,
    dataAsOf,
    sources: sourcesUsed(group, deployment, usage),
    deploymentPercent: deployment.percent,
    usagePercent: usage.percent,
    sold: deployment.sold,
    assigned: deployment.assigned,
    active: usage.active,
    entitled: usage.entitled,
    products: productRows(deployment, usage),
    workloads: usage.byWorkload,
    flags: explain(group, usage, dataAsOf, now, thresholds),
    recommendations: advise(
      {
        deploymentPercent: deployment.percent,
        usagePercent: usage.percent,
        sold: deployment.sold,
        assigned: deployment.assigned,
        serviceRequests,
      },
      thresholds,
      links,
    ),
    renewals: renewalsOf(group.subscriptions),
    serviceRequests,
    subscriptionsNeedingAttention: subscriptionsNeedingAttention(group.subscriptions),
    subscriptionStarts: subscriptionStarts(group.subscriptions),
  };
}

/** The lower of a customer's two percentages; customers without numbers sort last. */
export function worstPercent(report: CustomerReport): number {
  const { deploymentPercent: d, usagePercent: u } = report;
  if (d === null) return u ?? Number.POSITIVE_INFINITY;
  return u === null ? d : Math.min(d, u);
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
    .sort((a, b) => a.worst - b.worst || byName(a.report.customer, b.report.customer))
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
