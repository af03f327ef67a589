import type { RankOrder } from '../metrics/percent-filter.js';
import { lowPercent } from '../metrics/thresholds.js';
import type { WorkloadPortfolioTotal } from '../metrics/workload-totals.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { buttons } from './actions.js';
import type { Reply } from './card.js';
import { messageCard } from './message-cards.js';
import { count, customersText, percentText } from './text.js';

/** "Yammer: usage 61.1% (110 of 180 active), 9 customers, 2 under 50%". */
function workloadLine(t: WorkloadPortfolioTotal, under: number): string {
  return `${t.workload}: usage ${percentText(t.usagePercent)} (${count(t.active)} of ${count(t.entitled)} active), ${customersText(t.customers)}, ${count(t.low)} under ${under}%`;
}

/**
 * "which workload is least used?", "usage by workload": each workload's usage over every customer
 * whose data counts its entitlements, the lowest first (where an adoption campaign is most
 * needed) or the highest, with how many customers are under the usage threshold in it.
 */
export function workloadsCard(view: PortfolioView, order: RankOrder): Reply {
  const totals = view.workloadTotals(order);
  if (totals.length === 0)
    return messageCard(
      'No workload usage is in the cache yet.',
      ['Import or sync usage data first: ask "how do I import data?".'],
      [buttons.help()],
    );
  const under = lowPercent(view.thresholds, 'workload');
  // Listed lowest first, the least used leads; listed highest first, it is asked for apart.
  const [least] = order === 'lowest' ? totals : view.workloadTotals('lowest');
  return messageCard(
    `Usage by workload across ${customersText(view.customers.length)}, the ${order} first`,
    [
      ...totals.map((t) => workloadLine(t, under)),
      "Each is active of entitled (last 28 days), summed over the customers whose data counts the workload's entitlements.",
      ...(totals.some((t) => t.active > t.entitled)
        ? [
            'Above 100%: more people were active than hold a license that includes it (Yammer used without one, licenses moved to new employees, trials); ask "why is <customer>\'s usage above 100%?" for one customer\'s reasons.',
          ]
        : []),
      `The least used is ${least!.workload}: ask "customers with low ${least!.workload} usage" for the customers to start an adoption campaign with. The command line lists the same: adoption workloads${order === 'highest' ? ' --highest' : ''}`,
    ],
    [buttons.lowAdoption(), buttons.portfolio(), buttons.help()],
  );
}
