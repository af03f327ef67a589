import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';

describe('npm start', () => {
  it('says which port is taken and what to do, instead of a stack, and exits 1', async () => {
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
});
