import { count, Notes, requiredDate, text, type JsonObject } from './fields.js';
import { pagingNote, readItems, type JsonDocument } from './json-document.js';
import { FormatError, itemHas, type JsonFormat } from './json-format.js';
import type { ImportContext } from './read-result.js';
import { keyOfCustomer, type CustomerRef, type DeploymentRecord, type UsageRecord } from '../records.js';
import { canonicalWorkload } from '../workloads.js';

/**
 * Partner Center commercial analytics, the current API:
 * GET /v1/analytics/commercial/deployment/license and /v1/analytics/commercial/usage/license.
 * One row per customer x product (x workload for usage), for every customer of the partner.
 */

const ACTIVE = ['licensesActive', 'licenseActive'] as const; // the documented example spells it "licenseActive"

function customerOf(row: JsonObject, ctx: ImportContext, notes: Notes): CustomerRef {
  const tenantId = text(row, ['customerTenantId', 'customerId'], notes)?.toLowerCase() ?? ctx.tenantId;
  const name = text(row, ['customerName'], notes) ?? ctx.customerName;
  if (tenantId === null && name === null) {
    throw new FormatError(
      'a row names no customer (no customerTenantId, no customerName)',
      'Import the file as Partner Center returned it, or add --customer NAME (in chat, send it with "for NAME" in the message).',
    );
  }
  return { tenantId, name };
}

function productOf(row: JsonObject, notes: Notes): { id: string; name: string } {
  const name = text(row, ['productName'], notes);
  const id = text(row, ['productId'], notes);
  const label = name ?? id;
  if (label === null) return { id: 'unknown', name: 'Unknown product' };
  return { id: (id ?? label).toLowerCase(), name: label };
}

export const pcDeploymentAnalytics: JsonFormat = {
  kind: 'Partner Center deployment analytics',
  matches: (doc) => itemHas(doc, 'licensesDeployed', 'licensesSold', 'customerTenantId'),
  read(doc: JsonDocument, ctx: ImportContext, notes: Notes): DeploymentRecord[] {
    pagingNote(doc, ctx, notes);
    return readItems(doc, (row) => {
      const customer = customerOf(row, ctx, notes);
      const product = productOf(row, notes);
      return {
        kind: 'deployment',
        key: `deployment|${keyOfCustomer(customer)}|pc-analytics|${product.id}`,
        customer,
        source: 'pc-analytics',
        asOf: requiredDate(row, ['processedDateTime'], notes),
        product: product.name,
        sold: count(row, ['licensesSold'], notes),
        assigned: count(row, ['licensesDeployed'], notes),
      };
    });
  },
};

export const pcUsageAnalytics: JsonFormat = {
  kind: 'Partner Center usage analytics',
  matches: (doc) => itemHas(doc, ACTIVE, 'licensesQualified', 'customerTenantId'),
  read(doc: JsonDocument, ctx: ImportContext, notes: Notes): UsageRecord[] {
    pagingNote(doc, ctx, notes);
    return readItems(doc, (row) => {
      const customer = customerOf(row, ctx, notes);
      const product = productOf(row, notes);
      const workload = canonicalWorkload(text(row, ['workloadName'], notes) ?? text(row, ['workloadCode'], notes) ?? 'Unknown');
      return {
        kind: 'usage',
        key: `usage|${keyOfCustomer(customer)}|pc-analytics|${product.id}|${workload}`,
        customer,
        source: 'pc-analytics',
        asOf: requiredDate(row, ['processedDateTime'], notes),
        product: product.name,
        workload,
        active: count(row, ACTIVE, notes),
        entitled: count(row, ['licensesQualified'], notes),
      };
    });
  },
};
