import { FLAG_CODES, RECOMMENDATION_CODES, type FindingCode, type PartnerTotal } from '../metrics/report-types.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import { buttons } from './actions.js';
import type { Reply } from './card.js';
import { findingLabel } from './labels.js';
import { count, customersText, day, deploymentCounted, percentText, plain, usageCounted } from './text.js';
import { row, listCard, flagNote } from './list-cards.js';

/** The portfolio: totals, the lowest customers first, and the customers counted by flag and action. */

/** The lowest customers the portfolio shows; "low adoption" and "all customers" list the rest. */
const PORTFOLIO_ROWS = 10;

function partnerFigure(t: PartnerTotal): { title: string; value: string } {
  const sold = t.licensesSold === null ? '' : ` of ${count(t.licensesSold)} licenses sold`;
  return {
    title: plain(`${t.measure === 'deployment' ? 'Deployment' : 'Usage'}, ${t.service}${t.workload === null ? '' : ` ${t.workload}`}`, 80),
    value: `${percentText(t.percent)}${sold} (as of ${day(t.asOf)})`,
  };
}

export function portfolioCard(view: PortfolioView): Reply {
  const s = view.summary;
  const t = view.thresholds;
  const shown = view.customers.slice(0, PORTFOLIO_ROWS);
  const counted = <K extends FindingCode>(codes: readonly K[], counts: Readonly<Record<K, number>>) =>
    codes.filter((k) => counts[k] > 0).map((k) => ({ title: findingLabel(k), value: customersText(counts[k]), code: k }));
  return listCard(
    {
      title: `Portfolio: ${customersText(s.customers)}`,
      subtitle: `Computed ${day(view.report.generatedAt)} from the cache · worst first`,
      // Only Partner Center's partner-wide figures are in: no customer totals to show.
      totals:
        s.customers === 0
          ? []
          : [
              {
                title: 'Deployment',
                value: deploymentCounted(s.assigned, s.sold, s.deploymentPercent),
              },
              { title: 'Usage', value: usageCounted(s.active, s.entitled, s.usagePercent) },
              {
                title: 'Median customer',
                value: `deployment ${percentText(s.median.deploymentPercent)}, usage ${percentText(s.median.usagePercent)}`,
              },
              {
                title: 'Low adoption',
                value: `${customersText(s.lowAdoption)} (deployment under ${t.deploymentLowPercent}% or usage under ${t.usageLowPercent}%)`,
              },
            ],
      listTitle: shown.length < s.customers ? `Lowest ${shown.length}` : 'Customers',
      rows: shown.map((c) => row(c, t, flagNote(c))),
      more:
        shown.length < s.customers
          ? `Showing the ${shown.length} lowest of ${count(s.customers)}. Ask "low adoption" or "below 50%" for more, or "all customers" for every one, A to Z.`
          : '',
      sections: [
        { title: 'Why numbers look odd', facts: counted(FLAG_CODES, s.flags) },
        { title: 'Suggested actions', facts: counted(RECOMMENDATION_CODES, s.recommendations) },
      ].filter((section) => section.facts.length > 0),
      // Every customer by name, when the card cannot show them all.
      buttons: [buttons.lowAdoption(), buttons.actions(), ...(shown.length < s.customers ? [buttons.allCustomers()] : []), buttons.help()],
      partnerFigures: view.report.partnerTotals.map(partnerFigure),
    },
    `Portfolio: ${customersText(s.customers)}, deployment ${percentText(s.deploymentPercent)}, usage ${percentText(s.usagePercent)}`,
  );
}
