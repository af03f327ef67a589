import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { JsonlLog } from '../../src/data/store/jsonl-log.js';

describe('the append log (JSON Lines)', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'adoption-log-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads back what was appended, in order, and nothing after a clear', async () => {
    const log = new JsonlLog<{ n: number }>(join(dir, 'sub', 'r.jsonl'));
    expect(await log.readAll()).to.deep.equal([]);
    await Promise.all([log.append([{ n: 1 }, { n: 2 }]), log.append([{ n: 3 }])]);
    expect(await log.readAll()).to.deep.equal([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await log.clear();
    expect(await log.readAll()).to.deep.equal([]);
    await log.append([{ n: 4 }]);
    expect(await log.readAll()).to.deep.equal([{ n: 4 }]);
  });

  it('skips a torn last line (a kill mid-append) but refuses damage before it, naming file and line', async () => {
    const path = join(dir, 'r.jsonl');
    const log = new JsonlLog<{ n: number }>(path);
    await log.append([{ n: 1 }]);
    await appendFile(path, '{"n": 2');
    expect(await log.readAll()).to.deep.equal([{ n: 1 }]);
    await appendFile(path, '\n{"n": 3}\n');
    let message = '';
    await log.readAll().catch((e: Error) => (message = e.message));
    expect(message).to.match(/r\.jsonl line 2 is not JSON/);
  });
});
