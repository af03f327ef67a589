import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { DataFile } from 'lowdb/node';
import sinon from 'sinon';
import { importFiles } from '../../src/data/import-files.js';
import { openStorage, type Storage, type StorageConfig } from '../../src/data/store/storage.js';
import { doc } from '../helpers.js';
import { BACKENDS, storageFor } from '../shared-azurite.js';

const IMPORT = { customerName: null, tenantId: null, receivedAt: '2026-11-20T06:00:00.000Z' };

/** The same contract, on both backends: the embedded lowdb files and Azure Blob Storage (Azurite). */
for (const backend of BACKENDS) {
  describe(`storage shared by several instances (${backend})`, function () {
    this.timeout(60_000);
    let dir: string;
    let config: StorageConfig;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'adoption-storage-'));
      config = (await storageFor(backend, dir)).config;
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));
    /** A new instance on the same place, as a second bot process would open it. */
    const instance = (): Promise<Storage> => openStorage(config);

    it("keeps both instances' imports made at the same time, and shows each write as a new revision", async () => {
      const [a, b] = await Promise.all([instance(), instance()]);
      const before = await a.cache.revision();
      const [deployment, usage] = await Promise.all([
        importFiles(a.cache, [{ path: doc('commercial-deployment-license.json'), name: 'deployment' }], IMPORT),
        importFiles(b.cache, [{ path: doc('commercial-usage-license.json'), name: 'usage' }], IMPORT),
      ]);
      const added = [deployment[0], usage[0]].map((o) => (o?.ok ? o.store.added : -1));
      expect(added.every((x) => x > 0)).to.equal(true);
      const fresh = await instance();
      expect(await fresh.cache.records()).to.have.length(added[0]! + added[1]!);
      expect(await fresh.cache.revision()).not.to.equal(before);
      await Promise.all([
        a.cache.recordHistory([{ customerKey: 'c1', point: { day: '2026-11-24', deploymentPercent: 50, usagePercent: 40 } }]),
        b.cache.recordHistory([{ customerKey: 'c2', point: { day: '2026-11-24', deploymentPercent: 60, usagePercent: 30 } }]),
      ]);
      expect([...(await (await instance()).cache.history()).keys()].sort()).to.deep.equal(['c1', 'c2']);
    });

    it('loses no update to a state document when two instances change it at once', async () => {
      const empty = (): { version: 1; seen: string[] } => ({ version: 1, seen: [] });
      const [a, b] = await Promise.all([instance(), instance()]);
      const [docA, docB] = await Promise.all([a.document('counter', empty), b.document('counter', empty)]);
      await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? docA : docB).update((s) => void s.seen.push(`update-${i}`))));
      const seen = (await (await (await instance()).document('counter', empty)).read()).seen;
      expect(seen).to.have.length(40);
      expect(new Set(seen).size).to.equal(40);
    });

    it('takes a change made the moment the previous one is written', async function () {
      this.timeout(10_000);
      const storage = await instance();
      const point = { day: '2026-11-24', deploymentPercent: 50, usagePercent: 40 };
      await storage.cache.recordHistory([{ customerKey: 'c1', point }]);
      await storage.cache.recordHistory([{ customerKey: 'c2', point }]);
      expect([...(await storage.cache.history()).keys()]).to.deep.equal(['c1', 'c2']);
      const document = await storage.document('counter', (): { version: 1; seen: number[] } => ({ version: 1, seen: [] }));
      await document.update((s) => void s.seen.push(1));
      await document.update((s) => void s.seen.push(2));
      expect((await document.read()).seen).to.deep.equal([1, 2]);
      const log = storage.log<{ n: number }>('receipts');
      await log.append([{ n: 1 }]);
      await log.append([{ n: 2 }]);
      expect(await log.readAll()).to.deep.equal([{ n: 1 }, { n: 2 }]);
    });

    it('gives a lease to one instance at a time, and to the next once released', async () => {
      const [a, b] = await Promise.all([instance(), instance()]);
      const held = await a.lease('alert-outbox');
      expect(held).to.be.a('function');
      expect(await b.lease('alert-outbox')).to.equal(null);
      const sync = await b.lease('sync');
      expect(sync).to.be.a('function');
      await sync!();
      await held!();
      const next = await b.lease('alert-outbox');
      expect(next).to.be.a('function');
      await next!();
    });

    it('lets another instance take a lease whose holder was killed, once the lease runs out', async function () {
      this.timeout(90_000);
      const holder = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-lease.ts', JSON.stringify(config), 'alert-outbox'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const [line] = (await once(holder.stdout, 'data')) as [Buffer];
      expect(line.toString().trim()).to.equal('held');
      holder.kill('SIGKILL');
      await once(holder, 'exit');
      const other = await instance();
      expect(await other.lease('alert-outbox')).to.equal(null);
      const started = Date.now();
      let release: (() => Promise<void>) | null = null;
      while (release === null && Date.now() - started < 60_000) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        release = await other.lease('alert-outbox');
      }
      expect(release).to.be.a('function');
      // Stale after 10 s (lowdb lock file) or 15 s (blob lease), not sooner.
      expect(Date.now() - started).to.be.within(backend === 'lowdb' ? 8_000 : 13_000, 30_000);
      await release!();
    });

    it('appends receipts and reads them back in order from another instance, then clears them', async () => {
      const [a, b] = await Promise.all([instance(), instance()]);
      const log = a.log<{ n: number }>('receipts');
      await Promise.all([log.append([{ n: 1 }, { n: 2 }]), log.append([{ n: 3 }])]);
      expect(await b.log<{ n: number }>('receipts').readAll()).to.deep.equal([{ n: 1 }, { n: 2 }, { n: 3 }]);
      await b.log('receipts').clear();
      expect(await a.log('receipts').readAll()).to.deep.equal([]);
    });
  });
}

describe('a lowdb document read while this process writes it', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'adoption-storage-'))));
  afterEach(async () => {
    sinon.restore();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps a change written while a read of another process's write was under way", async () => {
    const empty = (): { version: 1; seen: string[] } => ({ version: 1, seen: [] });
    const config = (await storageFor('lowdb', dir)).config;
    const [mine, theirs] = await Promise.all([openStorage(config), openStorage(config)]);
    const [document, other] = await Promise.all([mine.document('counter', empty), theirs.document('counter', empty)]);
    await other.update((s) => void s.seen.push('theirs'));
    // The read of their write hands over what it read only once this process has written its own
    // change (or after 200 ms, should that write wait for the read).
    const read = DataFile.prototype.read;
    let handOver!: () => void;
    const handedOver = new Promise<void>((resolve) => {
      handOver = resolve;
      setTimeout(resolve, 200);
    });
    sinon
      .stub(DataFile.prototype, 'read')
      .callThrough()
      .onFirstCall()
      .callsFake(async function (this: DataFile<unknown>) {
        const data = await read.call(this);
        await handedOver;
        return data;
      });
    const reading = document.latest();
    const write = DataFile.prototype.write;
    sinon.stub(DataFile.prototype, 'write').callsFake(async function (this: DataFile<unknown>, data) {
      await write.call(this, data);
      handOver();
      await reading;
    });
    await document.update((s) => void s.seen.push('mine'));
    await reading;
    sinon.restore();
    await document.update((s) => void s.seen.push('mine again'));
    const fresh = await (await openStorage(config)).document('counter', empty);
    expect((await fresh.read()).seen).to.deep.equal(['theirs', 'mine', 'mine again']);
  });
});
