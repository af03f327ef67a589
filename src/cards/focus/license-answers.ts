import type { CustomerReport } from '../../metrics/report-types.js';
import type { CustomerHistory } from '../../metrics/trend.js';
import type { Thresholds } from '../../metrics/thresholds.js';
import { licenseSums, productsNamed, renewalsNamed, usageSums } from '../../metrics/products.js';
import { byProduct, capitalized, count, percentText, renewalText, spareText, usageCounted } from '../text.js';
import type { PortfolioSummary } from '../../metrics/portfolio-summary.js';

/** Answers about one customer's licenses: how many, of a product, low or not, ready for an upsell. */

/** "300 OFFICE 365 ENTERPRISE E3 licenses sold: 285 assigned (deployment 95%), 15 unassigned.", each product's part when there are several. */
export function seatsAnswer(report: CustomerReport): string {
  if (report.deploymentPercent === null)
    return 'No license counts in the cache: its data so far says who is active, not how many licenses were sold.';
  const counted = report.products.flatMap(({ product, sold, assigned }) =>
    sold === null || assigned === null ? [] : [{ product, sold, assigned }],
  );
  const parts = counted.map((p) => `${p.product}: ${count(p.assigned)} of ${count(p.sold)}`);
  // One product: its name says which licenses.
  const which = counted.length === 1 ? `${counted[0]!.product} ` : '';
  return `${count(report.sold)} ${which}licenses sold: ${count(report.assigned)} assigned (deployment ${percentText(report.deploymentPercent)}), ${spareText(report.sold, report.assigned)}.${byProduct(parts)}`;
}

/**
 * "Ready: deployment 95% is at or above the 90% upsell level; talk about more seats or a higher
 * plan, with training courses." or what comes first.
 */
export function upsellAnswer(report: CustomerReport, thresholds: Thresholds): string {
  const { deploymentPercent: deployment, usagePercent: usage } = report;
  const level = thresholds.upsellDeploymentPercent;
  if (deployment === null) return `No license counts in the cache, so no telling: deployment at or above ${level}% is the upsell level.`;
  if (deployment < level)
    return `Not yet: deployment ${percentText(deployment)} is under the ${level}% upsell level, with ${spareText(report.sold, report.assigned)}; help it assign those first.`;
  if (usage !== null && usage < thresholds.usageLowPercent)
    return `Not yet: deployment ${percentText(deployment)} is at or above the ${level}% upsell level, but usage ${percentText(usage)} is under ${thresholds.usageLowPercent}%: offer training courses first, or more seats will sit idle too.`;
  return `Ready: deployment ${percentText(deployment)} is at or above the ${level}% upsell level; talk about more seats or a higher plan, with training courses.`;
}

/** "Low adoption: deployment 40% is under the 60% threshold, usage 37.5% under 50%." or why not. */
export function standingAnswer(report: CustomerReport, thresholds: Thresholds): string {
  const { deploymentPercent: deployment, usagePercent: usage } = report;
  if (deployment === null && usage === null)
    return 'No deployment or usage figures in the cache yet, so no telling whether its adoption is low.';
  const low = [
    ...(deployment !== null && deployment < thresholds.deploymentLowPercent
      ? [`deployment ${percentText(deployment)} is under the ${thresholds.deploymentLowPercent}% threshold`]
      : []),
    ...(usage !== null && usage < thresholds.usageLowPercent
      ? [`usage ${percentText(usage)} is under the ${thresholds.usageLowPercent}% threshold`]
      : []),
  ];
  if (low.length > 0) return `Low adoption: ${low.join(', and ')}.`;
  const numbers = [
    ...(deployment === null ? [] : [`deployment ${percentText(deployment)} (low under ${thresholds.deploymentLowPercent}%)`]),
    ...(usage === null ? [] : [`usage ${percentText(usage)} (low under ${thresholds.usageLowPercent}%)`]),
  ];
  const upsell =
    deployment !== null && deployment >= thresholds.upsellDeploymentPercent
      ? `; deployment at or above ${thresholds.upsellDeploymentPercent}% is an upsell opportunity`
      : '';
  return `Not low: ${numbers.join(', ')}${upsell}.`;
}

/**
 * "Deployment 95% against the median customer's 84.3%, usage 89% against 82.2%: above the typical
 * customer on both." The median, not the sum over all customers, where the largest weigh most.
 */
export function benchmarkAnswer(report: CustomerReport, typical: PortfolioSummary['median']): string {
  const compared = (
    [
      ['deployment', report.deploymentPercent, typical.deploymentPercent],
      ['usage', report.usagePercent, typical.usagePercent],
    ] as const
  ).flatMap(([what, own, median]) => (own === null || median === null ? [] : [{ what, own, median }]));
  if (compared.length === 0) return 'No deployment or usage figures to set against the median customer yet.';
  const said = compared.map(({ what, own, median }) => `${what} ${percentText(own)} against the median customer's ${percentText(median)}`);
  const sides = compared.map(({ what, own, median }) => ({ what, side: own > median ? 'above' : own < median ? 'below' : 'level with' }));
  const [first, second] = sides;
  const verdict =
    second === undefined
      ? `${first!.side} the typical customer`
      : first!.side === second.side
        ? `${first!.side} the typical customer on both`
        : `${first!.side} the typical customer on ${first!.what}, ${second.side} it on ${second.what}`;
  return `${capitalized(said.join(', '))}: ${verdict}.`;
}

export function productAnswer(report: CustomerReport, query: string, history: CustomerHistory): string {
  const products = productsNamed(report, query);
  if (products.length === 0) {
    const named = report.products.map((p) => p.product).join(', ');
    const none = `No product named like "${query}" here: ${named === '' ? 'no products in the cache' : `its products are ${named}`}`;
    // A trial, or a subscription no report counts yet: its end is known.
    const subscriptions = renewalsNamed(report, query);
    if (subscriptions.length === 0) return `${none}.`;
    return `${none}; its subscriptions include ${subscriptions.map((r) => renewalText(r, history.today)).join(' · ')}.`;
  }
  const label = products.map((p) => p.product).join(' and ');
  const licenses = licenseSums(products);
  const deployment =
    licenses.sold === null || licenses.assigned === null
      ? 'no license counts'
      : `${count(licenses.assigned)} of ${count(licenses.sold)} licenses assigned (deployment ${percentText(licenses.deploymentPercent)}), ${spareText(licenses.sold, licenses.assigned)}`;
  const usage = usageSums(products);
  const workloads = products
    .flatMap((p) => p.workloads)
    .flatMap((w) => (w.usagePercent === null ? [] : [`${w.workload} ${percentText(w.usagePercent)}`]));
  const used =
    usage.usagePercent === null
      ? 'no entitlements counted'
      : `usage ${usageCounted(usage.active, usage.entitled, usage.usagePercent)}${workloads.length > 1 ? `: ${workloads.join(', ')}` : ''}`;
  return `${label}: ${deployment}; ${used}.`;
}
