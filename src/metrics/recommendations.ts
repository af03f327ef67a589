import type { Recommendation, ServiceRequestCounts } from './report-types.js';
import type { AdviceLinks, Thresholds } from './thresholds.js';
import { serviceRequestsText } from './service-requests.js';

/**
 * What to do about it, after Partner Center's guidance on improving customer adoption:
 * - low usage or many unused licenses: adoption content (case studies, user testimonials for
 *   specific scenarios, tutorial blogs or videos);
 * - many support requests or how-to questions: training plus promoting self-support;
 * - low adoption numbers, or deployment near 100% (an upsell opportunity): training courses.
 */

export interface AdviceInput {
  readonly deploymentPercent: number | null;
  readonly usagePercent: number | null;
  readonly sold: number;
  readonly assigned: number;
  readonly serviceRequests: ServiceRequestCounts;
}

export function advise(input: AdviceInput, thresholds: Thresholds, links: AdviceLinks): Recommendation[] {
  const out: Recommendation[] = [];
  const { deploymentPercent: deployment, usagePercent: usage } = input;
  const lowUsage = usage !== null && usage < thresholds.usageLowPercent;
  const lowDeployment = deployment !== null && deployment < thresholds.deploymentLowPercent;

  if (lowUsage || lowDeployment) {
    const reasons = [
      lowUsage ? `usage ${usage}% is below ${thresholds.usageLowPercent}%` : null,
      lowDeployment
        ? `deployment ${deployment}% is below ${thresholds.deploymentLowPercent}% (${input.sold - input.assigned} of ${input.sold} licenses unassigned)`
        : null,
    ].filter((r): r is string => r !== null);
    out.push({
      code: 'adoption-content',
      message: 'Show people what the licenses they already have can do for them.',
      reason: reasons.join('; '),
      actions: [
        'Share case studies from similar customers',
        'Share user testimonials about specific scenarios (meetings in Teams, co-authoring, file sharing)',
        `Send tutorial blogs or videos: ${links.adoptionContent}`,
      ],
    });
  }

  const requests = input.serviceRequests;
  if (requests.last30Days >= thresholds.supportRequests30Days) {
    out.push({
      code: 'training-and-self-support',
      message: 'Users keep asking how to do things: teach them, and show them where answers are.',
      reason: `${serviceRequestsText(requests)}; the threshold is ${thresholds.supportRequests30Days}`,
      actions: [
        `Offer training, in person or online: ${links.training}`,
        `Promote the customer self-support options on your support site: ${links.selfSupport}`,
      ],
    });
  }

  const upsell = deployment !== null && deployment >= thresholds.upsellDeploymentPercent;
  const assignedButIdle = lowUsage && !lowDeployment;
  if (upsell || assignedButIdle) {
    out.push({
      code: 'training-upsell',
      message: upsell
        ? 'Nearly every license is in use: offer training courses, and talk about more seats or a higher plan.'
        : 'Licenses are assigned but little used: offer training courses.',
      reason: upsell
        ? `deployment ${deployment}% is at or above ${thresholds.upsellDeploymentPercent}%`
        : `usage ${usage}% is below ${thresholds.usageLowPercent}% while ${deployment === null ? 'no deployment figures are in yet' : `deployment is ${deployment}%`}`,
      actions: [
        `Offer training courses: ${links.training}`,
        upsell ? 'Review seat counts and higher plans with the customer' : 'Plan a champions programme with the customer',
      ],
    });
  }
  return out;
}
