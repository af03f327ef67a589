import type { CustomerReport } from './report-types.js';

/** How buttons and the history name a customer: the tenant id, or the name when no file gave one. */
export function customerKey(c: Pick<CustomerReport, 'tenantId' | 'customer'>): string {
  return c.tenantId ?? `name:${c.customer.toLowerCase()}`;
}
