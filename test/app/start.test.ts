import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';

const run = promisify(execFile);

describe('starting on a machine that is not ready', () => {
  it('npm start says which port is taken and what to do, instead of a stack, and exits 1', async () => {
    const holder = createServer().listen(0);
    await once(holder, 'listening');
    const port = (holder.address() as AddressInfo).port;
    const dataDir = await mkdtemp(join(tmpdir(), 'adoption-start-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
        env: { ...process.env, ADOPTION_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).to.equal(1);
      const last = JSON.parse(log.trim().split('\n').at(-1)!) as Record<string, unknown>;
      expect(last['msg']).to.equal(
        `Port ${port} is already in use (another "npm start"?). Stop what listens there, or start on another port: PORT=3979 npm start.`,
      );
      expect(last).not.to.have.property('err');
    } finally {
      holder.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('the bot and the CLI refuse an ADOPTION_DATA_DIR that is a file, saying what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'adoption-start-'));
    const file = join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    const expected = `ADOPTION_DATA_DIR ${file} is a file, or lies inside one: point it at a folder the bot may write to (it is created when missing).`;
    try {
      const env = { ...process.env, ADOPTION_DATA_DIR: file, PORT: '0' };
      const bot = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      bot.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const [code] = (await once(bot, 'exit')) as [number];
      expect(code).to.equal(1);
      expect((JSON.parse(log.trim().split('\n').at(-1)!) as { msg: string }).msg).to.equal(expected);
      const cli = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'report'], { env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(cli?.code).to.equal(2);
      expect(cli?.stderr.trim()).to.equal(expected);
      expect(await readFile(file, 'utf8')).to.equal('x');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
