import {
  graphServicesUserCountsJson,
  graphUserReportsJson,
  SERVICES_MARKER,
  SERVICES_USER_COUNTS_KIND,
  USER_REPORTS,
} from './graph-usage-reports.js';
import { graphDirectorySubscriptions } from './graph-directory-subscriptions.js';
import { graphSubscribedSkus } from './graph-subscribed-skus.js';
import type { JsonDocument } from './json-document.js';
import type { JsonFormat } from './json-format.js';
import { pcDeploymentAnalytics, pcUsageAnalytics } from './pc-commercial-analytics.js';
import { pcServiceRequests, pcSubscribedSkus, pcSubscriptions } from './pc-customer-resources.js';
import {
  pcLegacyCustomerDeployment,
  pcLegacyCustomerUsage,
  pcLegacyPartnerDeployment,
  pcLegacyPartnerUsage,
} from './pc-legacy-analytics.js';

/** Every JSON shape, most specific first: the first whose fingerprint fits the content reads it. */
export const JSON_FORMATS: readonly JsonFormat[] = [
  pcDeploymentAnalytics,
  pcUsageAnalytics,
  pcLegacyPartnerDeployment,
  pcLegacyPartnerUsage,
  pcLegacyCustomerDeployment,
  pcLegacyCustomerUsage,
  pcSubscribedSkus,
  pcSubscriptions,
  pcServiceRequests,
  graphSubscribedSkus,
  graphDirectorySubscriptions,
  graphServicesUserCountsJson,
  ...graphUserReportsJson,
];

export function jsonFormatFor(doc: JsonDocument): JsonFormat | null {
  return JSON_FORMATS.find((format) => format.matches(doc)) ?? null;
}

export type CsvKind =
  { readonly type: 'user-report'; readonly report: (typeof USER_REPORTS)[number] } | { readonly type: 'services-counts' };

/** CSV reports are told apart by columns only they have. */
export function csvKindFor(header: readonly string[]): CsvKind | null {
  const columns = new Set(header.map((h) => h.trim().toLowerCase()));
  const has = (names: readonly string[]): boolean => names.every((n) => columns.has(n.toLowerCase()));
  if (has(SERVICES_MARKER)) return { type: 'services-counts' };
  const report = USER_REPORTS.find((r) => has(r.marker));
  return report ? { type: 'user-report', report } : null;
}

export function csvKindLabel(kind: CsvKind): string {
  return kind.type === 'services-counts' ? `${SERVICES_USER_COUNTS_KIND} (CSV)` : `${kind.report.kind} (CSV)`;
}

export const KNOWN_KINDS = [
  ...JSON_FORMATS.map((f) => f.kind),
  ...USER_REPORTS.map((r) => `${r.kind} (CSV)`),
  `${SERVICES_USER_COUNTS_KIND} (CSV)`,
];
