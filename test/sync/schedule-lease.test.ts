import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { loadConfig } from '../../src/config.js';
import { openStorage } from '../../src/data/store/storage.js';
import { scheduleSync } from '../../src/sync/schedule.js';
import { openSyncLog } from '../../src/sync/sync-log.js';
import { quietLogger, type LogEntry } from '../bot/harness.js';
import { azuriteContainer, BACKENDS, storageFor } from '../shared-azurite.js';

const run = promisify(execFile);

/** A sync configured against nothing that answers: it must stop before calling anything. */
const SYNC_ENV = {
  ADOPTION_PARTNER_TENANT_ID: 'partner',
  ADOPTION_CLIENT_ID: 'client',
  ADOPTION_CLIENT_SECRET: 'secret',
  PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:9',
  GRAPH_BASE_URL: 'http://127.0.0.1:9',
  AZURE_AUTHORITY_HOST: 'http://127.0.0.1:9',
};

for (const backend of BACKENDS) {
  describe(`the scheduled sync across instances (${backend})`, () => {
    it('skips its run while another instance holds the sync lease, and neither syncs nor evaluates alerts', async function () {
      this.timeout(20_000);
      const dir = await mkdtemp(join(tmpdir(), 'adoption-schedule-'));
      try {
        const storage = await openStorage(
          backend === 'lowdb' ? { kind: 'lowdb', dataDir: dir } : { kind: 'blob', ...(await azuriteContainer()) },
        );
        const other = await storage.lease('sync');
        expect(other).to.be.a('function');
        const { sync } = loadConfig(SYNC_ENV);
        const log: LogEntry[] = [];
        let evaluated = 0;
        // Every second (croner's six-field pattern).
        const job = scheduleSync({
          pattern: '* * * * * *',
          sync: sync!,
          dataDir: dir,
          storage,
          syncLog: await openSyncLog(storage),
          logger: quietLogger([], log),
          afterSync: async () => {
            evaluated++;
          },
        });
        const started = Date.now();
        while (!log.some((e) => e.msg === 'Scheduled sync skipped: another instance is syncing.') && Date.now() - started < 5000) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        job.stop();
        await other!();
        expect(log.map((e) => e.msg)).to.include('Scheduled sync skipped: another instance is syncing.');
        expect(log.map((e) => e.msg)).not.to.include('Scheduled sync started.');
        expect(evaluated).to.equal(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('refuses `adoption sync` while another instance holds the sync lease, before calling anything', async function () {
      this.timeout(30_000);
      const dir = await mkdtemp(join(tmpdir(), 'adoption-schedule-'));
      try {
        const where = await storageFor(backend, dir);
        const other = await (await openStorage(where.config)).lease('sync');
        const refused = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sync'], {
          env: { ...process.env, ...where.env, ...SYNC_ENV },
        }).catch((e: { code: number; stderr: string }) => e);
        await other!();
        expect(refused).to.include({ code: 1 });
        expect((refused as { stderr: string }).stderr).to.contain(
          'Another instance is syncing now (it holds the sync lease). Try again when it has finished.',
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
