import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FakeCloud } from '../test/sync/fake-cloud.js';
import { customer, deploymentRow, subscription } from '../test/sync/fake-data.js';

const run = promisify(execFile);

/**
 * `adoption sync` of 1,000 customers, each with subscriptions over 3 pages (plus subscribed SKUs,
 * service requests, Graph SKUs and four report downloads), against the local cloud of the tests,
 * beside the same number of bare HTTPS requests to that server from a process doing nothing else,
 * with the sync's concurrency (4). The sync runs with its Partner Center budget lifted
 * (ADOPTION_PC_REQUESTS_PER_MINUTE), or it would wait out the real 500 a minute by design.
 */
const CUSTOMERS = Number(process.env['BENCH_SYNC_CUSTOMERS'] ?? 1000);
const CONCURRENCY = 4;

const BARE = `
const [url, total, lanes] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
let next = 0;
const start = performance.now();
await Promise.all(Array.from({ length: lanes }, async () => {
  while (next < total) {
    next++;
    const r = await fetch(url, { headers: { authorization: 'Bearer app-token.bench' } });
    await r.arrayBuffer();
    if (!r.ok) throw new Error('HTTP ' + r.status);
  }
}));
console.log(performance.now() - start);
`;

export async function benchSync(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'adoption-bench-sync-'));
  const ids = Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    tenantId: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Customer ${i}`,
  }));
  const cloud = await FakeCloud.start(
    {
      customers: ids.map((c) => customer(c, { subscriptions: [1, 2, 3].map((n) => subscription(c, n, 10 * n)) })),
      deployment: ids.map((c) => deploymentRow(c, 'OFFICE 365 ENTERPRISE E3', 20, 15)),
      usage: [],
      pageSize: 500,
      collectionPageSize: 1,
    },
    dir,
  );
  try {
    const env = { ...process.env, ...cloud.env(), ADOPTION_DATA_DIR: join(dir, 'data'), ADOPTION_PC_REQUESTS_PER_MINUTE: '1000000' };
    const started = performance.now();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sync'], { env, maxBuffer: 64 << 20 });
    const syncMs = performance.now() - started;
    const summary = stdout.trim().split('\n').at(-1) ?? '';
    const requests = cloud.requests.length;

    const script = join(dir, 'bare.mjs');
    await writeFile(script, BARE);
    const bare = await run(
      process.execPath,
      [script, `${cloud.base}/v1/customers/${ids[0]!.id}/servicerequests`, String(requests), String(CONCURRENCY)],
      {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: cloud.caFile },
      },
    );
    const floorMs = Number(bare.stdout.trim());
    return [
      `sync: ${CUSTOMERS.toLocaleString('en')} customers x (3 subscription pages + SKUs + service requests + Graph SKUs + 4 reports), local cloud, Partner Center budget lifted`,
      `  ${summary}`,
      `  adoption sync: ${(syncMs / 1000).toFixed(1)} s for ${requests.toLocaleString('en')} requests, ${(CUSTOMERS / (syncMs / 1000)).toFixed(1)} customers/s (process start included)`,
      `  bare HTTPS requests (floor), same count, ${CONCURRENCY} at a time: ${(floorMs / 1000).toFixed(1)} s`,
      `  ratio to floor: ${(syncMs / floorMs).toFixed(2)}x`,
    ];
  } finally {
    await cloud.close();
    await rm(dir, { recursive: true, force: true });
  }
}
