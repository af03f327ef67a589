import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import { strToU8, zipSync } from 'fflate';
import sinon from 'sinon';
import { doc, ok, tempStore, type TempStore } from '../helpers.js';
import { CACHE_FILE, UnreadableCacheError } from '../../src/data/store/cache-store.js';
import { openStorage } from '../../src/data/store/storage.js';
import { BACKENDS, writeStored } from '../shared-azurite.js';

for (const backend of BACKENDS) {
  describe(`the cache: nothing lost, nothing doubled (${backend})`, () => {
    let t: TempStore;
    beforeEach(async () => (t = await tempStore(backend)));
    afterEach(() => t.dispose());
    /** What the cache holds, as stored: the file byte for byte, or the blob's ETag and content. */
    const cacheText = async (): Promise<string> =>
      t.config.kind === 'lowdb'
        ? readFile(join(t.config.dataDir, CACHE_FILE), 'utf8')
        : JSON.stringify({ etag: await t.store.revision(), records: await t.store.records() });

    it('leaves the cache as it was, byte for byte, when a file is refused', async () => {
      ok((await t.import([doc('commercial-deployment-license.json')]))[0]);
      const before = await cacheText();
      const broken = await t.file('truncated.json', (await readFile(doc('commercial-deployment-license.json'), 'utf8')).slice(0, 400));
      const [outcome] = await t.import([broken]);
      expect(outcome && !outcome.ok && outcome.message).to.contain(
        'truncated.json at line 13, column 29: not valid JSON (the file ends before the JSON does: it was cut short).',
      );
      expect(await cacheText()).to.equal(before);
      // A file of no known kind is refused at its first record, saying what that record holds.
      const unknown = await t.file('unknown.json', JSON.stringify({ value: [{ rocket: 1, fuel: 'x' }] }));
      const empty = await t.file('empty-item.json', '[{}]');
      const messages = (await t.import([unknown, empty])).map((o) => !o.ok && o.message);
      expect(messages[0]).to.match(/unknown\.json at record 1: not a kind of file this tool knows \(its first item has: rocket, fuel\)\./);
      expect(messages[1]).to.match(
        /empty-item\.json at record 1: not a kind of file this tool knows \(its first item is an empty object\)\./,
      );
      // A report Excel saved again with semicolons between its columns.
      const semicolons = await t.file(
        'semicolons.csv',
        'Report Refresh Date;User Principal Name;Display Name;Is Deleted\n2026-11-20;a@b.c;A;False\n',
      );
      const [semi] = await t.import([semicolons]);
      expect(semi && !semi.ok && semi.message).to.match(
        /semicolons\.csv at line 1, column 1: its columns are separated by semicolons, not commas, as Excel saves CSV where the comma is the decimal mark\. Use the CSV as downloaded/,
      );
      // Excel's "Unicode Text": UTF-16 with its byte order mark.
      const utf16 = await t.file('unicode.txt', '');
      await writeFile(
        utf16,
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Report Refresh Date\tUser Principal Name\r\n', 'utf16le')]),
      );
      const [unicode] = await t.import([utf16]);
      expect(unicode && !unicode.ok && unicode.message).to.match(
        /unicode\.txt: the file is UTF-16 text \(as Excel saves "Unicode Text"\), not UTF-8\. Use the CSV as downloaded from Microsoft/,
      );
      // An Excel workbook is a zip: refused as one, with how to get the CSV.
      const workbook = await t.file('report.xlsx', '');
      await writeFile(workbook, zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }));
      const [xlsx] = await t.import([workbook]);
      expect(xlsx && !xlsx.ok && xlsx.message).to.match(
        /report\.xlsx: the file is a zip archive, such as an Excel workbook \(\.xlsx\), not JSON or CSV\. Use the CSV as downloaded, or save the sheet as "CSV UTF-8 \(comma delimited\)"/,
      );
      expect(await cacheText()).to.equal(before);
    });

    it('does not double anything when the same file is imported twice', async () => {
      const first = ok((await t.import([doc('commercial-deployment-license.json')]))[0]);
      const second = ok((await t.import([doc('commercial-deployment-license.json')]))[0]);
      expect(first.store).to.deep.equal({ added: 2, replaced: 0, keptNewer: 0 });
      expect(second.store).to.deep.equal({ added: 0, replaced: 2, keptNewer: 0 });
      expect(await t.store.records()).to.have.length(2);
    });

    it('replaces older data for the same customer, product and source, and keeps newer data over older files', async () => {
      const text = await readFile(doc('commercial-deployment-license.json'), 'utf8');
      const newer = await t.file(
        'newer.json',
        text.replaceAll('2018-10-14', '2018-11-14').replace('"licensesDeployed": 0', '"licensesDeployed": 4'),
      );
      ok((await t.import([newer]))[0]);
      const older = ok((await t.import([doc('commercial-deployment-license.json')]))[0]);
      expect(older.store.keptNewer).to.equal(2);
      expect(older.warnings).to.deep.equal(['2 record(s) not taken: the cache already holds newer data for them']);
      const assigned = (await t.store.records()).map((r) => (r.kind === 'deployment' ? r.assigned : -1));
      expect(assigned).to.deep.equal([4, 0]);
    });

    it('keeps the previous cache readable when an import is killed mid-write', async function () {
      ok((await t.import([doc('commercial-deployment-license.json')]))[0]);
      const files = ['analytics-commercial-usage-license.json', 'analytics-commercial-deployment-license.json'].map((f) =>
        join('demo', 'partner-center', f),
      );
      for (const delay of [5, 40, 80, 120, 200, 300]) {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', ...files], {
          env: { ...process.env, ...t.env },
          stdio: 'ignore',
        });
        // Listened for from the start: on a fast machine the import may finish before the kill.
        const exited = new Promise((resolve) => child.on('exit', resolve));
        await new Promise((resolve) => setTimeout(resolve, delay));
        child.kill('SIGKILL');
        await exited;
        const reopened = (await openStorage(t.config)).cache;
        expect((await reopened.records()).length).to.be.at.least(2);
      }
    });

    it('says what to do when the stored cache itself is damaged', async () => {
      await writeStored(t.config, CACHE_FILE, '{"version":1,"records":[');
      let message = '';
      try {
        await (await openStorage(t.config)).cache.records();
      } catch (error) {
        expect(error).to.be.instanceOf(UnreadableCacheError);
        message = (error as Error).message;
      }
      expect(message).to.match(/cache\.json cannot be read .*Move it aside and import your files again; nothing was changed\./);
    });

    it("sees its own writes at once and another process's writes within a second", async () => {
      const other = (await openStorage(t.config)).cache;
      const before = await t.store.revision();
      ok((await t.import([doc('commercial-deployment-license.json')]))[0]);
      const own = await t.store.revision();
      expect(own).not.to.equal(before);
      expect(await other.revision()).to.equal(before);
      expect(await other.records()).to.have.length(0);
      const now = performance.now();
      const clock = sinon.stub(performance, 'now').returns(now + 1001);
      try {
        expect(await other.revision()).to.equal(own);
        expect(await other.records()).to.have.length((await t.store.records()).length);
      } finally {
        clock.restore();
      }
    });
  });
}
