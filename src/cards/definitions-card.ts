import type { Thresholds } from '../metrics/thresholds.js';
import { buttons } from './actions.js';
import type { Reply } from './card.js';
import { messageCard } from './message-cards.js';

/** The answer to "what is usage?", "how is deployment counted?", "why is usage above 100%?". */
export function definitionsCard(thresholds: Thresholds): Reply {
  const t = thresholds;
  return messageCard(
    'How the numbers are counted',
    [
      'Deployment % = licenses assigned ÷ licenses sold × 100, per customer and product, and over all products. Suspended, locked-out and deleted licenses are not sold ones.',
      'Usage % = active entitlements ÷ total entitlements × 100, per workload (Exchange, SharePoint with OneDrive, Teams, Yammer, Skype for Business ...), and over all workloads.',
      'An entitlement is a license a user may use: not suspended, not upgraded away, not cancelled. Active means the user used that workload in the 28 days up to the report date.',
      'Usage can read above 100%, and the customer card says why: a license moved to a new employee (both people were active); two subscriptions for one product, one in grace period, disabled or de-provisioned (both register activity, one counts); a trial (its activity counts, its licenses do not); Yammer used beyond its licenses.',
      `Low adoption: deployment under ${t.deploymentLowPercent}% or usage under ${t.usageLowPercent}%. Deployment at or above ${t.upsellDeploymentPercent}% is an upsell opportunity; ${t.supportRequests30Days} or more service requests in 30 days call for training and self-support.`,
      'Whoever runs the bot configures these (ADOPTION_DEPLOYMENT_LOW_PERCENT, ADOPTION_USAGE_LOW_PERCENT, ADOPTION_UPSELL_DEPLOYMENT_PERCENT, ADOPTION_SUPPORT_REQUESTS_30D); an admin changes one here for everyone: "set the usage threshold to 40%", "set the upsell threshold to 85%" ("reset the thresholds" goes back). An alert takes a threshold of its own: "alerts on below 40%".',
    ],
    [buttons.portfolio(), buttons.lowAdoption(), buttons.help()],
  );
}
