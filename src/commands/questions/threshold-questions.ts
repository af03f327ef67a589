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
/** "usage threshold 40", "the upsell threshold is 85%", "make low usage 45%", "treat usage under 45% as low": the same, said shorter. */
const SET_SAID = [
  /^(?:(?:the|our|my) )?(.+?) (?:threshold|limit)(?: (?:is|=|should be|to|at|of))? (\d{1,4}(?:\.\d+)?)\s*(?:%|percent|days?|(?:support |service )?requests?)?$/,
  /^(?:make|set) (low (?:usage|deployment)) (?:below |under |to |at )?(\d{1,3}(?:\.\d+)?)\s*(?:%|percent)?$/,
  /^(?:treat|count|consider|call) (usage|deployment) (?:below|under|less than) (\d{1,3}(?:\.\d+)?)\s*(?:%|percent)? (?:as )?low$/,
];
const RESET =
  /^(?:reset|restore|clear|undo)(?: the| all| our| my)* (?:thresholds?|threshold changes)(?: to (?:the )?(?:defaults?|configured(?: ones)?))?$|^(?:use )?(?:the )?default thresholds$/;

export type ThresholdCommand =
  { readonly kind: 'threshold-set'; readonly threshold: ThresholdName; readonly value: number } | { readonly kind: 'thresholds-reset' };

/** The threshold change asked for; null when the words name no threshold ("set the threshold to 30%" is a question about them). */
export function thresholdAsked(asked: string): ThresholdCommand | null {
  if (RESET.test(asked)) return { kind: 'thresholds-reset' };
  const set = SET.exec(asked);
  const said = set ? null : SET_SAID.map((pattern) => pattern.exec(asked)).find((m) => m !== null);
  const [named, value] = set ? [set[1] ?? set[2]!, set[3]!] : said ? [said[1]!, said[2]!] : [undefined, undefined];
  if (named === undefined) return null;
  const threshold = NAMES.find(([pattern]) => pattern.test(named))?.[1];
  return threshold === undefined ? null : { kind: 'threshold-set', threshold, value: Number(value) };
}
