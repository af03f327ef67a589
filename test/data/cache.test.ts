import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import sinon from 'sinon';
import { doc, ok, tempStore, type TempStore } from '../helpers.js';
import { LowdbStore } from '../../src/data/store/lowdb-store.js';

describe('the cache: nothing lost, nothing doubled', () => {
  let t: TempStore;
  beforeEach(async () => (t = await tempStore()));
  afterEach(() => t.dispose());
  const cacheText = (): Promise<string> => readFile(t.store.path, 'utf8');

  it('leaves the cache byte for byte as it was when a file is refused', async () => {
    ok((await t.import([doc('commercial-deployment-license.json')]))[0]);
    const before = await cacheText();
    const broken = await t.file('truncated.json', (await readFile(doc('commercial-deployment-license.json'), 'utf8')).slice(0, 400));
    const [outcome] = await t.import([broken]);
    expect(outcome && !outcome.ok && outcome.message).to.match(/truncated\.json at line \d+, column \d+: not valid JSON/);
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
    const dataDir = join(t.dir, 'data');
    const files = ['analytics-commercial-usage-license.json', 'analytics-commercial-deployment-license.json'].map((f) =>
      join('demo', 'partner-center', f),
    );
    for (const delay of [5, 40, 80, 120, 200, 300]) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', ...files], {
        env: { ...process.env, ADOPTION_DATA_DIR: dataDir },
        stdio: 'ignore',
      });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      const reopened = await LowdbStore.open(dataDir);
      expect((await reopened.records()).length).to.be.at.least(2);
    }
  });

  it('says what to do when the cache file itself is damaged', async () => {
    const dir = join(t.dir, 'broken');
    await t.file('broken-placeholder', '');
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(dir);
    await writeFile(join(dir, 'cache.json'), '{"version":1,"records":[');
    try {
      await LowdbStore.open(dir);
      expect.fail('opening a damaged cache must throw');
    } catch (error) {
      expect((error as Error).message).to.match(
        /cache\.json cannot be read .*Move it aside and import your files again; nothing was changed\./,
      );
    }
  });

  it("sees its own writes at once and another process's writes within a second", async () => {
    const other = await LowdbStore.open(join(t.dir, 'data'));
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
