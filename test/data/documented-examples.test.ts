import { expect } from 'chai';
import { doc, ok, refusedMessage, tempStore, type TempStore } from '../helpers.js';
import { BACKENDS } from '../shared-azurite.js';
import type {
  DeploymentRecord,
  PartnerTotalRecord,
  ServiceRequestRecord,
  SubscriptionRecord,
  UsageRecord,
} from '../../src/data/records.js';

/** Each documented response example, quirks and all, through the import path users take. */
for (const backend of BACKENDS) {
  describe(`documented examples (${backend})`, () => {
    let t: TempStore;
    beforeEach(async () => (t = await tempStore(backend)));
    afterEach(() => t.dispose());

    it('reads commercial deployment analytics, blank line inside the list included', async () => {
      const outcome = ok((await t.import([doc('commercial-deployment-license.json')]))[0]);
      expect(outcome.kind).to.equal('Partner Center deployment analytics');
      expect(outcome.warnings).to.deep.equal([]);
      const records = (await t.store.records()) as DeploymentRecord[];
      expect(records.map((r) => [r.customer.tenantId, r.customer.name, r.product, r.sold, r.assigned, r.asOf])).to.deep.equal([
        ['0112a436-b14e-4888-967b-ca4bb2cf1234', 'TEST COMPANY', 'DYNAMICS AX TASK', 9, 0, '2018-10-14T00:00:00.000Z'],
        [
          '0112a436-b14e-4888-967b-ca4bb2cf1234',
          'TEST COMPANY',
          'DOMESTIC AND INTERNATIONAL CALLING PLAN',
          5,
          0,
          '2018-10-14T00:00:00.000Z',
        ],
      ]);
    });

    it('reads the usage example that is not valid JSON and spells "licenseActive", saying what it guessed', async () => {
      const outcome = ok((await t.import([doc('commercial-usage-license.json')]))[0]);
      expect(outcome.kind).to.equal('Partner Center usage analytics');
      expect(outcome.warnings).to.deep.equal([
        'not valid JSON as given: added a missing "]" before line 31, column 1',
        'read "licenseActive" as "licensesActive" (2 times)',
      ]);
      const records = (await t.store.records()) as UsageRecord[];
      expect(records.map((r) => [r.product, r.workload, r.active, r.entitled])).to.deep.equal([
        ['OFFICE 365 ENTERPRISE E3', 'SharePoint with OneDrive', 0, 1],
        ['EXCHANGE ONLINE PROTECTION', 'Exchange', 0, 1],
      ]);
    });

    it('reads legacy per-customer deployment and usage, which name the customer only by name', async () => {
      const [deployment, usage] = await t.import([doc('customer-licenses-deployment.json'), doc('customer-licenses-usage.json')]);
      expect(ok(deployment).kind).to.equal('Partner Center customer deployment analytics (legacy)');
      expect(ok(usage).kind).to.equal('Partner Center customer usage analytics (legacy)');
      const records = await t.store.records();
      const sold = records.filter((r): r is DeploymentRecord => r.kind === 'deployment').reduce((n, r) => n + r.sold, 0);
      expect(sold).to.equal(8);
      const skype = records.find((r): r is UsageRecord => r.kind === 'usage' && r.workload === 'Skype for Business');
      expect(skype?.customer).to.deep.equal({ tenantId: null, name: 'DT DEMO CSP CUSTOMER 005' });
      expect(skype?.asOf).to.equal('2017-03-09T00:00:00.000Z');
    });

    it('reads partner-wide legacy deployment as prorated percents on the 0-100 scale', async () => {
      ok((await t.import([doc('partner-licenses-deployment.json')]))[0]);
      const totals = (await t.store.records()) as PartnerTotalRecord[];
      expect(totals.map((r) => [r.service, r.percent, r.licensesSold])).to.deep.equal([
        ['crm', 0, 343],
        ['o365', 100, 4464],
      ]);
    });

    it('reads the 2015 subscriptions example: dates with spaces, a page of 1 of 37, customer from the command line', async () => {
      const outcome = ok((await t.import([doc('subscriptions-2015.json')], { tenantId: '4D3CF487-70F4-4E1E-9FF1-B2BFCE8D9F04' }))[0]);
      expect(outcome.warnings).to.deep.equal([
        'this file is one page: 1 of 37 records; fetch the other pages (follow the next link) and import them too',
        'read the date "2015-11-25T06: 41: 12Z" in "creationDate" without its spaces',
        'read the date "2016-12-12T08: 00: 00Z" in "commitmentEndDate" without its spaces',
      ]);
      const [s] = (await t.store.records()) as SubscriptionRecord[];
      expect(s).to.include({
        subscriptionId: '83ef9d05-4169-4ef9-9657-0e86b1eab1de',
        offerName: 'nickname',
        status: 'active',
        quantity: 1,
        isTrial: false,
        creationDate: '2015-11-25T06:41:12.000Z',
        renewsOn: '2016-12-12T08:00:00.000Z',
        autoRenew: false,
      });
      expect(s?.customer.tenantId).to.equal('4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04');
    });

    it('reads the Graph directory subscriptions example: one SKU, its seats and trial flag, tenant from the command line', async () => {
      const outcome = ok(
        (await t.import([doc('graph-directory-subscriptions.json')], { tenantId: 'AB12CD34-0000-4000-8000-00000000C001' }))[0],
      );
      expect(outcome.kind).to.equal('Microsoft Graph directory subscriptions');
      expect(outcome.warnings).to.deep.equal([]);
      const [s] = (await t.store.records()) as SubscriptionRecord[];
      expect(s).to.deep.include({
        source: 'graph-directory-subscriptions',
        subscriptionId: '860697e3-b0aa-4196-a6c6-7ec361ed58f7',
        offerKey: '0816CCB9-3785-4D19-BF78-6C53E2106509',
        offerName: 'MyPartNumber',
        status: 'active',
        quantity: 25,
        isTrial: false,
        attentionNeeded: false,
        creationDate: '2023-01-01T00:00:00.000Z',
        renewsOn: '2023-02-01T00:00:00.000Z',
      });
      // Graph does not say whether it renews by itself: left out, not guessed.
      expect(s).not.to.have.property('autoRenew');
      expect(s?.customer.tenantId).to.equal('ab12cd34-0000-4000-8000-00000000c001');
    });

    it('refuses a per-customer file that names no customer, and says how to import it', async () => {
      const message = refusedMessage((await t.import([doc('subscriptions-2015.json')]))[0]);
      expect(message).to.contain('subscriptions-2015.json: the file names no customer.');
      expect(message).to.contain('--customer NAME');
      expect(await t.store.isEmpty()).to.equal(true);
    });

    it('reads service requests whose enums come as numbers', async () => {
      const outcome = ok((await t.import([doc('service-requests.json')], { customerName: 'Contoso Ltd' }))[0]);
      expect(outcome.warnings).to.deep.equal([
        'read "status" given as a number by its place in the documented list',
        'read "severity" given as a number by its place in the documented list',
      ]);
      const [r] = (await t.store.records()) as ServiceRequestRecord[];
      expect(r).to.include({ requestId: '615112491169010', status: 'open', severity: 'unknown', createdDate: '2015-11-24T01:07:00.863Z' });
    });

    it('reads Partner Center subscribed SKUs with a leading space before the JSON', async () => {
      ok((await t.import([doc('subscribedskus-pc.json')], { customerName: 'Contoso Ltd' }))[0]);
      const records = (await t.store.records()) as DeploymentRecord[];
      expect(records.map((r) => [r.product, r.sold, r.assigned])).to.deep.equal([
        ['Enterprise Mobility + Security E3', 5, 1],
        ['Power BI Pro', 1, 1],
      ]);
    });

    it('reads Graph subscribedSkus: suspended units are not sold, the tenant comes from the item id', async () => {
      ok((await t.import([doc('graph-subscribedskus.json')]))[0]);
      const records = (await t.store.records()) as DeploymentRecord[];
      expect(records.map((r) => [r.customer.tenantId, r.product, r.sold, r.assigned])).to.deep.equal([
        ['48a80680-7326-48cd-9935-b556b81d3a4e', 'ENTERPRISEPREMIUM', 25, 14],
        ['48a80680-7326-48cd-9935-b556b81d3a4e', 'CRMSTANDARD', 0, 14],
      ]);
    });

    it('reads the beta Teams JSON example whose durations are not quoted', async () => {
      const outcome = ok((await t.import([doc('teams-user-detail-beta.json')], { customerName: 'Contoso Ltd' }))[0]);
      expect(outcome.kind).to.equal('Microsoft Graph getTeamsUserActivityUserDetail (JSON)');
      expect(outcome.warnings).to.have.length(3);
      expect(outcome.warnings[0]).to.equal('not valid JSON as given: read the bare duration 00:00:00 at line 18, column 24 as text');
      const [r] = (await t.store.records()) as UsageRecord[];
      expect(r).to.include({ workload: 'Teams', active: 1, entitled: 1, asOf: '2017-09-01T00:00:00.000Z' });
    });

    it('reads the beta active user detail JSON page', async () => {
      ok((await t.import([doc('active-user-detail-beta.json')], { tenantId: '48a80680-7326-48cd-9935-b556b81d3a4e' }))[0]);
      const records = (await t.store.records()) as UsageRecord[];
      expect(records.map((r) => [r.workload, r.active, r.entitled])).to.deep.equal([
        ['Exchange', 1, 1],
        ['SharePoint with OneDrive', 0, 0],
        ['Skype for Business', 0, 0],
        ['Yammer', 0, 0],
        ['Teams', 0, 0],
      ]);
    });

    it('reads the getM365AppUserDetail JSON page and says it is one page of more (its @odata.nextLink)', async () => {
      const outcome = ok((await t.import([doc('m365-app-user-detail.json')], { customerName: 'Contoso Ltd' }))[0]);
      expect(outcome.kind).to.equal('Microsoft Graph getM365AppUserDetail (JSON)');
      expect(outcome.warnings).to.deep.equal(['this file is one page of a longer answer (it has a next link); import the other pages too']);
      const records = (await t.store.records()) as UsageRecord[];
      expect(records.map((r) => [r.workload, r.active, r.entitled, r.asOf])).to.deep.equal([
        ['Microsoft 365 Apps', 1, null, '2020-06-30T00:00:00.000Z'],
      ]);
    });

    it('takes the header-only CSV example (BOM first) as a report with no rows, and keeps what the cache had', async () => {
      ok((await t.import([doc('m365-app-user-detail.json')], { customerName: 'Contoso Ltd' }))[0]);
      const before = await t.store.records();
      const outcome = ok((await t.import([doc('m365-app-user-detail-header.csv')], { customerName: 'Contoso Ltd' }))[0]);
      expect(outcome).to.include({ kind: 'Microsoft Graph getM365AppUserDetail (CSV)', rows: 0, records: 0 });
      expect(outcome.warnings).to.deep.equal([
        'the report has no rows: no user to count (Graph sends the header alone when no user is in the report for the period; D30 is the period to download)',
      ]);
      expect(await t.store.records()).to.deep.equal(before);
    });

    it('reads the beta services user counts example: SharePoint and OneDrive as the larger of each', async () => {
      const outcome = ok((await t.import([doc('services-user-counts-beta.json')], { customerName: 'Contoso Ltd' }))[0]);
      expect(outcome.kind).to.equal('Microsoft Graph getOffice365ServicesUserCounts (JSON)');
      const records = (await t.store.records()) as UsageRecord[];
      expect(records.map((r) => [r.workload, r.active, r.entitled])).to.deep.equal([
        ['Exchange', 2591, 4017],
        ['SharePoint with OneDrive', 2286, 4737],
        ['Skype for Business', 2463, 4410],
        ['Yammer', 473, 2999],
        ['Teams', 846, 2806],
      ]);
    });

    it('reads a subscription read by id, copied whole with its status line and headers, the customer from its links', async () => {
      const outcome = ok((await t.import([doc('subscription-by-id-http.txt')]))[0]);
      expect(outcome.kind).to.equal('Partner Center subscriptions');
      expect(outcome.warnings).to.deep.equal([
        'read the body of an HTTP 200 OK answer saved whole: its status line and headers (lines 1-9) were skipped',
      ]);
      const [s] = (await t.store.records()) as SubscriptionRecord[];
      expect(s).to.include({
        subscriptionId: '968BA1CF-C146-4ADF-A300-308DCF718EEE',
        offerName: 'Exchange Online Archiving for Exchange Online',
        status: 'active',
        quantity: 2,
        renewsOn: '2018-02-10T00:00:00.000Z',
        autoRenew: true,
      });
      expect(s?.customer.tenantId).to.equal('4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04');
    });

    it('takes the CSV schema printed after its HTTP 200 block as a report with no rows', async () => {
      const outcome = ok((await t.import([doc('active-user-detail-http-header.csv')], { customerName: 'Contoso Ltd' }))[0]);
      expect(outcome).to.include({ kind: 'Microsoft Graph getOffice365ActiveUserDetail (CSV)', rows: 0, records: 0 });
      expect(outcome.warnings[0]).to.equal(
        'read the body of an HTTP 200 OK answer saved whole: its status line and headers (lines 1-3) were skipped',
      );
    });

    it("refuses Graph's documented 302 answer, which is the way to the report and not the report", async () => {
      const message = refusedMessage((await t.import([doc('active-user-detail-redirect.txt')], { customerName: 'Contoso Ltd' }))[0]);
      expect(message).to.contain('active-user-detail-redirect.txt at line 1, column 1: the file is an HTTP 302 Found answer, not data.');
      expect(message).to.contain('download the report from its Location link');
      expect(await t.store.isEmpty()).to.equal(true);
    });

    it('refuses the counts example whose refresh date is the placeholder "Date", naming the item and its JSON field', async () => {
      const message = refusedMessage((await t.import([doc('services-user-counts-placeholder.json')], { customerName: 'Contoso Ltd' }))[0]);
      expect(message).to.contain(
        'services-user-counts-placeholder.json at record 1, field "reportRefreshDate": "reportRefreshDate" is not a date ("Date").',
      );
      expect(await t.store.isEmpty()).to.equal(true);
    });
  });
}
