import { customerKey } from '../metrics/customer-key.js';
import type { CustomerReport } from '../metrics/report-types.js';
import type { Thresholds } from '../metrics/thresholds.js';
import { buttons } from './actions.js';
import type { Reply } from './card.js';
import { FLAG_LABELS } from './labels.js';
import { messageCard } from './message-cards.js';
import { day, entitlementsText, licensesText, name, percentText } from './text.js';

/**
 * The answer to "why is Adventure Works' usage above 100%?": the customer's two numbers, then each
 * explanation the data holds for them, or that it holds none, then what to do about them.
 */
export function whyCard(report: CustomerReport, thresholds: Thresholds): Reply {
  const who = name(report.customer);
  const numbers =
    `Deployment ${percentText(report.deploymentPercent)} (${licensesText(report.assigned, report.sold, report.deploymentPercent)}), ` +
    `usage ${percentText(report.usagePercent)} (${entitlementsText(report.active, report.entitled, report.usagePercent)}), data as of ${day(report.dataAsOf)}.`;
  const reasons =
    report.flags.length > 0
      ? report.flags.map((f) => `${FLAG_LABELS[f.code].title}: ${f.message}`)
      : [
          `Nothing in the data makes these numbers odd: no license moved to a new employee, no second or trial subscription, no Yammer beyond its licenses, and the data is at most ${thresholds.staleDays} days old. They are the counts as they stand.`,
        ];
  const advice = report.recommendations.map((r) => `What to do (${r.reason}): ${r.message}`);
  return messageCard(
    `${who}: why the numbers look like this`,
    [numbers, ...reasons, ...advice],
    [buttons.customer(`Open ${who}`, customerKey(report)), buttons.portfolio(), buttons.help()],
  );
}
