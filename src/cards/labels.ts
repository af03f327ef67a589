import { isFlagCode } from '../metrics/findings.js';
import type { FindingCode, FlagCode, RecommendationCode } from '../metrics/report-types.js';

/** How flags and recommendations are named on cards. */

export const FLAG_LABELS: Readonly<Record<FlagCode, { readonly title: string; readonly color: 'Warning' | 'Attention' | 'Accent' }>> = {
  'license-transfer': { title: 'Licenses moved to new employees', color: 'Accent' },
  'duplicate-subscription': { title: 'Two subscriptions for one product', color: 'Warning' },
  'trial-subscription': { title: 'Trial subscription', color: 'Accent' },
  'yammer-overuse': { title: 'Yammer used beyond its licenses', color: 'Accent' },
  'usage-above-100-unexplained': { title: 'Usage above 100%', color: 'Warning' },
  'stale-data': { title: 'Old data', color: 'Attention' },
};

export const RECOMMENDATION_LABELS: Readonly<Record<RecommendationCode, string>> = {
  'adoption-content': 'Adoption content (case studies, testimonials, tutorials)',
  'training-and-self-support': 'Training and self-support',
  'training-upsell': 'Training courses (upsell)',
};

/** A flag's or a recommendation's name, by its code. */
export function findingLabel(code: FindingCode): string {
  return isFlagCode(code) ? FLAG_LABELS[code].title : RECOMMENDATION_LABELS[code];
}

/** Recommendations named where a column is narrow (the comparison). */
const RECOMMENDATION_SHORT: Readonly<Record<RecommendationCode, string>> = {
  'adoption-content': 'Adoption content',
  'training-and-self-support': 'Training and self-support',
  'training-upsell': 'Training courses (upsell)',
};

/** A flag's or a recommendation's name, short enough for a narrow column. */
export function shortFindingLabel(code: FindingCode): string {
  return isFlagCode(code) ? FLAG_LABELS[code].title : RECOMMENDATION_SHORT[code];
}
