import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { BACKENDS } from '../shared-azurite.js';
import { cardProblems } from '../cards/validate.js';
import { cardOf, startHarness, textsOf, type Harness } from './harness.js';

const run = promisify(execFile);

for (const backend of BACKENDS) {
  describe(`thresholds changed in chat (${backend})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ storage: backend })));
    after(() => h.close());

    /** The customers `adoption report --json ARGS` lists, run as another process on the same storage. */
    const reported = async (...args: string[]): Promise<string[]> => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'report', '--json', ...args], {
        env: { ...process.env, ...h.storageEnv },
      });
      return (JSON.parse(stdout) as { customers: { customer: string }[] }).customers.map((c) => c.customer);
    };
    const summary = async (text: string, scope: 'personal' | 'groupChat' | 'channel' = 'personal'): Promise<unknown> =>
      (await h.say(text, { scope }))[0]!.activity['summary'];

    it('an admin changes one for everyone: the lists, the definitions and the command line read it, until "reset the thresholds"', async () => {
      // Configured: deployment under 60% or usage under 50% (Coho's usage 31%, Fabrikam's deployment 40%).
      expect(await reported('--with', 'adoption-content')).to.deep.equal(['Coho Winery', 'Fabrikam Inc']);
      const set = cardOf((await h.say('set the usage threshold to 35%'))[0]);
      expect(textsOf(set)).to.deep.equal([
        'Usage under 35% is low adoption.',
        'It was 50 (configured: 50, ADOPTION_USAGE_LOW_PERCENT). Every chat and channel, the alerts and the command line read it from now on; "reset the thresholds" goes back to the configured ones.',
        'Low adoption now: 2 customers.',
      ]);
      expect(cardProblems(set)).to.deep.equal([]);
      const deployment = textsOf(cardOf((await h.say('change the threshold for deployment to 30%', { scope: 'channel' }))[0]));
      expect(deployment.slice(0, 1).concat(deployment.slice(2))).to.deep.equal([
        'Deployment under 30% is low adoption.',
        'Low adoption now: 1 customer.',
      ]);
      // Another conversation reads them: Fabrikam (deployment 40%, usage 37.5%) is no longer low.
      expect(await summary('low adoption', 'groupChat')).to.equal('1 customer with low adoption');
      expect(textsOf(cardOf((await h.say('what counts as low adoption?'))[0]))).to.include(
        'Low adoption: deployment under 30% or usage under 35%. Deployment at or above 90% is an upsell opportunity; 3 or more service requests in 30 days call for training and self-support.',
      );
      // So does the command line, from the bot's state on the same storage.
      expect(await reported('--with', 'adoption-content')).to.deep.equal(['Coho Winery']);
      const state = await h.state.read();
      expect(state.thresholds?.values).to.deep.equal({ usageLowPercent: 35, deploymentLowPercent: 30 });
      expect(state.thresholds?.by).to.equal('Megan Bowen');

      // The alerts too: "alerts on" watches the thresholds in force (Coho's usage 31% is under 35%;
      // Woodgrove's suspended subscription alerts whatever the numbers).
      const on = textsOf(cardOf((await h.say('alerts on', { conversationId: 'alerts' }))[0]));
      expect(on[1]).to.equal(
        'Every customer: deployment under 30% or usage under 35%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
      );
      h.connector.clear();
      await h.bot.alerts.run();
      expect(h.connector.to('a:1personal-alerts').map((sent) => sent.activity['summary'])).to.deep.equal([
        'Coho Winery: Usage is 31%, under the 35% threshold.',
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);

      // Out of range: nothing changes, and the answer says what to give.
      expect(textsOf(cardOf((await h.say('set the usage threshold to 150%'))[0]))).to.deep.equal([
        'Usage under 35% is low adoption, still.',
        'Give a percent from 0 to 100: "set the usage threshold to 35".',
      ]);
      expect(textsOf(cardOf((await h.say('set the support requests threshold to 2.5'))[0]))[1]).to.equal(
        'Give a whole number of requests from 1 to 1000: "set the support requests threshold to 3".',
      );
      // Litware's 5 requests call for training at 3; at 6 they do not.
      expect(textsOf(cardOf((await h.say('set the support requests threshold to 6'))[0])).at(-1)).to.equal(
        'Training candidates now: 0 customers.',
      );

      const reset = textsOf(cardOf((await h.say('reset the thresholds'))[0]));
      expect(reset).to.deep.equal([
        'The thresholds are the configured ones again.',
        'Usage under 50% is low adoption.',
        'Deployment under 60% is low adoption.',
        'Deployment at or above 90% is an upsell opportunity.',
        '3 or more service requests in 30 days call for training and self-support.',
        'Data older than 7 days is old.',
        'Low adoption now: 2 customers.',
      ]);
      expect(await summary('low adoption')).to.equal('2 customers with low adoption');
      expect(await reported('--with', 'adoption-content')).to.deep.equal(['Coho Winery', 'Fabrikam Inc']);
      expect((await h.state.read()).thresholds).to.equal(undefined);

      // Said shorter; "below the usage threshold" is then that number's low list.
      for (const [asked, first] of [
        ['usage threshold 40', 'Usage under 40% is low adoption.'],
        ['make low usage 45%', 'Usage under 45% is low adoption.'],
        ['treat deployment under 55% as low', 'Deployment under 55% is low adoption.'],
      ] as const) {
        expect(textsOf(cardOf((await h.say(asked, { scope: 'groupChat' }))[0]))[0], asked).to.equal(first);
      }
      expect(await summary('who is below the usage threshold?')).to.equal('2 customers with usage below 45%');
      expect(await summary('who is under the deployment threshold?', 'channel')).to.equal('1 customer with deployment below 55%');
      await h.say('reset the thresholds');
    });
  });
}
