export { customerReport, portfolioReport, worstPercent } from './portfolio.js';
export {
  boundPhrase,
  filterByPercent,
  filterClause,
  filterPhrase,
  measuredPercent,
  measureName,
  measureTotal,
  passesFilter,
  rankBy,
  type MeasureTotal,
  type PercentFilter,
  type PercentFilters,
  type PercentQuery,
  type PercentMeasure,
  type RankOrder,
  type RankedMeasure,
} from './percent-filter.js';
export { percent, fractionToPercent } from './percent.js';
export { isInWindow, windowStart, ACTIVITY_WINDOW_DAYS } from './activity-window.js';
export { DEFAULT_LINKS, DEFAULT_THRESHOLDS, type AdviceLinks, type Thresholds } from './thresholds.js';
export type * from './report-types.js';
export { isLowAdoption, summarize, type PortfolioSummary } from './portfolio-summary.js';
export { customerKey } from './customer-key.js';
export {
  beyondText,
  moves,
  pointOf,
  spanText,
  trend,
  WEEK_DAYS,
  type Move,
  type Movement,
  type Trend,
  type CustomerHistory,
} from './trend.js';
export { actionRow, findingOf, isFindingCode, isFlagCode, needingAction, type ActionRow } from './findings.js';
export {
  inactiveEntitlements,
  mostInactive,
  mostOf,
  mostUnassigned,
  productCounts,
  unassignedLicenses,
  type IdleQuestion,
  type LicenseCounts,
} from './unassigned.js';
export { mostServiceRequests, serviceRequestsText } from './service-requests.js';
export { attentionText, mostNeedingAttention } from './subscription-attention.js';
export {
  customersWithout,
  lackedText,
  lackingNamed,
  licenseSums,
  usageSums,
  productLabel,
  productNames,
  soldOf,
  productsNamed,
  productTotals,
  MOST_SOLD,
  type ProductOrder,
  type Lacking,
  type LicenseSums,
  type UsageSums,
  type ProductTotal,
} from './products.js';
export { workloadTotals, type WorkloadPortfolioTotal } from './workload-totals.js';
export { bySize, type SeatFilter, type SizeOrder, type SizeQuestion } from './size.js';
export {
  calendarName,
  daysAhead,
  daysUntil,
  RENEWAL_DAYS,
  renewalsWithin,
  renewing,
  windowOf,
  type RenewalScope,
  type FixedSpan,
  type RenewalSpan,
  type RenewalWindow,
} from './renewals.js';
export { isAmong, type Among } from './among.js';
export { alphabetical } from './by-name.js';
