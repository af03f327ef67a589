import { expect } from 'chai';
import { responseHead } from '../../src/data/formats/http-response.js';
import type { SubscriptionRecord, UsageRecord } from '../../src/data/records.js';
import { ACTIVE_USER_HEADER, ok, refusedMessage, tempStore, type TempStore } from '../helpers.js';

const SUBSCRIPTION = JSON.stringify({
  id: 'a356ac8c-e310-44f4-bf85-c7f29044af99',
  offerName: 'Office 365 E3',
  quantity: 25,
  status: 'active',
  links: { self: { uri: '/customers/4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04/subscriptions/a356ac8c-e310-44f4-bf85-c7f29044af99' } },
  attributes: { objectType: 'Subscription' },
});

describe('answers saved whole, status line and headers included', () => {
  describe('responseHead', () => {
    const head = (text: string, wholeFile = true): ReturnType<typeof responseHead> => responseHead(Buffer.from(text, 'utf8'), wholeFile);

    it('finds the body after the headers, with CRLF line ends, and counts the lines before it', () => {
      const text = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"value":[]}';
      expect(head(text)).to.deep.equal({ status: 200, reason: 'OK', location: null, bodyStart: text.indexOf('{'), linesBefore: 3 });
    });

    it('takes the last of the answers curl -i -L saves, one block per redirect', () => {
      const text =
        'HTTP/1.1 302 Found\nLocation: https://reports.office.com/x\n\nHTTP/2 200\ncontent-type: text/csv\n\nReport Refresh Date\n';
      expect(head(text)).to.deep.equal({ status: 200, reason: '', location: null, bodyStart: text.indexOf('Report'), linesBefore: 6 });
    });

    it('reads the Location of a redirect that ends the file, and is null for a file that is not an answer', () => {
      expect(head('HTTP/1.1 302 Found\nLocation: https://reports.office.com/download/1\n')).to.include({
        status: 302,
        location: 'https://reports.office.com/download/1',
      });
      expect(head('{"HTTP/1.1 200 OK": 1}')).to.equal(null);
      expect(head(`${ACTIVE_USER_HEADER}\n`)).to.equal(null);
    });

    it('says the headers did not end when the first bytes of a longer file hold no blank line', () => {
      expect(head(`HTTP/1.1 200 OK\nX-Long: ${'a'.repeat(100)}\n`, false)).to.equal('unterminated');
    });
  });

  describe('import', () => {
    let t: TempStore;
    beforeEach(async () => (t = await tempStore()));
    afterEach(() => t.dispose());

    it('reads a JSON body saved by curl -i, naming the headers it skipped', async () => {
      const file = await t.file('sub.json', `HTTP/2 200\r\ncontent-type: application/json\r\n\r\n\uFEFF${SUBSCRIPTION}`);
      const outcome = ok((await t.import([file]))[0]);
      expect(outcome.warnings).to.deep.equal([
        'read the body of an HTTP 200 answer saved whole: its status line and headers (lines 1-3) were skipped',
      ]);
      const [s] = (await t.store.records()) as SubscriptionRecord[];
      expect(s).to.include({ offerName: 'Office 365 E3', quantity: 25 });
    });

    it('names places in the body by their line in the file', async () => {
      const broken = await t.file(
        'broken.json',
        'HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  "value": [\n    {"a": 1},,\n  ]\n}\n',
      );
      expect(refusedMessage((await t.import([broken]))[0])).to.contain(
        'broken.json at line 6, column 14: not valid JSON (value expected).',
      );
      const csv = await t.file(
        'short.csv',
        `HTTP/1.1 200 OK\nContent-Type: application/octet-stream\n\n\uFEFF${ACTIVE_USER_HEADER}\n2026-11-20,a@contoso.com,A,False\n`,
      );
      expect(refusedMessage((await t.import([csv], { customerName: 'Contoso' }))[0])).to.contain(
        'short.csv at line 5, column 1: not valid CSV (expect 24, got 4).',
      );
      expect(await t.store.isEmpty()).to.equal(true);
    });

    it('reads a CSV report after its headers, the byte order mark that starts the download included', async () => {
      const row =
        '2026-11-20,a@contoso.com,A,False,,True,False,False,False,False,True,2026-11-19,,,,,,2025-01-01,,,,,2025-01-01,OFFICE 365 E3';
      const file = await t.file(
        'users.csv',
        `HTTP/1.1 200 OK\nContent-Type: application/octet-stream\n\n\uFEFF${ACTIVE_USER_HEADER}\n${row}\n`,
      );
      ok((await t.import([file], { customerName: 'Contoso' }))[0]);
      const usage = ((await t.store.records()) as UsageRecord[]).map((r) => [r.workload, r.active, r.entitled]);
      expect(usage).to.deep.include.members([
        ['Exchange', 1, 1],
        ['Teams', 0, 1],
      ]);
    });

    it('refuses an error answer with the message its body carries, and keeps what the cache had', async () => {
      const good = await t.file('sub.json', SUBSCRIPTION);
      ok((await t.import([good], { customerName: 'Contoso' }))[0]);
      const before = await t.store.records();
      const expired = await t.file(
        'expired.json',
        'HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid."}}\n',
      );
      const pcError = await t.file('pc.json', 'HTTP/1.1 400 Bad Request\n\n{"code":600,"description":"The customer was not found."}');
      const empty = await t.file('empty.json', 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n');
      const [e1, e2, e3] = (await t.import([expired, pcError, empty], { customerName: 'Contoso' })).map(refusedMessage);
      expect(e1).to.contain(
        'expired.json at line 1, column 1: the file is an HTTP 401 Unauthorized answer, not data ("Access token has expired or is not yet valid."). The request was not allowed: sign in again',
      );
      expect(e2).to.contain(
        'pc.json at line 1, column 1: the file is an HTTP 400 Bad Request answer, not data ("The customer was not found."). Check the request',
      );
      expect(e3).to.contain('empty.json: the file is an HTTP 200 OK answer with no body.');
      expect(await t.store.records()).to.deep.equal(before);
    });

    it('takes a 304 Not Modified as nothing new: no records, no error, the cache as it was', async () => {
      const good = await t.file('sub.json', SUBSCRIPTION);
      ok((await t.import([good], { customerName: 'Contoso' }))[0]);
      const before = await t.store.records();
      const unchanged = await t.file('unchanged.csv', 'HTTP/1.1 304 Not Modified\r\nETag: "0x8D9"\r\n\r\n');
      expect(ok((await t.import([unchanged], { customerName: 'Contoso' }))[0])).to.deep.include({
        kind: 'an HTTP 304 Not Modified answer: nothing new since the download whose ETag the request sent',
        rows: 0,
        records: 0,
        warnings: [],
      });
      expect(await t.store.records()).to.deep.equal(before);
    });
  });
});
