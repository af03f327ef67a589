import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { cardOf, startHarness, textsOf, type Harness } from '../bot/harness.js';

const run = promisify(execFile);

/** `adoption alerts run` / `status` as a real process beside a running bot, on the same data folder. */
describe('adoption alerts (command line)', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.close());

  const adoption = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'alerts', ...args], {
      env: { ...process.env, ADOPTION_DATA_DIR: h.t.dir },
    });

  it('evaluates and delivers from another process, then lists the outbox', async () => {
    await h.say('alerts on below 40%', { conversationId: 'cli' });
    h.connector.clear();
    const { stdout } = await adoption('run');
    expect(stdout.trim().split('\n')).to.deep.equal(['Alerts: 2 customer alerts in 2 new messages.', 'Delivered 2, parked 0.']);
    expect(h.connector.to('a:1personal-cli').map((s) => textsOf(cardOf(s))[0])).to.deep.equal([
      'Adoption alert: Coho Winery',
      'Adoption alert: Fabrikam Inc',
    ]);
    const status = await adoption('status');
    expect(status.stdout.trim().split('\n')).to.deep.equal([
      'Conversations: 1, subscribed to alerts: 1, channel links: 0.',
      'Outbox: 0 pending, 2 delivered, 0 parked.',
    ]);
  });
});
