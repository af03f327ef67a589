import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import type { StorageConfig } from '../../src/data/store/storage.js';
import { BOT_STATE } from '../../src/proactive/bot-state.js';
import { freePort } from '../helpers.js';
import { BACKENDS, readStored, storageFor, writeStored } from '../shared-azurite.js';

const run = promisify(execFile);
const DAMAGED = '{"version":1,"conversations":{';
const STATE_FILE = `${BOT_STATE}.json`;

for (const backend of BACKENDS) {
  describe(`a damaged bot state (${backend})`, function () {
    this.timeout(60_000);
    let dir: string;
    let config: StorageConfig;
    let env: Record<string, string>;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'adoption-state-'));
      ({ config, env } = await storageFor(backend, join(dir, 'data')));
      await writeStored(config, STATE_FILE, DAMAGED);
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('stops `adoption alerts` with what to do, and leaves the state as it was', async () => {
      const failure = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'alerts', 'status'], {
        env: { ...process.env, ...env },
      }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).to.equal(2);
      expect(failure?.stderr.trim()).to.match(
        /^The bot's state (file|blob) \S*bot-state\.json cannot be read \(.+\)\. Move it aside; the bot then starts with no subscriptions, links or pending alerts\.$/,
      );
      expect(await readStored(config, STATE_FILE)).to.equal(DAMAGED);
    });

    it('keeps the bot from starting over it, with what to do in the log', async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
        env: { ...process.env, ...env, PORT: String(await freePort()) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).to.equal(1);
      const lines = log
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { level: number; msg: string });
      expect(lines.at(-1)?.msg).to.match(/^The bot's state (file|blob) \S*bot-state\.json cannot be read \(.+\)\. Move it aside; /);
      expect(lines.at(-1)).not.to.have.property('err');
      expect(await readStored(config, STATE_FILE)).to.equal(DAMAGED);
    });
  });
}
