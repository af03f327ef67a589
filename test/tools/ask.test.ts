import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { BACKENDS } from '../shared-azurite.js';
import { startHarness, type Harness } from '../bot/harness.js';

const run = promisify(execFile);

async function ask(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/tools/ask.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run ask, its command line', () => {
  it('prints its options for --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout } = await ask(flag);
      expect(code).to.equal(0);
      expect(stdout).to.match(/^Usage: npm run ask -- \[options\] "what to ask"\n/);
      expect(stdout).to.include('--scope SCOPE');
      expect(stdout).to.include('--json');
    }
  });

  it('refuses an unknown option or scope with one line and the usage, not a stack', async () => {
    const unknown = await ask('--bogus', 'portfolio');
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.match(/^Unknown option '--bogus'\.\n\nUsage: /);
    expect(unknown.stderr).not.to.include('    at ');
    const scope = await ask('--scope', 'team', 'portfolio');
    expect(scope.code).to.equal(2);
    expect(scope.stderr).to.match(/^Unknown --scope "team"\.\n\nUsage: /);
  });
});

for (const backend of BACKENDS) {
  describe(`npm run ask (${backend})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ storage: backend })));
    after(() => h.close());

    it('sends one message to the running bot and prints the card as text', async () => {
      const { code, stdout } = await ask('--bot', `${h.bot.url}/api/messages`, 'adoption for Contoso');
      expect(code).to.equal(0);
      const lines = stdout.trim().split('\n');
      expect(lines[0]).to.equal('Contoso Ltd');
      expect(lines).to.include(
        'Deployment: 95% (285 of 300 licenses assigned) — ▲ up 2 pts in 7 days (since 2026-11-18) | Usage: 89% (761 of 855 entitlements active) — ▲ up 2 pts in 7 days (since 2026-11-18)',
      );
      expect(lines).to.include('Exchange: 91.2% (260 of 285 active)');
      expect(lines.at(-1)).to.equal('[Refresh] [Show portfolio] [Share to account channel]');
    });

    it('asks as an @mention in a channel', async () => {
      const { stdout } = await ask('--bot', `${h.bot.url}/api/messages`, '--scope', 'channel', 'below 40%');
      expect(stdout).to.include('2 customers below 40%\n');
      expect(stdout).to.include('Coho Winery | 93.3% | 31% | [Open]');
    });

    it('keeps one conversation across calls with --conversation, a new one each call without', async () => {
      const bot = `${h.bot.url}/api/messages`;
      await ask('--bot', bot, '--conversation', 'shell', 'alerts on below 40%');
      const same = await ask('--bot', bot, '--conversation', 'shell', 'pause alerts for a week');
      expect(same.stdout.split('\n')[0]).to.equal('Alerts are paused here until 2026-12-02.');
      const fresh = await ask('--bot', bot, 'pause alerts for a week');
      expect(fresh.stdout.split('\n')[0]).to.equal('Alerts are not on here: there is nothing to pause.');
    });

    it('says how to start the bot when nothing answers', async () => {
      const { code, stderr } = await ask('--bot', 'http://127.0.0.1:9/api/messages', 'portfolio');
      expect(code).to.equal(1);
      expect(stderr).to.match(
        /^No bot answers at http:\/\/127\.0\.0\.1:9\/api\/messages \(.+\)\. Start it with "npm start", or pass --bot URL\./,
      );
    });
  });
}
