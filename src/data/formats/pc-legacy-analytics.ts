import { count, fraction, Notes, requiredDate, text, type JsonObject } from './fields.js';
import { contextCustomer, NO_CUSTOMER_HINT, pagingNote, readItems, type JsonDocument } from './json-document.js';
import { FormatError, itemHas, objectTypeIs, type JsonFormat } from './json-format.js';
import type { ImportContext } from './read-result.js';
import { keyOfCustomer, type CustomerRef, type DeploymentRecord, type PartnerTotalRecord, type UsageRecord } from '../records.js';
import { canonicalWorkload } from '../workloads.js';
import { fractionToPercent } from '../../metrics/percent.js';

/**
 * Partner Center licenses analytics, the API superseded by commercial analytics but still in
 * partners' scripts: per customer GET /v1/customers/{id}/analytics/licenses/deployment|usage and
 * partner-wide GET /v1/analytics/licenses/deployment|usage. Collections of items with
 * attributes.objectType; percents are 0..1 fractions. Per-customer items often carry only the
 * customer's name (the documented example has no customerId).
 */

function customerOf(row: JsonObject, ctx: ImportContext, notes: Notes): CustomerRef {
  const fromFile = { tenantId: text(row, ['customerId'], notes), name: text(row, ['customerName'], notes) };
  const customer = contextCustomer(ctx, fromFile);
  if (customer === null) throw new FormatError('the items name no customer', NO_CUSTOMER_HINT);
  return customer;
}

const isCustomerDeployment = (doc: JsonDocument): boolean =>
  objectTypeIs(doc, 'CustomerLicensesDeploymentInsights') || itemHas(doc, 'licensesDeployed', 'licensesSold', 'customerName');
const isCustomerUsage = (doc: JsonDocument): boolean =>
  objectTypeIs(doc, 'CustomerLicensesUsageInsights') ||
  itemHas(doc, ['licensesActive', 'licenseActive'], 'licensesQualified', 'usagePercent');

export const pcLegacyCustomerDeployment: JsonFormat = {
  kind: 'Partner Center customer deployment analytics (legacy)',
  matches: isCustomerDeployment,
  read(doc, ctx, notes): DeploymentRecord[] {
    pagingNote(doc, ctx, notes);
    return readItems(doc, (row) => {
      const customer = customerOf(row, ctx, notes);
      const product = text(row, ['productName'], notes) ?? 'Unknown product';
      return {
        kind: 'deployment',
        key: `deployment|${keyOfCustomer(customer)}|pc-legacy-analytics|${product.toLowerCase()}`,
        customer,
        source: 'pc-legacy-analytics',
        asOf: requiredDate(row, ['processedDateTime'], notes),
        product,
        sold: count(row, ['licensesSold'], notes),
        assigned: count(row, ['licensesDeployed'], notes),
      };
    });
  },
};

export const pcLegacyCustomerUsage: JsonFormat = {
  kind: 'Partner Center customer usage analytics (legacy)',
  matches: isCustomerUsage,
  read(doc, ctx, notes): UsageRecord[] {
    pagingNote(doc, ctx, notes);
    return readItems(doc, (row) => {
      const customer = customerOf(row, ctx, notes);
      const product = text(row, ['productName'], notes) ?? 'Unknown product';
      const workload = canonicalWorkload(text(row, ['workloadName'], notes) ?? text(row, ['workloadCode'], notes) ?? 'Unknown');
      return {
        kind: 'usage',
        key: `usage|${keyOfCustomer(customer)}|pc-legacy-analytics|${product.toLowerCase()}|${workload}`,
        customer,
        source: 'pc-legacy-analytics',
        asOf: requiredDate(row, ['processedDateTime'], notes),
        product,
        workload,
        active: count(row, ['licensesActive', 'licenseActive'], notes),
        entitled: count(row, ['licensesQualified'], notes),
      };
    });
  },
};

const PARTNER: CustomerRef = { tenantId: null, name: null };

export const pcLegacyPartnerDeployment: JsonFormat = {
  kind: 'Partner Center partner-wide deployment analytics (legacy)',
  matches: (doc) => objectTypeIs(doc, 'PartnerLicensesDeploymentInsights') || itemHas(doc, 'proratedDeploymentPercent'),
  read(doc, ctx, notes): PartnerTotalRecord[] {
    pagingNote(doc, ctx, notes);
    return readItems(doc, (row) => {
      const service = text(row, ['serviceName', 'serviceCode'], notes) ?? 'all';
      return {
        kind: 'partner-total',
        key: `partner-total|deployment|${service.toLowerCase()}|${text(row, ['channel'], notes) ?? ''}`,
        customer: PARTNER,
        source: 'pc-legacy-analytics',
        asOf: requiredDate(row, ['processedDateTime'], notes),
        service,
        workload: null,
        percent: fractionToPercent(fraction(row, ['proratedDeploymentPercent'], notes)),
        licensesSold: count(row, ['licensesSold'], notes),
      };
    });
  },
};

export const pcLegacyPartnerUsage: JsonFormat = {
  kind: 'Partner Center partner-wide usage analytics (legacy)',
  matches: (doc) => objectTypeIs(doc, 'PartnerLicensesUsageInsights') || itemHas(doc, 'proratedLicensesUsagePercent'),
  read(doc, ctx, notes): PartnerTotalRecord[] {
    pagingNote(doc, ctx, notes);
    return readItems(doc, (row) => {
      const service = text(row, ['serviceName', 'serviceCode'], notes) ?? 'all';
      const workload = canonicalWorkload(text(row, ['workloadName', 'workloadCode'], notes) ?? 'Unknown');
      return {
        kind: 'partner-total',
        key: `partner-total|usage|${service.toLowerCase()}|${workload}|${text(row, ['channel'], notes) ?? ''}`,
        customer: PARTNER,
        source: 'pc-legacy-analytics',
        asOf: requiredDate(row, ['processedDateTime'], notes),
        service,
        workload,
        percent: fractionToPercent(fraction(row, ['proratedLicensesUsagePercent'], notes)),
        licensesSold: null,
      };
    });
  },
};
