import { keyOfCustomer } from '../data/records.js';
import type { CustomerReport } from './report-types.js';

/** How buttons and the history name a customer: the same key as its records (keyOfCustomer). */
export function customerKey(c: Pick<CustomerReport, 'tenantId' | 'customer'>): string {
  return keyOfCustomer({ tenantId: c.tenantId, name: c.customer });
}
