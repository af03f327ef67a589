import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { openReceiptLog } from '../../src/alerts/delivery-receipts.js';
import { BACKENDS } from '../shared-azurite.js';
import { cardOf, startHarness, textsOf, type Harness } from '../bot/harness.js';

const run = promisify(execFile);

/** `adoption alerts run` / `status` as a real process beside a running bot, on the same data folder. */
for (const backend of BACKENDS) {
  describe(`adoption alerts (command line) (${backend})`, function () {
    this.timeout(60_000);
    let h: Harness;
    before(async () => (h = await startHarness({ storage: backend })));
    after(() => h.close());

    const adoption = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'alerts', ...args], {
        env: { ...process.env, ...h.storageEnv },
      });

    it('evaluates and delivers from another process, then lists the outbox', async () => {
      await h.say('alerts on below 40%', { conversationId: 'cli' });
      h.connector.clear();
      const { stdout } = await adoption('run');
      expect(stdout.trim().split('\n')).to.deep.equal(['Alerts: 3 customer alerts in 3 new messages.', 'Delivered 3, parked 0.']);
      // Woodgrove Bank for its suspended subscription, whatever its numbers.
      expect(h.connector.to('a:1personal-cli').map((s) => textsOf(cardOf(s))[0])).to.deep.equal([
        'Adoption alert: Coho Winery',
        'Adoption alert: Fabrikam Inc',
        'Adoption alert: Woodgrove Bank',
      ]);
      const status = await adoption('status');
      expect(status.stdout.trim().split('\n')).to.deep.equal([
        'Conversations: 1, subscribed to alerts: 1, weekly to-do: 0, channel links: 0.',
        'Outbox: 0 pending, 3 delivered, 0 parked.',
      ]);
    });

    it('loses nothing when a run is killed (SIGKILL) mid fan-out: the next run resends only the sends that had no receipt yet', async () => {
      const conversations = 200;
      for (let i = 0; i < conversations; i++) await h.say('alerts on for coho', { conversationId: `kill-${i}` });
      h.connector.clear();
      h.connector.latencyMs = 20;
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'alerts', 'run'], {
        env: { ...process.env, ...h.storageEnv },
        stdio: 'ignore',
      });
      await h.connector.waitFor(() => h.connector.sent.length >= 60, 30_000);
      child.kill('SIGKILL');
      await once(child, 'exit');
      // Sends that reached the connector before the kill are recorded once its latency has passed.
      await new Promise((resolve) => setTimeout(resolve, 10 * h.connector.latencyMs));
      const sentBeforeKill = h.connector.sent.length;
      const receipts = (await openReceiptLog(h.storage).readAll()).length;
      // Receipts are appended as each send returns: only the sends then in flight lack one.
      expect(receipts).to.be.within(sentBeforeKill - 64, sentBeforeKill);
      expect(receipts).to.be.below(conversations);

      h.connector.latencyMs = 0;
      // The killed run's lease goes stale (10 s) before another run may deliver.
      let stdout = '';
      for (let tries = 0; tries < 30; tries++) {
        ({ stdout } = await adoption('run'));
        if (!stdout.includes('Another process is delivering')) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      expect(stdout.trim().split('\n')).to.deep.equal([
        'Alerts: 0 customer alerts in 0 new messages.',
        `Delivered ${conversations - receipts}, parked 0.`,
      ]);
      const perConversation = new Map<string, number>();
      for (const s of h.connector.sent) perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
      expect(perConversation.size).to.equal(conversations);
      // Exactly the sends made without a receipt went twice.
      expect(h.connector.sent.length - conversations).to.equal(sentBeforeKill - receipts);
      const status = await adoption('status');
      // Beside the 3 the test before delivered.
      expect(status.stdout).to.contain(`Outbox: 0 pending, ${conversations + 3} delivered, 0 parked.`);
      expect(await openReceiptLog(h.storage).readAll()).to.deep.equal([]);
    });
  });
}
