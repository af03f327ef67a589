import { expect } from 'chai';
import type { ServiceRequestRecord, ServiceRequestStatus } from '../../src/data/records.js';
import { mostServiceRequests, serviceRequestCounts, serviceRequestsText } from '../../src/metrics/service-requests.js';
import { reportOf } from '../helpers.js';

const request = (id: string, status: ServiceRequestStatus, createdDate: string | null): ServiceRequestRecord => ({
  kind: 'service-request',
  key: id,
  customer: { tenantId: 't', name: 'Contoso' },
  source: 'pc-service-requests',
  asOf: '2026-11-25T00:00:00.000Z',
  requestId: id,
  title: 'How do I share a file?',
  status,
  severity: 'minimal',
  createdDate,
});

describe('service requests', () => {
  it('counts the requests of the 30 days up to now, and the open or attention-needing ones among them', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const requests = [
      request('a', 'open', '2026-11-24T09:00:00Z'),
      request('b', 'attention_needed', '2026-10-26T12:00:00Z'),
      request('c', 'closed', '2026-11-01T00:00:00Z'),
      // A day too old, and one with no date: not counted.
      request('d', 'open', '2026-10-26T11:59:59Z'),
      request('e', 'open', null),
    ];
    const counts = serviceRequestCounts(requests, now);
    expect(counts).to.deep.equal({ last30Days: 3, open: 2 });
    expect(serviceRequestsText(counts)).to.equal('3 service requests in the last 30 days (2 still open)');
    expect(serviceRequestsText({ last30Days: 1, open: 0 })).to.equal('1 service request in the last 30 days (0 still open)');
  });

  it('lists the customers with more than so many, the most first, then the most open, then by name', () => {
    const c = (name: string, last30Days: number, open: number) => reportOf(name, { serviceRequests: { last30Days, open } });
    const customers = [c('Delta', 2, 0), c('Alpha', 5, 1), c('Charlie', 2, 2), c('Bravo', 2, 0), c('Echo', 0, 0)];
    expect(mostServiceRequests(customers).map((r) => r.customer)).to.deep.equal(['Alpha', 'Charlie', 'Bravo', 'Delta']);
    expect(mostServiceRequests(customers, 2).map((r) => r.customer)).to.deep.equal(['Alpha']);
  });
});
