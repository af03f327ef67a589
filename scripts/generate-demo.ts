/**
 * Writes the demo portfolio into demo/ as files in the documented Partner Center and Microsoft
 * Graph formats. Deterministic: run it again and the files come out the same. The files are
 * committed; `adoption demo` imports them and moves their dates so the portfolio stays current.
 *
 *   npx tsx scripts/generate-demo.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyOfCustomer, type HistoryPoint } from '../src/data/records.js';
import { canonicalWorkload } from '../src/data/workloads.js';
import { DEMO_AS_OF, DEMO_DIR, type DemoManifestEntry } from '../src/demo/manifest.js';

const day = (offset: number): string => new Date(Date.parse(`${DEMO_AS_OF}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const processed = (offset = 0): string => `${day(offset)}T00:00:00`;

interface Product {
  readonly id: string;
  readonly name: string;
  readonly service: 'o365' | 'crm';
  readonly sold: number;
  readonly deployed: number;
  /** workload code -> [active, qualified] */
  readonly usage: Readonly<Record<string, readonly [number, number]>>;
}

/**
 * How a customer's [deployment %, usage %] moved over the weekly syncs before the demo's day: the
 * values twelve weeks before it and at its last sync, in a straight line between. The demo's files
 * give the day's own numbers.
 */
interface Story {
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
}

interface Customer {
  readonly tenant: string;
  readonly name: string;
  readonly slug: string;
  readonly processedOffset?: number;
  readonly products: readonly Product[];
  readonly story: Story;
}

const E3 = '6FD2C87F-B296-42F0-B197-1E91E994B900';
const BP = 'CBDC14AB-D96C-4C30-B9F4-6ADA7CDC1D46';
const D365 = '1E1A282C-9C54-43A2-9310-98EF728FAACE';
const WORKLOAD_NAMES: Record<string, string> = {
  EXO: 'Exchange',
  SPO: 'SharePoint',
  TEAMS: 'Microsoft Teams',
  YAM: 'Yammer',
  SFB: 'Skype For Business',
  CRM: 'Microsoft Dynamics CRM',
};

const e3 = (sold: number, deployed: number, usage: Product['usage']): Product => ({
  id: E3,
  name: 'OFFICE 365 ENTERPRISE E3',
  service: 'o365',
  sold,
  deployed,
  usage,
});
const bp = (sold: number, deployed: number, usage: Product['usage']): Product => ({
  id: BP,
  name: 'MICROSOFT 365 BUSINESS PREMIUM',
  service: 'o365',
  sold,
  deployed,
  usage,
});
const d365 = (sold: number, deployed: number, usage: Product['usage']): Product => ({
  id: D365,
  name: 'DYNAMICS 365 SALES ENTERPRISE',
  service: 'crm',
  sold,
  deployed,
  usage,
});

const tenant = (n: number): string => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${(0xc0ffee000000 + n).toString(16)}`;

export const CUSTOMERS: readonly Customer[] = [
  {
    tenant: tenant(1),
    name: 'Contoso Ltd',
    slug: 'contoso',
    story: { from: [78, 80], to: [93, 87] },
    products: [e3(300, 285, { EXO: [260, 285], SPO: [231, 285], TEAMS: [270, 285] })],
  },
  {
    tenant: tenant(2),
    name: 'Fabrikam Inc',
    slug: 'fabrikam',
    story: { from: [52, 58], to: [41, 44] },
    products: [bp(100, 40, { EXO: [22, 40], SPO: [9, 40], TEAMS: [14, 40] })],
  },
  {
    tenant: tenant(3),
    name: 'Northwind Traders',
    slug: 'northwind',
    story: { from: [85, 86], to: [90.9, 90] },
    products: [e3(55, 50, { EXO: [52, 50], SPO: [41, 50], TEAMS: [44, 50] })],
  },
  {
    tenant: tenant(4),
    name: 'Woodgrove Bank',
    slug: 'woodgrove',
    story: { from: [80, 88], to: [83.3, 91] },
    products: [e3(120, 100, { EXO: [104, 100], SPO: [80, 100], TEAMS: [92, 100] })],
  },
  {
    tenant: tenant(5),
    name: 'Tailspin Toys',
    slug: 'tailspin',
    story: { from: [72, 84], to: [80, 92] },
    products: [bp(25, 20, { EXO: [19, 20], TEAMS: [22, 20], SPO: [15, 20] })],
  },
  {
    tenant: tenant(6),
    name: 'Adventure Works',
    slug: 'adventureworks',
    story: { from: [85, 96], to: [87.5, 104] },
    products: [e3(80, 70, { EXO: [63, 70], TEAMS: [60, 70], YAM: [70, 40] })],
  },
  {
    tenant: tenant(7),
    name: 'Litware Inc',
    slug: 'litware',
    story: { from: [80, 78], to: [83.3, 82.7] },
    products: [bp(60, 50, { EXO: [45, 50], SPO: [38, 50], TEAMS: [41, 50] })],
  },
  {
    tenant: tenant(8),
    name: 'Proseware',
    slug: 'proseware',
    story: { from: [70, 72], to: [75, 75] },
    processedOffset: -21,
    products: [e3(40, 30, { EXO: [24, 30], TEAMS: [21, 30] })],
  },
  {
    tenant: tenant(10),
    name: 'Alpine Ski House',
    slug: 'alpine',
    story: { from: [74, 70], to: [80, 77] },
    products: [bp(50, 40, { EXO: [34, 40], SPO: [28, 40], TEAMS: [31, 40] })],
  },
  {
    tenant: tenant(11),
    name: 'Coho Winery',
    slug: 'coho',
    story: { from: [93.3, 52], to: [93.3, 38] },
    products: [e3(45, 42, { EXO: [18, 42], SPO: [9, 42], TEAMS: [12, 42] })],
  },
  {
    tenant: tenant(12),
    name: 'Fourth Coffee',
    slug: 'fourthcoffee',
    story: { from: [80, 72], to: [85, 78] },
    products: [bp(150, 128, { EXO: [110, 128], SPO: [90, 128], TEAMS: [101, 128] }), d365(20, 17, { CRM: [13, 17] })],
  },
];

/** Wingtip Toys has no Partner Center analytics: its numbers come from Graph in its own tenant. */
const WINGTIP = { tenant: tenant(9), name: 'Wingtip Toys', story: { from: [90, 75], to: [94.3, 81] } } as const;

const WEEKS = 12;
const round1 = (v: number): number => Math.round(v * 10) / 10;

/** The demo's day's usage percent of each workload (by canonical name) and over all, from the products' counts. */
function workloadUsage(products: readonly Product[]): { each: Record<string, number>; overall: number } {
  const sums = new Map<string, [number, number]>();
  for (const p of products) {
    for (const [code, [active, qualified]] of Object.entries(p.usage)) {
      const name = canonicalWorkload(WORKLOAD_NAMES[code]!);
      const [a, q] = sums.get(name) ?? [0, 0];
      sums.set(name, [a + active, q + qualified]);
    }
  }
  const counts = [...sums.values()];
  const overall = (100 * counts.reduce((sum, [a]) => sum + a, 0)) / counts.reduce((sum, [, q]) => sum + q, 0);
  return { each: Object.fromEntries([...sums].map(([name, [a, q]]) => [name, (100 * a) / q])), overall };
}

/**
 * Each customer's points as the weekly syncs before the demo's day would have kept them (the
 * cache's own history shape, by customer key). A customer whose data went stale stopped syncing
 * when its data did.
 */
function history(): Record<string, HistoryPoint[]> {
  const out: Record<string, HistoryPoint[]> = {};
  for (const c of [...CUSTOMERS, WINGTIP]) {
    const { from, to } = c.story;
    const last = ('processedOffset' in c ? c.processedOffset : undefined) ?? -7;
    const offsets = Array.from({ length: WEEKS }, (_, week) => -7 * (WEEKS - week)).filter((offset) => offset <= last);
    const at = (i: number, k: 0 | 1): number => round1(from[k] + ((to[k] - from[k]) * i) / (offsets.length - 1));
    const workloads = 'products' in c ? workloadUsage(c.products) : null;
    const points = offsets.map((offset, i) => ({
      day: day(offset),
      deploymentPercent: at(i, 0),
      usagePercent: at(i, 1),
      // Each workload moved as the customer's usage did, in proportion.
      ...(workloads && {
        workloadUsage: Object.fromEntries(
          Object.entries(workloads.each).map(([name, percent]) => [name, round1((percent * at(i, 1)) / workloads.overall)]),
        ),
      }),
    }));
    out[keyOfCustomer({ tenantId: c.tenant, name: c.name })] = points;
  }
  return out;
}

function analytics(): { deployment: object; usage: object } {
  const deployment: object[] = [];
  const usage: object[] = [];
  for (const c of CUSTOMERS) {
    for (const p of c.products) {
      const common = {
        processedDateTime: processed(c.processedOffset),
        serviceCode: p.service,
        serviceName: p.service === 'o365' ? 'Microsoft Office 365' : 'Microsoft Dynamics',
        channel: 'reseller',
        customerTenantId: c.tenant.toUpperCase(),
        customerName: c.name,
        productId: p.id,
        productName: p.name,
      };
      deployment.push({ ...common, licensesDeployed: p.deployed, licensesSold: p.sold });
      for (const [code, [active, qualified]] of Object.entries(p.usage)) {
        usage.push({
          ...common,
          workloadCode: code,
          workloadName: WORKLOAD_NAMES[code],
          licensesActive: active,
          licensesQualified: qualified,
        });
      }
    }
  }
  const page = (rows: object[]): object => ({ Value: rows, '@nextLink': null, TotalCount: rows.length });
  return { deployment: page(deployment), usage: page(usage) };
}

const link = (t: string, path: string): object => ({ uri: `/customers/${t}/${path}`, method: 'GET', headers: [] });

function subscription(
  t: string,
  id: string,
  offerId: string,
  offerName: string,
  quantity: number,
  status: string,
  extra: object = {},
): object {
  return {
    id,
    offerId,
    offerName,
    friendlyName: offerName,
    quantity,
    unitType: 'Licenses',
    creationDate: `${day(-300)}T10:12:00Z`,
    effectiveStartDate: `${day(-300)}T00:00:00Z`,
    commitmentEndDate: `${day(65)}T00:00:00Z`,
    status,
    autoRenewEnabled: true,
    isTrial: false,
    billingType: 'license',
    billingCycle: 'monthly',
    termDuration: 'P1Y',
    attentionNeeded: false,
    contractType: 'subscription',
    links: { self: link(t, `subscriptions/${id}`) },
    attributes: { objectType: 'Subscription' },
    ...extra,
  };
}

function collection(t: string, path: string, items: object[]): object {
  return { totalCount: items.length, items, links: { self: link(t, path) }, attributes: { objectType: 'Collection' } };
}

function serviceRequests(): object {
  const titles = [
    'Cannot share files with guests',
    'How do I set up a Teams meeting room?',
    'Mailbox migration stuck',
    'How to recover a deleted SharePoint site',
    'Outlook asks for password again',
  ];
  return {
    totalCount: titles.length,
    items: titles.map((title, i) => ({
      title,
      severity: i === 2 ? 1 : 3,
      id: `61511249116${9010 + i}`,
      status: i < 3 ? 1 : 2,
      organization: { id: tenant(7), name: 'Litware Inc' },
      primaryContact: { lastName: 'Ito', firstName: 'Ren' },
      createdDate: `${day(-4 * i - 1)}T09:07:00.863`,
      lastModifiedDate: `${day(-2 * i)}T01:17:10.61`,
      lastClosedDate: i < 3 ? '0001-01-01T00:00:00' : `${day(-i)}T12:00:00`,
      attributes: { objectType: 'ServiceRequest' },
    })),
    attributes: { objectType: 'Collection' },
  };
}

const HEADER =
  'Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products';

/**
 * Northwind Traders: 50 licensed staff of whom 47 mailed in the last 28 days, 5 licenses moved
 * from leavers (deleted, active earlier in the window) to newcomers (assigned inside the window).
 */
function northwindActiveUserDetail(): string {
  const refresh = day(-2);
  const lines = [HEADER];
  const hash = (i: number): string => (0x9e3779b1 * (i + 1)).toString(16).toUpperCase().padStart(12, '0').slice(-12);
  for (let i = 0; i < 55; i++) {
    const leaver = i >= 50;
    const newcomer = i >= 45 && !leaver;
    const exchange = leaver ? day(-20) : i < 47 ? day(-2 - (i % 20)) : day(-40);
    const assigned = newcomer ? day(-10) : day(-400);
    const teams = leaver ? day(-21) : i < 44 ? day(-3 - (i % 15)) : '';
    const sharepoint = !leaver && i < 41 ? day(-5 - (i % 10)) : '';
    lines.push(
      [
        refresh,
        hash(i),
        hash(i + 1000),
        leaver ? 'True' : 'False',
        leaver ? day(-12) : '',
        'True',
        'True',
        'True',
        'False',
        'False',
        'True',
        exchange,
        '',
        sharepoint,
        '',
        '',
        teams,
        assigned,
        assigned,
        assigned,
        '',
        '',
        assigned,
        'OFFICE 365 E3',
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function wingtipSubscribedSkus(): object {
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscribedSkus',
    value: [
      {
        accountName: 'Wingtip Toys',
        accountId: WINGTIP.tenant,
        appliesTo: 'User',
        capabilityStatus: 'Enabled',
        consumedUnits: 33,
        id: `${WINGTIP.tenant}_05e9a617-0261-4cee-bb44-138d3ef5d965`,
        prepaidUnits: { enabled: 35, lockedOut: 0, suspended: 0, warning: 0 },
        servicePlans: [],
        skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965',
        skuPartNumber: 'SPE_E3',
        subscriptionIds: ['7a2d5c1e-0c4f-4c0b-9d43-3f1e0c9b1a11'],
      },
    ],
  };
}

function wingtipServicesUserCounts(): string {
  const header =
    'Report Refresh Date,Exchange Active,Exchange Inactive,OneDrive Active,OneDrive Inactive,SharePoint Active,SharePoint Inactive,Skype For Business Active,Skype For Business Inactive,Yammer Active,Yammer Inactive,Teams Active,Teams Inactive,Office 365 Active,Office 365 Inactive,Report Period';
  return `\uFEFF${header}\r\n${[day(-2), 30, 3, 21, 12, 25, 8, 0, 0, 0, 0, 29, 4, 31, 2, 30].join(',')}\r\n`;
}

async function main(): Promise<void> {
  const write = async (name: string, content: object | string): Promise<string> => {
    await mkdir(join(DEMO_DIR, name, '..'), { recursive: true });
    await writeFile(join(DEMO_DIR, name), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
    return name;
  };
  const { deployment, usage } = analytics();
  const woodgrove = CUSTOMERS[3]!.tenant;
  const tailspin = CUSTOMERS[4]!.tenant;
  const manifest: DemoManifestEntry[] = [
    { file: await write('partner-center/analytics-commercial-deployment-license.json', deployment) },
    { file: await write('partner-center/analytics-commercial-usage-license.json', usage) },
    {
      file: await write(
        'partner-center/woodgrove-subscriptions.json',
        collection(woodgrove, 'subscriptions', [
          // Its term ends within the month: the renewal the demo's lists and cards show first.
          subscription(
            woodgrove,
            '4a1f0c6e-55b1-4c71-a7b0-0d1c3f6b2e01',
            'CFQ7TTC0LF8Q:0001:CFQ7TTC0KDN3',
            'Office 365 E3',
            100,
            'active',
            {
              commitmentEndDate: `${day(30)}T00:00:00Z`,
            },
          ),
          subscription(
            woodgrove,
            '4a1f0c6e-55b1-4c71-a7b0-0d1c3f6b2e02',
            'CFQ7TTC0LF8Q:0001:CFQ7TTC0KDN1',
            'Office 365 E3',
            20,
            'suspended',
            { commitmentEndDate: `${day(30)}T00:00:00Z` },
          ),
        ]),
      ),
    },
    {
      file: await write(
        'partner-center/tailspin-subscriptions.json',
        collection(tailspin, 'subscriptions', [
          subscription(
            tailspin,
            '8c3e2b9a-1d44-4f0e-9a61-22b7e4c0f101',
            'CFQ7TTC0LCHC:0002:CFQ7TTC0M8F0',
            'Microsoft 365 Business Premium',
            20,
            'active',
            // Auto-renew turned off: it ends with its term unless someone acts ("who is not renewing?").
            { autoRenewEnabled: false },
          ),
          subscription(
            tailspin,
            '8c3e2b9a-1d44-4f0e-9a61-22b7e4c0f102',
            'CFQ7TTC0LDPB:0001:CFQ7TTC0TRL1',
            'Microsoft Teams Premium Trial',
            5,
            'active',
            // A one-month trial, half used: its end comes before every renewal.
            {
              isTrial: true,
              billingCycle: 'none',
              creationDate: `${day(-15)}T10:12:00Z`,
              effectiveStartDate: `${day(-15)}T00:00:00Z`,
              commitmentEndDate: `${day(15)}T00:00:00Z`,
              termDuration: 'P1M',
            },
          ),
        ]),
      ),
    },
    { file: await write('partner-center/litware-servicerequests.json', serviceRequests()), tenant: tenant(7) },
    {
      file: await write('graph/northwind-office365-active-user-detail.csv', northwindActiveUserDetail()),
      tenant: CUSTOMERS[2]!.tenant,
      customer: CUSTOMERS[2]!.name,
    },
    { file: await write('graph/wingtip-subscribedskus.json', wingtipSubscribedSkus()), tenant: WINGTIP.tenant, customer: WINGTIP.name },
    {
      file: await write('graph/wingtip-office365-services-user-counts.csv', wingtipServicesUserCounts()),
      tenant: WINGTIP.tenant,
      customer: WINGTIP.name,
    },
  ];
  await write('manifest.json', { asOf: DEMO_AS_OF, files: manifest, history: await write('history.json', history()) });
}

await main();
