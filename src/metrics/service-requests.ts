import type { ServiceRequestRecord } from '../data/records.js';
import { DAY_MS } from '../time.js';
import { mostBy } from './most-by.js';
import type { CustomerReport, ServiceRequestCounts } from './report-types.js';

/** A customer's support load: its Partner Center service requests of the last 30 days. */

const WINDOW_DAYS = 30;

/** The service requests created in the 30 days up to `now`, and how many of those are still open (or need attention). */
export function serviceRequestCounts(requests: readonly ServiceRequestRecord[], now: Date): ServiceRequestCounts {
  const since = now.getTime() - WINDOW_DAYS * DAY_MS;
  const recent = requests.filter((r) => r.createdDate !== null && Date.parse(r.createdDate) >= since);
  return { last30Days: recent.length, open: recent.filter((r) => r.status === 'open' || r.status === 'attention_needed').length };
}

/** "5 service requests in the last 30 days (3 still open)". */
export function serviceRequestsText(requests: ServiceRequestCounts): string {
  const n = requests.last30Days;
  return `${n} service request${n === 1 ? '' : 's'} in the last ${WINDOW_DAYS} days (${requests.open} still open)`;
}

/** The customers with more than `above` service requests in the last 30 days (any, by default), the most first, then the most open, then by name. */
export function mostServiceRequests<C extends Pick<CustomerReport, 'customer' | 'serviceRequests'>>(
  customers: readonly C[],
  above = 0,
): C[] {
  return mostBy(
    customers,
    (c) => c.serviceRequests.last30Days,
    (c) => c.serviceRequests.open,
    above,
  );
}
