import type { ThresholdName } from '../../metrics/thresholds.js';

/** "set the usage threshold to 40%", "reset the thresholds": an admin changes what counts as low, upsell, many requests or old. */

/** What people call each threshold. */
const NAMES: readonly (readonly [RegExp, ThresholdName])[] = [
  [/^(?:low )?(?:usage|use)(?: low)?$/, 'usageLowPercent'],
  [/^(?:low )?(?:deployment|deployed)(?: low)?$/, 'deploymentLowPercent'],
  [/^upsell(?: deployment)?$/, 'upsellDeploymentPercent'],
  [/^(?:support|service)(?: requests?| tickets?| calls?| cases?)?$|^training$/, 'supportRequests30Days'],
  [/^(?:stale|old)(?: data)?$|^data age$/, 'staleDays'],
];

/** "set the usage threshold to 40%", "change the threshold for upsell to 85%", "lower the stale data threshold to 14 days". */
const SET =
  /^(?:set|change|lower|raise|adjust|update|move|make|put)(?: the| our| my)? (?:(.+?) (?:threshold|limit|line|level)|threshold (?:for|of|on) (.+?)) (?:to|at) (\d{1,4}(?:\.\d+)?)\s*(?:%|percent|days?|(?:support |service )?requests?)?$/;
const RESET =
  /^(?:reset|restore|clear|undo)(?: the| all| our| my)* (?:thresholds?|threshold changes)(?: to (?:the )?(?:defaults?|configured(?: ones)?))?$|^(?:use )?(?:the )?default thresholds$/;

export type ThresholdCommand =
  { readonly kind: 'threshold-set'; readonly threshold: ThresholdName; readonly value: number } | { readonly kind: 'thresholds-reset' };

/** The threshold change asked for; null when the words name no threshold ("set the threshold to 30%" is a question about them). */
export function thresholdAsked(asked: string): ThresholdCommand | null {
  if (RESET.test(asked)) return { kind: 'thresholds-reset' };
  const match = SET.exec(asked);
  if (!match) return null;
  const named = match[1] ?? match[2]!;
  const threshold = NAMES.find(([pattern]) => pattern.test(named))?.[1];
  return threshold === undefined ? null : { kind: 'threshold-set', threshold, value: Number(match[3]) };
}
