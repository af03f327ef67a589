import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { azuriteContainer } from '../shared-azurite.js';

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

  it('the CLI refuses a Blob Storage connection string that is not one, or whose key is wrong, saying what to check', async () => {
    const report = (connectionString: string): Promise<{ code: number; stderr: string } | null> =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'report'], {
        env: { ...process.env, ADOPTION_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: connectionString },
      }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
    const garbage = await report('garbage');
    expect(garbage?.code).to.equal(2);
    expect(garbage?.stderr.trim()).to.equal(
      "AZURE_STORAGE_CONNECTION_STRING is not a storage account connection string (Invalid URL). Copy it from the storage account's Access keys in the Azure portal.",
    );
    const { connectionString } = await azuriteContainer();
    const wrongKey = connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${Buffer.from('not the key').toString('base64')}`);
    const refused = await report(wrongKey);
    expect(refused?.code).to.equal(2);
    expect(refused?.stderr.trim()).to.match(
      /^Azure Blob Storage at http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/adoption cannot be used \(403 AuthorizationFailure\)\. Check AZURE_STORAGE_CONNECTION_STRING \(account name, key, endpoint\) and that this machine can reach the account\.$/,
    );
  });
});
