import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { activeUserLine, ACTIVE_USER_HEADER } from '../test/helpers.js';

const run = promisify(execFile);

async function writeReport(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`\uFEFF${ACTIVE_USER_HEADER}\r\n`);
  for (let i = 0; i < rows; i++) {
    const day = `2026-11-${String(1 + (i % 20)).padStart(2, '0')}`;
    const line = activeUserLine(
      {
        deleted: i % 97 === 0,
        exchange: { licensed: i % 5 !== 0, last: i % 3 ? day : '2026-09-01' },
        teams: { licensed: true, last: i % 4 ? day : undefined },
      },
      i,
    );
    if (!out.write(`${line}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Run {
  readonly rows: number;
  readonly ms: number;
  readonly maxRssMb: number;
}

async function measureOnce(file: string, mode: string): Promise<Run> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/import-one.ts', file, mode], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as Run;
}

/** Best of three runs each, floor and ours alternating, so a noisy neighbour hits both alike. */
async function measurePair(file: string): Promise<{ floor: Run; ours: Run }> {
  let floor: Run | null = null;
  let ours: Run | null = null;
  for (let i = 0; i < 3; i++) {
    const f = await measureOnce(file, 'csv-parse');
    const o = await measureOnce(file, 'import');
    if (floor === null || f.ms < floor.ms) floor = f;
    if (ours === null || o.ms < ours.ms) ours = o;
  }
  return { floor: floor!, ours: ours! };
}

/** Streaming import of a getOffice365ActiveUserDetail CSV against csv-parse alone on the same file. */
export async function benchImport(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'adoption-bench-'));
  const lines: string[] = [];
  try {
    for (const rows of [250_000, 1_000_000]) {
      const file = join(dir, `active-users-${rows}.csv`);
      await writeReport(file, rows);
      const { floor, ours } = await measurePair(file);
      lines.push(
        `import: ${rows.toLocaleString('en')}-row getOffice365ActiveUserDetail CSV`,
        `  csv-parse alone (floor): ${Math.round(floor.rows / (floor.ms / 1000)).toLocaleString('en')} rows/s, peak RSS ${floor.maxRssMb.toFixed(0)} MB`,
        `  adoption import:         ${Math.round(ours.rows / (ours.ms / 1000)).toLocaleString('en')} rows/s, peak RSS ${ours.maxRssMb.toFixed(0)} MB`,
        `  speed ratio to floor: ${(floor.ms / ours.ms).toFixed(2)}x (goal >= 0.7x)`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return lines;
}
