import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import { BACKENDS } from '../shared-azurite.js';
import { doc } from '../helpers.js';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/sent-files.js';
import type { SentActivity } from '../../src/tools/local-connector.js';
import { cardOf, conversationFor, startHarness, teamsMessage, textsOf, USER, type Harness } from './harness.js';

/** What a file's link answers: OneDrive's role for files sent to a bot. */
interface Served {
  readonly status?: number;
  readonly body: Buffer | string;
  /** Sent in pieces with no Content-Length, as a body of unknown size. */
  readonly chunked?: boolean;
}

/** A local stand-in for the short-lived, pre-authorized links Teams gives for files sent to a bot. */
class FileHost {
  readonly requests: string[] = [];
  private readonly files = new Map<string, Served>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FileHost> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = new FileHost(server);
    server.on('request', (request, response) => {
      host.requests.push(request.url ?? '');
      // One call at a time: restify, in the same process, changes what writeHead returns.
      const served = host.files.get(request.url ?? '');
      const body = Buffer.from(served?.body ?? '');
      response.statusCode = served?.status ?? (served === undefined ? 404 : 200);
      if (!served?.chunked) {
        response.setHeader('content-length', body.length);
        response.end(body);
        return;
      }
      for (let at = 0; at < body.length; at += 2 ** 20) response.write(body.subarray(at, at + 2 ** 20));
      response.end();
    });
    return host;
  }

  /** The link to a file, as `content.downloadUrl` carries it. */
  serve(path: string, served: Served): string {
    this.files.set(path, served);
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const CONTOSO = '00000001-0000-4000-8000-c0ffee000001';

/** The last card sent: a slow turn also sends typing indicators, which may come after it. */
const lastCard = (sent: readonly SentActivity[]): Record<string, unknown> =>
  cardOf(sent.filter((s) => s.activity.type === 'message').at(-1));

/** The card's last line when a file was refused. */
const REFUSED =
  'A refused file changes nothing in the cache. Send it again once fixed; a file over 50 MB is imported where the bot runs, with "adoption import".';

for (const backend of BACKENDS) {
  describe(`files sent to the bot in a personal chat (${backend})`, () => {
    let host: FileHost;
    before(async () => (host = await FileHost.start()));
    after(() => host.close());

    /** A message with files attached, as Teams sends it: a download-info attachment per file, and the message as HTML. */
    async function send(h: Harness, files: readonly { name: string; url: string }[], text = ''): Promise<string[]> {
      const conversation = conversationFor('personal');
      const message = teamsMessage(h.connector.url, text, 'personal', false, conversation) as Record<string, unknown>;
      const attachments = [
        ...files.map((f, i) => ({
          contentType: FILE_DOWNLOAD_INFO,
          contentUrl: `https://contoso-my.sharepoint.com/personal/megan/Documents/Microsoft Teams Chat Files/${f.name}`,
          name: f.name,
          content: { downloadUrl: f.url, uniqueId: `1150D938-8870-4044-9F2C-5BBDEBA70C9${i}`, fileType: f.name.split('.').at(-1) },
        })),
        { contentType: 'text/html', content: `<p>${text}</p>` },
      ];
      const { status } = await h.post({ ...message, attachments });
      expect(status).to.equal(200);
      return textsOf(lastCard(h.connector.to((conversation as { id: string }).id)));
    }

    const fixture = async (name: string): Promise<{ name: string; url: string }> => ({
      name,
      url: host.serve(`/${backend}/${name}`, { body: await readFile(doc(name)) }),
    });

    describe('into an empty cache', () => {
      let h: Harness;
      before(async () => (h = await startHarness({ storage: backend, demo: false })));
      after(() => h.close());

      it('imports each documented file by its content, says what it was taken as, and the cards show it at once', async () => {
        const files = [await fixture('commercial-deployment-license.json'), await fixture('commercial-usage-license.json')];
        expect(await send(h, files)).to.deep.equal([
          'Imported 2 files',
          'commercial-deployment-license.json: Partner Center deployment analytics, 2 row(s) -> 2 record(s) (2 new, 0 updated).',
          'commercial-usage-license.json: Partner Center usage analytics, 2 row(s) -> 2 record(s) (2 new, 0 updated).',
          'Warning: not valid JSON as given: added a missing "]" before line 31, column 1.',
          // The documented example spells the field "licenseActive", its table "licensesActive".
          'Warning: read "licenseActive" as "licensesActive" (2 times).',
          'The cards show the new data now, and the alerts are checked against it, as after a sync.',
        ]);
        expect(host.requests).to.include.members([
          `/${backend}/commercial-deployment-license.json`,
          `/${backend}/commercial-usage-license.json`,
        ]);
        const card = textsOf(lastCard(await h.say('adoption for test company')));
        expect(card[0]).to.equal('TEST COMPANY');
        expect(card).to.include.members(['DYNAMICS AX TASK', 'DOMESTIC AND INTERNATIONAL CALLING PLAN', '9', '5', '0%']);
        // The same file again replaces what it gave: nothing doubles.
        expect((await send(h, [files[0]!]))[1]).to.equal(
          'commercial-deployment-license.json: Partner Center deployment analytics, 2 row(s) -> 2 record(s) (0 new, 2 updated).',
        );
      });
    });

    describe('beside the demo portfolio', () => {
      let h: Harness;
      before(async () => (h = await startHarness({ storage: backend })));
      after(() => h.close());

      it('asks which customer when the name given finds several, and fetches nothing', async () => {
        const requests = host.requests.length;
        expect(await send(h, [await fixture('teams-user-detail-beta.json')], 'for co')).to.deep.equal([
          '3 customers match "co": nothing imported.',
          'Send the files again with the whole name: Coho Winery, Fourth Coffee, Contoso Ltd.',
        ]);
        expect(host.requests.length).to.equal(requests);
      });

      it('takes a Graph report for the customer named with it, and refuses it, changing nothing, when none is', async () => {
        const report = await fixture('teams-user-detail-beta.json');
        const before = await h.storage.cache.revision();
        expect(await send(h, [report], 'here is the Teams report')).to.deep.equal([
          'Not imported: teams-user-detail-beta.json',
          'teams-user-detail-beta.json: a Graph report does not say which customer tenant it comes from. This file does not say which customer it belongs to: import it with --customer NAME and/or --tenant TENANT-ID (in chat, send it with "for NAME" in the message).',
          REFUSED,
        ]);
        expect(await h.storage.cache.revision()).to.equal(before);
        expect(await send(h, [report], 'here is the Teams report for Contoso')).to.deep.equal([
          'Imported: teams-user-detail-beta.json',
          "Files of one customer's data were taken as Contoso Ltd's, as the message says; files over several customers keep the ones they name.",
          'teams-user-detail-beta.json: Microsoft Graph getTeamsUserActivityUserDetail (JSON), 1 row(s) -> 1 record(s) (1 new, 0 updated).',
          // The documented example's durations are not quoted.
          'Warning: not valid JSON as given: read the bare duration 00:00:00 at line 18, column 24 as text.',
          'Warning: not valid JSON as given: read the bare duration 00:00:00 at line 19, column 24 as text.',
          'Warning: not valid JSON as given: read the bare duration 00:00:00 at line 20, column 30 as text.',
          'The cards show the new data now, and the alerts are checked against it, as after a sync.',
        ]);
        // Kept under Contoso's tenant, beside the Partner Center figures its card prefers.
        const kept = (await h.storage.cache.records()).filter((r) => r.source === 'graph-teams-user-detail');
        expect(kept.map((r) => [r.customer.name, r.customer.tenantId])).to.deep.equal([['Contoso Ltd', CONTOSO]]);
      });

      it('takes a customer not yet in the cache as named, with the tenant ID the message gives', async () => {
        const lines = await send(
          h,
          [await fixture('yammer-user-detail-beta.json')],
          'Yammer report for Northbridge Ltd, tenant 11111111-2222-4333-8444-555555555555',
        );
        expect(lines.slice(0, 3)).to.deep.equal([
          'Imported: yammer-user-detail-beta.json',
          "Files of one customer's data were taken as Northbridge Ltd's, as the message says; files over several customers keep the ones they name.",
          'yammer-user-detail-beta.json: Microsoft Graph getYammerActivityUserDetail (JSON), 1 row(s) -> 1 record(s) (1 new, 0 updated).',
        ]);
        const kept = (await h.storage.cache.records()).filter((r) => r.source === 'graph-yammer-user-detail');
        expect(kept.map((r) => [r.customer.name, r.customer.tenantId])).to.deep.equal([
          ['Northbridge Ltd', '11111111-2222-4333-8444-555555555555'],
        ]);
        expect(textsOf(lastCard(await h.say('adoption for Northbridge')))[0]).to.equal('Northbridge Ltd');
        // A name that only starts like a customer's is a new customer: the data is never filed under Contoso Ltd.
        expect((await send(h, [await fixture('yammer-user-detail-beta.json')], 'for Contoso Pharma'))[1]).to.equal(
          "Files of one customer's data were taken as Contoso Pharma's, as the message says; files over several customers keep the ones they name.",
        );
      });

      it('checks the alerts against the new data, as after a sync: a watched customer that fell is alerted before the turn ends', async () => {
        // Its whole name: another test files data under "Contoso Pharma".
        await h.say('alerts on for Contoso Ltd below 60%', { conversationId: 'contoso-watch' });
        const watching = (conversationFor('personal', 'contoso-watch') as { id: string }).id;
        const before = h.connector.to(watching).length;
        // Contoso's E3 as Partner Center's deployment analytics would say it after 255 licenses were unassigned.
        const row = {
          processedDateTime: '2026-11-25T06:00:00',
          serviceCode: 'o365',
          serviceName: 'Microsoft Office 365',
          channel: 'reseller',
          customerTenantId: CONTOSO.toUpperCase(),
          customerName: 'Contoso Ltd',
          productId: '6FD2C87F-B296-42F0-B197-1E91E994B900',
          productName: 'OFFICE 365 ENTERPRISE E3',
          licensesDeployed: 30,
          licensesSold: 300,
        };
        const body = JSON.stringify({ Value: [row], '@nextLink': null, TotalCount: 1 });
        const file = { name: 'deployment.json', url: host.serve(`/${backend}/contoso-deployment.json`, { body }) };
        expect((await send(h, [file]))[1]).to.equal(
          'deployment.json: Partner Center deployment analytics, 1 row(s) -> 1 record(s) (0 new, 1 updated).',
        );
        const alerts = h.connector
          .to(watching)
          .slice(before)
          .filter((s) => s.activity.type === 'message');
        expect(alerts.map((a) => textsOf(cardOf(a)).slice(0, 3))).to.deep.equal([
          [
            'Adoption alert: Contoso Ltd',
            'From the latest data in the cache. Mute stops alerts about this customer here for 30 days.',
            'Deployment is 10%, under the 60% threshold.',
          ],
        ]);
      });

      it('reads a download-info attachment without a link to fetch as no file: the words are answered', async () => {
        const conversation = conversationFor('personal');
        const message = teamsMessage(h.connector.url, 'help', 'personal', false, conversation) as Record<string, unknown>;
        // As a Word comment's mention sends it (no downloadUrl), and shapes no client sends.
        const attachments = [
          { contentType: FILE_DOWNLOAD_INFO, name: 'report.docx', content: { uniqueId: '1', fileType: 'docx' } },
          { contentType: FILE_DOWNLOAD_INFO, content: null },
          { contentType: FILE_DOWNLOAD_INFO, content: { downloadUrl: 42 } },
        ];
        expect((await h.post({ ...message, attachments })).status).to.equal(200);
        const sent = h.connector.to((conversation as { id: string }).id);
        expect(sent.filter((s) => s.activity.type === 'message').map((s) => s.activity['summary'])).to.deep.equal([
          'Here is what I can do',
        ]);
      });

      it('refuses a file it cannot read with the place and what to do, and keeps the cache as it was', async () => {
        const broken = {
          name: 'usage.json',
          url: host.serve(`/${backend}/usage.json`, { body: '{"Value": [ {"customerName": "Contoso", ' }),
        };
        const before = await h.storage.cache.records();
        expect(await send(h, [broken, await fixture('commercial-deployment-license.json')])).to.deep.equal([
          'Imported 1 of 2 files',
          'usage.json at line 1, column 41: not valid JSON (the file ends before the JSON does: it was cut short). Export or download the file again; if you edited it, check the brackets and commas near that place.',
          'commercial-deployment-license.json: Partner Center deployment analytics, 2 row(s) -> 2 record(s) (2 new, 0 updated).',
          'The cards show the new data now, and the alerts are checked against it, as after a sync.',
          REFUSED,
        ]);
        expect((await h.storage.cache.records()).length).to.equal(before.length + 2);
      });

      it('says why a file could not be fetched: its link expired, or it is too large for chat', async () => {
        const gone = { name: 'old.csv', url: host.serve(`/${backend}/gone`, { status: 404, body: '' }) };
        const large = { name: 'large.csv', url: host.serve(`/${backend}/large.csv`, { body: Buffer.alloc(50 * 2 ** 20 + 1, 'a') }) };
        const unsized = {
          name: 'unsized.csv',
          url: host.serve(`/${backend}/unsized.csv`, { body: Buffer.alloc(50 * 2 ** 20 + 1, 'a'), chunked: true }),
        };
        expect(await send(h, [gone, large, unsized])).to.deep.equal([
          'None of 3 files imported',
          'old.csv could not be fetched: HTTP 404 (its link lasts a few minutes).',
          'large.csv is 51 MB, over the 50 MB a file sent in chat may have.',
          // No Content-Length: stopped once past the limit.
          'unsized.csv is over the 50 MB a file sent in chat may have.',
          REFUSED,
        ]);
      });
    });

    describe('sent by an agent', () => {
      let h: Harness;
      before(
        async () =>
          (h = await startHarness({
            storage: backend,
            env: { ADOPTION_ADMINS: 'admin@contoso-partners.com', ADOPTION_AGENTS: USER.aadObjectId },
          })),
      );
      after(() => h.close());

      it('is refused before anything is fetched: an import changes what everyone sees', async () => {
        const requests = host.requests.length;
        expect(await send(h, [await fixture('commercial-deployment-license.json')])).to.deep.equal([
          "Only the bot's admins can import files.",
          'An import changes the numbers everyone here sees. Ask one of the admins to send the file.',
        ]);
        expect(host.requests.length).to.equal(requests);
      });
    });
  });
}
