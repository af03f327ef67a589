import { activeUserCsv } from '../helpers.js';
import { appsUserCsv, teamsUserCsv, yammerUserCsv, type FakeCustomer } from './fake-cloud.js';

/** Customers and analytics rows in the documented shapes, for the local cloud. */

const PRODUCT_IDS: Record<string, string> = {
  'OFFICE 365 ENTERPRISE E3': '6FD2C87F-B296-42F0-B197-1E91E994B900',
  'MICROSOFT TEAMS ROOMS': '6070A4C8-34C6-4937-8DFB-39BBC6397A60',
  'POWER BI PRO': 'F8A1DB68-BE16-40ED-86D5-CB42CE701560',
};

export function deploymentRow(c: { tenantId: string; name: string }, product: string, sold: number, deployed: number): object {
  return {
    processedDateTime: '2026-11-23T00:00:00',
    serviceCode: 'o365',
    serviceName: 'Microsoft Office 365',
    channel: 'reseller',
    customerTenantId: c.tenantId.toUpperCase(),
    customerName: c.name.toUpperCase(),
    productId: PRODUCT_IDS[product],
    productName: product,
    licensesDeployed: deployed,
    licensesSold: sold,
  };
}

export function usageRow(c: { tenantId: string; name: string }, workload: string, code: string, active: number, qualified: number): object {
  return {
    processedDateTime: '2026-11-23T00:00:00',
    workloadCode: code,
    workloadName: workload,
    serviceCode: 'o365',
    serviceName: 'Microsoft Office 365',
    channel: 'reseller',
    customerTenantId: c.tenantId.toUpperCase(),
    customerName: c.name.toUpperCase(),
    productId: '6FD2C87F-B296-42F0-B197-1E91E994B900',
    productName: 'OFFICE 365 ENTERPRISE E3',
    licensesActive: active,
    licensesQualified: qualified,
  };
}

export function subscription(c: { id: string }, n: number, seats: number): object {
  const id = `${c.id.slice(0, 8)}-sub${n}`;
  return {
    id,
    offerId: 'CFQ7TTC0LFLX:0002:CFQ7TTC0HL8W',
    offerName: n === 1 ? 'Office 365 E3' : `Add-on ${n}`,
    quantity: seats,
    unitType: 'Licenses',
    creationDate: '2026-01-05T10:00:00Z',
    effectiveStartDate: '2026-01-05T00:00:00Z',
    commitmentEndDate: '2027-01-04T00:00:00Z',
    status: 'active',
    autoRenewEnabled: true,
    isTrial: false,
    billingType: 'license',
    billingCycle: 'monthly',
    links: { self: { uri: `/customers/${c.id}/subscriptions/${id}`, method: 'GET', headers: [] } },
    attributes: { objectType: 'Subscription' },
  };
}

export function customer(c: { id: string; tenantId: string; name: string }, extra: Partial<FakeCustomer> = {}): FakeCustomer {
  const tenant = c.tenantId.toLowerCase();
  return {
    ...c,
    tenantId: tenant,
    subscriptions: [subscription(c, 1, 20)],
    subscribedSkus: [],
    graphSkus: [
      {
        capabilityStatus: 'Enabled',
        consumedUnits: 16,
        id: `${tenant}_05e9a617-0261-4cee-bb44-138d3ef5d965`,
        prepaidUnits: { enabled: 20, suspended: 0, warning: 0, lockedOut: 0 },
        skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965',
        skuPartNumber: 'SPE_E3',
        appliesTo: 'User',
      },
    ],
    reports: {
      getOffice365ActiveUserDetail: activeUserCsv(
        [
          { exchange: { licensed: true, last: '2026-11-18' }, teams: { licensed: true, last: '2026-11-01' } },
          { exchange: { licensed: true, last: '2026-11-19' }, teams: { licensed: true, last: '2026-09-01' } },
          { exchange: { licensed: true, last: '2026-10-01' }, teams: { licensed: true } },
        ],
        false,
      ),
      getTeamsUserActivityUserDetail: teamsUserCsv([
        { licensed: true, last: '2026-11-19' },
        { licensed: true, last: '2026-08-01' },
        { licensed: false, last: '2026-11-02' },
      ]),
      getYammerActivityUserDetail: yammerUserCsv([{ last: '2026-11-11' }, { last: '2026-06-30' }]),
      getM365AppUserDetail: appsUserCsv([{ last: '2026-11-20' }]),
    },
    ...extra,
  };
}
