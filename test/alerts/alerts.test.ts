import { expect } from 'chai';
import sinon from 'sinon';
import { cardProblems } from '../cards/validate.js';
import { BACKENDS } from '../shared-azurite.js';
import { PortfolioCache } from '../../src/portfolio/portfolio-cache.js';
import { AlertDelivery } from '../../src/alerts/alert-delivery.js';
import type { AlertRun } from '../../src/alerts/alerts.js';
import type { SubscriptionRecord } from '../../src/data/records.js';
import type { DeliveryReport } from '../../src/alerts/alert-delivery.js';
import { createProactive } from '../../src/bot/proactive-wiring.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { openBotState } from '../../src/proactive/bot-state.js';
import { buttonsOf, cardOf, NOW, startHarness, textsOf, type Harness } from '../bot/harness.js';

const COHO = '0000000b-0000-4000-8000-c0ffee00000b';
const FABRIKAM = '00000002-0000-4000-8000-c0ffee000002';
const DAY = 86_400_000;

for (const backend of BACKENDS) {
  describe(`proactive alerts, over HTTP (${backend})`, () => {
    let h: Harness;
    let clock: sinon.SinonFakeTimers;
    beforeEach(async () => {
      // Only Date is faked: HTTP and timers run for real, the bot's clock is moved by hand.
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
      h = await startHarness({ clock: () => new Date(), storage: backend });
    });
    afterEach(async () => {
      await h.close();
      clock.restore();
    });

    const alertsTo = (conversationId: string) => h.connector.to(conversationId).filter((s) => s.activityId === null);

    it('sends the alerts another instance adds while it holds the outbox, once it lets go', async () => {
      const config = loadConfig({ ...h.storageEnv });
      const other = createProactive({
        config,
        logger: createLogger({ level: 'silent' }),
        state: await openBotState(h.storage),
        storage: h.storage,
        portfolio: new PortfolioCache(h.storage.cache, config),
      });
      // Whatever delivery the bot began on its own (it resumes the outbox on start) is over first.
      await h.bot.alerts.delivery.deliver();
      // As this instance settles its receipts at the end of a delivery (the outbox lease still held), a
      // chat asks for alerts and the other instance evaluates: its alert waits in the outbox, which it finds busy.
      let otherRun: AlertRun | undefined;
      const delivery = AlertDelivery.prototype as unknown as { compact(): Promise<void> };
      const compact = delivery.compact;
      let compacted = 0;
      const hook = sinon.stub(delivery, 'compact').callsFake(async function (this: AlertDelivery) {
        if (this === h.bot.alerts.delivery && ++compacted === 2) {
          await h.say('alerts on for fabrikam', { conversationId: 'meanwhile' });
          otherRun = await other.alerts.run();
        }
        return compact.call(this);
      });
      try {
        const report = await h.bot.alerts.delivery.deliver();
        expect(otherRun?.evaluation.alerts).to.equal(1);
        expect(otherRun?.delivery.busy).to.equal(true);
        expect(report).to.deep.equal({ busy: false, delivered: 1, failed: 0, forgotten: 0 });
      } finally {
        hook.restore();
      }
      expect(alertsTo('a:1personal-meanwhile').map((s) => s.activity['summary'])).to.deep.equal([
        'Fabrikam Inc: Deployment is 40%, under the 60% threshold. Usage is 37.5%, under the 50% threshold.',
      ]);
    });

    it('sends an entry added the moment a delivery ends: the run that its deliver() joined looks again', async () => {
      // Whatever delivery the bot began on its own (it resumes the outbox on start) is over first.
      await h.bot.alerts.delivery.deliver();
      await h.say('hello', { conversationId: 'late' });
      const conversationId = 'a:1personal-late';
      const store = h.state;
      const latest = store.latest.bind(store);
      let looks = 0;
      let adding = false;
      let late: Promise<DeliveryReport> | undefined;
      // An empty outbox is read three times by a run: before sending, after sending, and once it has
      // let go of the outbox. Right after that last look, an evaluation writes an entry and asks for
      // its delivery, while the run is ending.
      const hook = sinon.stub(store, 'latest').callsFake(async () => {
        // What the run saw is what was stored when it looked (lowdb hands out the live document).
        const seen = structuredClone(await latest());
        // The write below reads the document too (on Blob Storage): that is not one of the run's looks.
        if (!adding && ++looks === 3) {
          adding = true;
          await store.update((s) => {
            s.outbox.push({
              id: 'late-1',
              conversationId,
              createdAt: new Date().toISOString(),
              status: 'pending',
              message: { kind: 'weekly', rows: [] },
            });
          });
          late = h.bot.alerts.delivery.deliver();
        }
        return seen;
      });
      h.connector.clear();
      try {
        await h.bot.alerts.delivery.deliver();
      } finally {
        hook.restore();
      }
      expect(await late).to.deep.equal({ busy: false, delivered: 1, failed: 0, forgotten: 0 });
      expect(alertsTo(conversationId).map((sent) => sent.activity['summary'])).to.deep.equal(['This week: 0 customers to act on']);
    });

    it('subscribes a chat with "alerts on below 40%" and alerts each customer under it once, with why and what to do', async () => {
      const conversationId = 'alerts';
      const [on] = await h.say('alerts on below 40%', { conversationId });
      expect(textsOf(cardOf(on))).to.deep.equal([
        'Alerts are on here.',
        'Every customer: deployment or usage under 40%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
        'They come after each sync, at most once a week per customer and condition unless it gets worse. A renewal or trial end within 30 days while under the threshold is an alert of its own, and so is a term ending with auto-renew off. A subscription in its grace period, suspended, disabled or expired is one too, whatever the numbers.',
      ]);
      const conversation = `a:1personal-${conversationId}`;
      h.connector.clear();

      const run = await h.bot.alerts.run();
      expect(run.evaluation).to.include({ alerts: 3 });
      expect(run.delivery).to.deep.equal({ busy: false, delivered: 3, failed: 0, forgotten: 0 });
      const sent = alertsTo(conversation);
      // Woodgrove Bank's numbers are above 40%, and one of its subscriptions is suspended: an alert whatever the numbers.
      expect(sent.map((s) => s.activity['summary'])).to.deep.equal([
        'Coho Winery: Usage is 31%, under the 40% threshold.',
        'Fabrikam Inc: Usage is 37.5%, under the 40% threshold.',
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);
      const coho = cardOf(sent[0]);
      expect(cardProblems(coho)).to.deep.equal([]);
      const texts = textsOf(coho);
      expect(texts.slice(0, 3)).to.deep.equal([
        'Adoption alert: Coho Winery',
        'From the latest data in the cache. Mute stops alerts about this customer here for 30 days.',
        'Usage is 31%, under the 40% threshold.',
      ]);
      expect(texts).to.include.members(['Deployment: 93.3%', 'Usage: 31%', 'What to do']);
      expect(buttonsOf(coho).map((b) => [b.title, b.verb, b.data['key']])).to.deep.equal([
        ['Open full card', 'customer', COHO],
        ['Mute for 30 days', 'mute', COHO],
      ]);

      // What came here, for anyone who asks.
      expect(textsOf(cardOf((await h.say('which alerts were sent here?', { conversationId })).at(-1)))).to.deep.equal([
        '3 alerts here in the last 30 days',
        '2026-11-25 — Coho Winery: delivered',
        '2026-11-25 — Fabrikam Inc: delivered',
        '2026-11-25 — Woodgrove Bank: delivered',
      ]);

      // The same conditions again: nothing, until the 7-day window has passed.
      h.connector.clear();
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(0);
      clock.tick(6 * DAY);
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(0);
      clock.tick(DAY);
      const week = await h.bot.alerts.run();
      expect(week.evaluation.alerts).to.equal(3);
      expect(alertsTo(conversation)).to.have.length(3);
      const woodgrove = cardOf(alertsTo(conversation)[2]);
      expect(textsOf(woodgrove).slice(0, 3)).to.deep.equal([
        'Adoption alert: Woodgrove Bank',
        'From the latest data in the cache. Mute stops alerts about this customer here for 30 days.',
        'Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);
      expect(cardProblems(woodgrove)).to.deep.equal([]);
    });

    it('watches one number when the wish names it', async () => {
      const conversationId = 'one-number';
      const [on] = await h.say('alert me if deployment falls under 50%', { conversationId });
      expect(textsOf(cardOf(on)).slice(0, 2)).to.deep.equal([
        'Alerts are on here.',
        'Every customer: deployment under 50%, or a sharp drop in deployment since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      h.connector.clear();
      // Fabrikam's deployment is 40%; Coho's usage (31%) and Fabrikam's (37.5%) are not watched here.
      // Woodgrove's suspended subscription alerts whatever the number watched.
      const run = await h.bot.alerts.run();
      expect(run.evaluation).to.include({ alerts: 2 });
      const [fabrikam, woodgrove] = alertsTo(`a:1personal-${conversationId}`);
      expect(fabrikam!.activity['summary']).to.equal('Fabrikam Inc: Deployment is 40%, under the 50% threshold.');
      expect(woodgrove!.activity['summary']).to.equal(
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      );
      expect(textsOf(cardOf(fabrikam)).filter((t) => t.includes('threshold'))).to.deep.equal([
        'Deployment is 40%, under the 50% threshold.',
      ]);
      // One customer on another number, beside the every-customer one.
      await h.say("let us know if Fabrikam's usage falls under 40%", { conversationId });
      const [status] = (await h.say('which alerts are on?', { conversationId })).slice(-1);
      expect(textsOf(cardOf(status)).slice(1)).to.deep.equal([
        'Every customer: deployment under 50%, or a sharp drop in deployment since the previous sync (set by Megan Bowen on 2026-11-25).',
        'Fabrikam Inc: usage under 40%, or a sharp drop in usage since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
    });

    it('reads the threshold and the customer said other ways: "drops to 40%", "hits 35%", "30% or less"', async () => {
      const conversationId = 'said-other-ways';
      await h.say('alert me when Contoso drops to 40%', { conversationId });
      await h.say('let us know if Fabrikam hits 35%', { conversationId });
      await h.say('alert me when usage drops to 30% or less', { conversationId });
      const [status] = (await h.say('which alerts are on?', { conversationId })).slice(-1);
      // Before, "drops to 40%" and "hits 35%" left the default threshold and lost the customer.
      expect(textsOf(cardOf(status)).slice(1)).to.deep.equal([
        'Contoso Ltd: deployment or usage under 40%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
        'Fabrikam Inc: deployment or usage under 35%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
        'Every customer: usage under 30%, or a sharp drop in usage since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      // A wish with no percent: the threshold of the number named; the settings asked for as such.
      await h.say('warn me about low usage', { conversationId: 'warned' });
      const [warned] = (await h.say('what are my alert settings?', { conversationId: 'warned' })).slice(-1);
      expect(textsOf(cardOf(warned)).slice(1)).to.deep.equal([
        'Every customer: usage under 50%, or a sharp drop in usage since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      await h.say('only alert me about deployment', { conversationId: 'only' });
      const [only] = (await h.say('alerts', { conversationId: 'only' })).slice(-1);
      expect(textsOf(cardOf(only)).slice(1)).to.deep.equal([
        'Every customer: deployment under 60%, or a sharp drop in deployment since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      // The percent alone changed: the every-customer alerts here, under it, on the number they watched.
      await h.say('change the alert threshold to 35%', { conversationId: 'only' });
      const [moved] = (await h.say('alerts', { conversationId: 'only' })).slice(-1);
      expect(textsOf(cardOf(moved)).slice(1)).to.deep.equal([
        'Every customer: deployment under 35%, or a sharp drop in deployment since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      // Where no alert was on, every customer under it.
      await h.say('set alerts to 30%', { conversationId: 'new' });
      const [fresh] = (await h.say('alerts', { conversationId: 'new' })).slice(-1);
      expect(textsOf(cardOf(fresh)).slice(1)).to.deep.equal([
        'Every customer: deployment or usage under 30%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      const [sent] = (await h.say('send alerts to this channel', { conversationId: 'sent-here' })).slice(-1);
      expect(textsOf(cardOf(sent)).slice(0, 2)).to.deep.equal([
        'Alerts are on here.',
        'Every customer: deployment under 60% or usage under 50%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      // Following a customer said as subscribing or watching; stopping it mutes it; "what am I subscribed to?" is the settings.
      await h.say('subscribe to Contoso', { conversationId: 'watching' });
      await h.say('watch Fabrikam', { conversationId: 'watching' });
      await h.say('stop watching Fabrikam', { conversationId: 'watching' });
      const [watching] = (await h.say('what am I subscribed to?', { conversationId: 'watching' })).slice(-1);
      expect(textsOf(cardOf(watching))).to.deep.equal([
        'Alerts are on here.',
        'Contoso Ltd: deployment under 60% or usage under 50%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
        'Fabrikam Inc: deployment under 60% or usage under 50%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
        'Muted: Fabrikam Inc until 2026-12-25',
      ]);
      // Watching a number is alerts on that number: a workload's usage, or deployment.
      const [tracked] = (await h.say('track Teams usage', { conversationId: 'tracked' })).slice(-1);
      expect(textsOf(cardOf(tracked)).slice(0, 2)).to.deep.equal([
        'Alerts are on here.',
        'Every customer: Teams usage under 50%, or a sharp drop in it since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      const [monitored] = (await h.say('monitor deployment', { conversationId: 'monitored' })).slice(-1);
      expect(textsOf(cardOf(monitored)).slice(0, 2)).to.deep.equal([
        'Alerts are on here.',
        'Every customer: deployment under 60%, or a sharp drop in deployment since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      // A wish asked politely is the wish.
      const [weekly] = (await h.say('can you send me a summary every monday?', { conversationId: 'courteous' })).slice(-1);
      expect(textsOf(cardOf(weekly))[0]).to.equal('The weekly to-do is on here.');
      // "enable alerts": every customer; "turn off notifications": none.
      const [enabled] = (await h.say('enable alerts', { conversationId: 'enabled' })).slice(-1);
      expect(textsOf(cardOf(enabled)).slice(0, 2)).to.deep.equal([
        'Alerts are on here.',
        'Every customer: deployment under 60% or usage under 50%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      const [off] = (await h.say('turn off notifications', { conversationId: 'enabled' })).slice(-1);
      expect(textsOf(cardOf(off))[0]).to.equal('Alerts are off here.');
    });

    it("watches one workload's usage when the wish names it: its threshold and drops, not usage over all workloads", async () => {
      const conversationId = 'one-workload';
      const [on] = (await h.say('alert me when Teams usage drops below 30%', { conversationId })).slice(-1);
      expect(textsOf(cardOf(on)).slice(0, 2)).to.deep.equal([
        'Alerts are on here.',
        'Every customer: Teams usage under 30%, or a sharp drop in it since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      h.connector.clear();
      // Coho's Teams usage is 28.6%; Fabrikam's is 35%, and its usage over all workloads (37.5%) is not watched here.
      const run = await h.bot.alerts.run();
      expect(run.evaluation).to.include({ alerts: 2 });
      const [coho, woodgrove] = alertsTo(`a:1personal-${conversationId}`);
      expect(coho!.activity['summary']).to.equal('Coho Winery: Teams usage is 28.6%, under the 30% threshold.');
      expect(woodgrove!.activity['summary']).to.equal(
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      );
      expect(cardProblems(cardOf(coho))).to.deep.equal([]);
      // One customer's workload, by a button that carries it when the name matches several.
      await h.say("alerts on for Fabrikam's SharePoint usage below 90%", { conversationId });
      const [status] = (await h.say('which alerts are on?', { conversationId })).slice(-1);
      expect(textsOf(cardOf(status)).slice(1)).to.deep.equal([
        'Every customer: Teams usage under 30%, or a sharp drop in it since the previous sync (set by Megan Bowen on 2026-11-25).',
        'Fabrikam Inc: SharePoint with OneDrive usage under 90%, or a sharp drop in it since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      const { body } = await h.invoke('alerts-on', { key: FABRIKAM, percent: 20, workload: 'onedrive' }, { conversationId });
      expect(textsOf(body.value).slice(0, 2)).to.deep.equal([
        'Alerts are on here.',
        'Fabrikam Inc: SharePoint with OneDrive usage under 20%, or a sharp drop in it since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
    });

    it("alerts on a sharp drop in the workload it watches, once the previous sync kept that workload's usage", async () => {
      const conversationId = 'workload-drop';
      await h.say('alert me when Teams usage drops below 20%', { conversationId });
      const [status] = (await h.say('which alerts are on?', { conversationId })).slice(-1);
      expect(textsOf(cardOf(status))[1]).to.equal(
        'Every customer: Teams usage under 20%, or a sharp drop in it since the previous sync (set by Megan Bowen on 2026-11-25).',
      );
      // The demo's previous sync kept Coho's Teams usage 6.5 points above today's 28.6%: not sharp (10
      // points). Only Woodgrove's suspended subscription alerts.
      await h.bot.alerts.run();
      expect(alertsTo(`a:1personal-${conversationId}`).map((s) => s.activity['summary'])).to.deep.equal([
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);
      h.connector.clear();
      const previous = (await h.storage.cache.history()).get(COHO)!.at(-1)!;
      await h.storage.cache.recordHistory([
        { customerKey: COHO, point: { ...previous, workloadUsage: { ...previous.workloadUsage, Teams: 45 } } },
      ]);
      await h.bot.alerts.run();
      const [coho, ...more] = alertsTo(`a:1personal-${conversationId}`);
      expect(more).to.deep.equal([]);
      expect(coho!.activity['summary']).to.equal(`Coho Winery: Teams usage fell 16.4 points since ${previous.day}, from 45% to 28.6%.`);
      expect(cardProblems(cardOf(coho))).to.deep.equal([]);
    });

    it("mutes a customer for 30 days from the alert's button, in that conversation only", async () => {
      await h.say('alerts on below 40%', { conversationId: 'muting' });
      await h.say('alerts on below 40%', { conversationId: 'other' });
      await h.bot.alerts.run();
      const { body } = await h.invoke('mute', { key: COHO, alert: 'x' }, { conversationId: 'muting' });
      expect(textsOf(body.value)[0]).to.equal('Muted alerts about Coho Winery here until 2026-12-25.');
      const [status] = (await h.say('alerts', { conversationId: 'muting' })).slice(-1);
      expect(textsOf(cardOf(status)).slice(-1)).to.deep.equal(['Muted: Coho Winery until 2026-12-25']);
      h.connector.clear();
      clock.tick(7 * DAY);
      await h.bot.alerts.run();
      expect(alertsTo('a:1personal-muting').map((s) => s.activity['summary'])).to.deep.equal([
        'Fabrikam Inc: Usage is 37.5%, under the 40% threshold.',
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);
      expect(alertsTo('a:1personal-other')).to.have.length(3);
      clock.tick(23 * DAY);
      h.connector.clear();
      await h.bot.alerts.run();
      expect(alertsTo('a:1personal-muting').map((s) => s.activity['summary'])).to.have.length(3);
    });

    it('pauses every alert here for as long as asked, then what is still true alerts by itself; "resume alerts" ends it sooner', async () => {
      const opts = { conversationId: 'away' };
      const [nothing] = (await h.say('pause alerts for a week', opts)).slice(-1);
      expect(textsOf(cardOf(nothing))).to.deep.equal([
        'Alerts are not on here: there is nothing to pause.',
        'Say "alerts on" to get them.',
      ]);
      await h.say('alerts on below 40%', opts);
      const [paused] = (await h.say('pause alerts for a week', opts)).slice(-1);
      expect(textsOf(cardOf(paused))).to.deep.equal([
        'Alerts are paused here until 2026-12-02.',
        'No alert comes to this conversation until then; after it, what is still true alerts again by itself.',
        'Say "resume alerts" to get them sooner, or "alerts off" to stop them.',
      ]);
      const [status] = (await h.say('alerts', opts)).slice(-1);
      expect(textsOf(cardOf(status))).to.deep.equal([
        'Alerts are paused here until 2026-12-02.',
        'Every customer: deployment or usage under 40%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
        'Say "resume alerts" to get them sooner.',
      ]);
      h.connector.clear();
      await h.bot.alerts.run();
      expect(alertsTo('a:1personal-away')).to.deep.equal([]);
      // A week on, the pause is over: what is still true alerts, and the pause is forgotten.
      clock.tick(7 * DAY);
      await h.bot.alerts.run();
      expect(alertsTo('a:1personal-away').map((s) => s.activity['summary'])).to.deep.equal([
        'Coho Winery: Usage is 31%, under the 40% threshold.',
        'Fabrikam Inc: Usage is 37.5%, under the 40% threshold.',
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);
      expect((await h.state.read()).paused).to.deep.equal({});
      // Said other ways; "resume alerts" ends a pause before its time, and says so when there was none.
      clock.tick(2_000);
      expect(textsOf(cardOf((await h.say('mute everything for 3 days', opts)).at(-1)))[0]).to.equal(
        'Alerts are paused here until 2026-12-05.',
      );
      expect(textsOf(cardOf((await h.say('stop alerts for two weeks', opts)).at(-1)))[0]).to.equal(
        'Alerts are paused here until 2026-12-16.',
      );
      expect(textsOf(cardOf((await h.say('resume alerts', opts)).at(-1)))[0]).to.equal('Alerts are back on here.');
      expect(textsOf(cardOf((await h.say('unpause alerts', opts)).at(-1)))[0]).to.equal('Alerts were not paused here.');
      expect((await h.state.read()).paused).to.deep.equal({});
      // "alerts off" ends the pause with the alerts.
      await h.say('pause alerts', opts);
      await h.say('alerts off', opts);
      expect((await h.state.read()).paused).to.deep.equal({});
    });

    it('lists every conversation that gets alerts, what each watches and whether it is paused, to anyone who asks', async () => {
      const [none] = (await h.say('which channels get alerts?', { conversationId: 'asking' })).slice(-1);
      expect(textsOf(cardOf(none))).to.deep.equal([
        'No conversation gets alerts yet.',
        'In a chat or channel, an admin says "alerts on" there.',
      ]);
      await h.say('alerts on below 40%', { conversationId: 'megan' });
      clock.tick(60_000);
      await h.say('alert me when Teams usage drops below 30%', { scope: 'channel' });
      await h.say('pause alerts for a week', { scope: 'channel' });
      const [all] = (await h.say('where do alerts go?', { conversationId: 'asking' })).slice(-1);
      // The most recently set first.
      expect(textsOf(cardOf(all))).to.deep.equal([
        'Alerts go to 2 conversations',
        'A channel of Account team (paused until 2026-12-02) — Every customer: Teams usage under 30%, or a sharp drop in it since the previous sync (set by Megan Bowen on 2026-11-25).',
        'The personal chat with Megan Bowen — Every customer: deployment or usage under 40%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
        'Say "alerts" in a conversation for its own, with its mutes.',
      ]);
    });

    it('mutes and unmutes each customer of a list of names', async () => {
      const opts = { conversationId: 'several' };
      await h.say('alerts on below 40%', opts);
      const muted = cardOf((await h.say('mute Coho and Fabrikam for a week', opts)).at(-1));
      expect(textsOf(muted)).to.deep.equal([
        'Muted alerts about Coho Winery and Fabrikam Inc here until 2026-12-02.',
        'Other customers still alert. Say "unmute <customer>" to hear about one again sooner, or "alerts" to see what is on here.',
      ]);
      expect(buttonsOf(muted).map((b) => [b.title, b.verb, b.data['key']])).to.deep.equal([
        ['Unmute Coho Winery', 'unmute', COHO],
        ['Unmute Fabrikam Inc', 'unmute', FABRIKAM],
      ]);
      h.connector.clear();
      await h.bot.alerts.run();
      expect(alertsTo('a:1personal-several').map((s) => s.activity['summary'])).to.deep.equal([
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);
      await h.say('unmute Fabrikam', opts);
      const back = cardOf((await h.say('unmute Coho and Fabrikam', opts)).at(-1));
      expect(textsOf(back)).to.deep.equal([
        'Alerts about Coho Winery are back on here.',
        'Alerts about Fabrikam Inc were not muted here.',
        '"Mute" on an alert, or "mute <customer>", silences them for 30 days. Say "alerts" to see what is on here.',
      ]);
      expect((await h.state.read()).mutes).to.deep.equal({});
    });

    it('mutes and unmutes a customer by name, and from the button beside its mute in "alerts"', async () => {
      const opts = { conversationId: 'typed' };
      await h.say('alerts on below 40%', opts);
      const [muted] = (await h.say('mute alerts for coho', opts)).slice(-1);
      for (const asked of ['turn off alerts for coho', "don't alert me about Coho"]) {
        expect(textsOf(cardOf((await h.say(asked, opts)).at(-1)))[0], asked).to.equal(
          'Muted alerts about Coho Winery here until 2026-12-25.',
        );
      }
      expect(textsOf(cardOf(muted))).to.deep.equal([
        'Muted alerts about Coho Winery here until 2026-12-25.',
        'Other customers still alert. Say "unmute Coho Winery" to hear about it again sooner, or "alerts" to see what is on here.',
      ]);
      expect(buttonsOf(cardOf(muted)).map((b) => [b.title, b.verb, b.data['key']])).to.deep.equal([
        ['Open full card', 'customer', COHO],
        ['Unmute', 'unmute', COHO],
      ]);
      const [status] = (await h.say('alerts', opts)).slice(-1);
      expect(textsOf(cardOf(status)).slice(-1)).to.deep.equal(['Muted: Coho Winery until 2026-12-25']);
      // Teams allows a conversation 8 messages in 2 seconds: the frozen clock moves past that window.
      clock.tick(2_000);
      const [mutes] = (await h.say('which customers are muted?', opts)).slice(-1);
      expect(textsOf(cardOf(mutes))).to.deep.equal(textsOf(cardOf(status)));
      const [who] = (await h.say('who is muted?', opts)).slice(-1);
      expect(textsOf(cardOf(who))).to.deep.equal(textsOf(cardOf(status)));
      expect(buttonsOf(cardOf(status)).map((b) => [b.title, b.verb, b.data['key']])).to.deep.equal([
        ['Unmute Coho Winery', 'unmute', COHO],
      ]);
      h.connector.clear();
      await h.bot.alerts.run();
      expect(alertsTo('a:1personal-typed').map((s) => s.activity['summary'])).to.deep.equal([
        'Fabrikam Inc: Usage is 37.5%, under the 40% threshold.',
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);

      const { body } = await h.invoke('unmute', { key: COHO }, opts);
      expect(textsOf(body.value)[0]).to.equal('Alerts about Coho Winery are back on here.');
      const [again] = (await h.say('unmute Coho Winery', opts)).slice(-1);
      expect(textsOf(cardOf(again))[0]).to.equal('Alerts about Coho Winery were not muted here.');
      expect((await h.state.read()).mutes).to.deep.equal({});
      // Unmuted, the next week's run alerts about Coho here again.
      h.connector.clear();
      clock.tick(7 * DAY);
      await h.bot.alerts.run();
      expect(alertsTo('a:1personal-typed').map((s) => s.activity['summary'])).to.deep.equal([
        'Coho Winery: Usage is 31%, under the 40% threshold.',
        'Fabrikam Inc: Usage is 37.5%, under the 40% threshold.',
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);
      // For as long as asked: a week from now (the clock moved on a week), two months, never past a year.
      for (const [asked, until] of [
        ['mute Fabrikam for a week', '2026-12-09'],
        ['snooze alerts for Fabrikam for two months', '2027-01-31'],
        ['mute Fabrikam for 3 years', '2027-12-02'],
        ["don't alert me about Fabrikam anymore", '2027-01-01'],
      ] as const) {
        expect(textsOf(cardOf((await h.say(asked, opts)).at(-1)))[0], asked).to.equal(
          `Muted alerts about Fabrikam Inc here until ${until}.`,
        );
      }
      await h.say('unmute Fabrikam', opts);
      const [unknown] = (await h.say('mute Globex', opts)).slice(-1);
      expect(textsOf(cardOf(unknown))[0]).to.equal('No customer matches "Globex".');
      // A name that matches several: each choice mutes that one.
      const [several] = (await h.say('mute co', opts)).slice(-1);
      expect(textsOf(cardOf(several))).to.deep.equal(['3 customers match "co".', 'Choose one, or say it again with more of the name.']);
      const choices = buttonsOf(cardOf(several));
      expect(choices.map((b) => [b.title, b.verb])).to.deep.equal([
        ['Coho Winery', 'mute'],
        ['Fourth Coffee', 'mute'],
        ['Contoso Ltd', 'mute'],
      ]);
      const chosen = await h.invoke(choices[0]!.verb, choices[0]!.data, opts);
      // So does "alerts on for co below 35%": each choice turns them on for that one, with that percent.
      const [which] = (await h.say('alerts on for co below 35%', { conversationId: 'choosing' })).slice(-1);
      const fourth = buttonsOf(cardOf(which)).find((b) => b.title === 'Fourth Coffee')!;
      expect(fourth).to.deep.equal({
        title: 'Fourth Coffee',
        verb: 'alerts-on',
        data: { key: '0000000c-0000-4000-8000-c0ffee00000c', percent: 35 },
      });
      const on = await h.invoke(fourth.verb, fourth.data, { conversationId: 'choosing' });
      expect(textsOf(on.body.value).slice(0, 2)).to.deep.equal([
        'Alerts are on here.',
        'Fourth Coffee: deployment or usage under 35%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-12-02).',
      ]);
      // The number asked goes with the choice too.
      const [usage] = (await h.say("alerts on for co's usage below 35%", { conversationId: 'choosing' })).slice(-1);
      const coho = buttonsOf(cardOf(usage)).find((b) => b.title === 'Coho Winery')!;
      expect(coho.data).to.deep.equal({ key: COHO, percent: 35, measure: 'usage' });
      const onUsage = await h.invoke(coho.verb, coho.data, { conversationId: 'choosing' });
      expect(textsOf(onUsage.body.value)[1]).to.equal(
        'Coho Winery: usage under 35%, or a sharp drop in usage since the previous sync (set by Megan Bowen on 2026-12-02).',
      );
      expect((await h.invoke('alerts-on', { key: COHO, measure: 'revenue' }, { conversationId: 'choosing' })).status).to.equal(400);
      // A week later than the first mute above: the clock was moved on.
      expect(textsOf(chosen.body.value)[0]).to.equal('Muted alerts about Coho Winery here until 2027-01-01.');
    });

    it('sends one digest when more than 5 customers alert at once to one conversation', async () => {
      await h.say('alerts on below 81%', { conversationId: 'digest' });
      h.connector.clear();
      const run = await h.bot.alerts.run();
      expect(run.evaluation.alerts).to.equal(7);
      const [digest, ...rest] = alertsTo('a:1personal-digest');
      expect(rest).to.have.length(0);
      const card = cardOf(digest);
      expect(cardProblems(card)).to.deep.equal([]);
      expect(textsOf(card)[0]).to.equal('7 customers need attention');
      expect(textsOf(card).join(' | ')).to.include(
        'Coho Winery | usage under 81% | 93.3% | 31% | Fabrikam Inc | deployment under 81% · usage under 81% | 40% | 37.5% | Proseware',
      );
      // Tailspin's deployment is under 81% with its trial ending in 15 days.
      expect(textsOf(card).join(' | ')).to.include('Tailspin Toys | deployment under 81% · trial end in 15 days | 80% | 93.3%');
      expect(textsOf(card).join(' | ')).to.include('Woodgrove Bank | needs attention: Office 365 E3: 20 seats suspended | 83.3% | 92%');
      expect(buttonsOf(card).filter((b) => b.verb === 'customer')).to.have.length(7);
      // On one workload, each row names it; the usage column (over all workloads) is not marked.
      await h.say('alert me when Teams usage drops below 96%', { conversationId: 'teams-digest' });
      h.connector.clear();
      await h.bot.alerts.run();
      const teams = cardOf(alertsTo('a:1personal-teams-digest')[0]);
      expect(textsOf(teams)[0]).to.equal('11 customers need attention');
      expect(textsOf(teams).join(' | ')).to.include('Coho Winery | Teams usage under 96% | 93.3% | 31% | Fabrikam Inc');
      expect(textsOf(teams).join(' | ')).to.include(
        'Woodgrove Bank | Teams usage under 96% · renewal in 30 days · needs attention: Office 365 E3: 20 seats suspended | 83.3% | 92%',
      );
    });

    it('sends the weekly to-do after the first sync of each week to the conversations that asked, until they stop it', async () => {
      const [on] = await h.say('weekly summary on', { conversationId: 'weekly' });
      expect(textsOf(cardOf(on))[0]).to.equal('The weekly to-do is on here.');
      const conversation = 'a:1personal-weekly';
      h.connector.clear();
      const first = await h.bot.alerts.run();
      expect(first.evaluation).to.include({ alerts: 0, weekly: 1 });
      const [todo] = alertsTo(conversation);
      expect(todo!.activity['summary']).to.equal('This week: 9 customers to act on');
      const card = cardOf(todo);
      expect(cardProblems(card)).to.deep.equal([]);
      const rows = textsOf(card).slice(5);
      expect(rows.filter((_, i) => i % 4 < 2).slice(0, 4)).to.deep.equal([
        ...['Coho Winery', 'Adoption content: usage 31% is below 50% · Training courses (upsell): deployment 93.3% is at or above 90%'],
        ...['Fabrikam Inc', 'Adoption content: usage 37.5% is below 50%; deployment 40% is below 60% (60 of 100 licenses unassigned)'],
      ]);
      expect(rows.slice(-8).filter((_, i) => i % 4 < 2)).to.deep.equal([
        ...['Tailspin Toys', 'Trial end: Microsoft Teams Premium Trial, 5 seats on 2026-12-10'],
        ...['Proseware', 'Old data: 21 days old'],
      ]);
      expect(buttonsOf(card).filter((b) => b.verb === 'customer')).to.have.length(9);
      // Another sync the same week: nothing; six days on, still nothing; a week on, the next one.
      expect((await h.bot.alerts.run()).evaluation.weekly).to.equal(0);
      clock.tick(6 * DAY);
      expect((await h.bot.alerts.run()).evaluation.weekly).to.equal(0);
      clock.tick(DAY);
      expect((await h.bot.alerts.run()).evaluation.weekly).to.equal(1);
      expect(alertsTo(conversation)).to.have.length(2);
      const [status] = (await h.say('alerts', { conversationId: 'weekly' })).slice(-1);
      expect(textsOf(cardOf(status)).slice(-1)).to.deep.equal([
        'Weekly to-do: on (set by Megan Bowen on 2026-11-25, last sent 2026-12-02).',
      ]);
      const [off] = (await h.say('stop the weekly summary', { conversationId: 'weekly' })).slice(-1);
      expect(textsOf(cardOf(off))[0]).to.equal('The weekly to-do is off here.');
      // Said other ways: "enable", "disable", a digest.
      expect(textsOf(cardOf((await h.say('enable the weekly digest', { conversationId: 'weekly' })).at(-1)))[0]).to.equal(
        'The weekly to-do is on here.',
      );
      expect(textsOf(cardOf((await h.say('disable weekly digest', { conversationId: 'weekly' })).at(-1)))[0]).to.equal(
        'The weekly to-do is off here.',
      );
      expect(textsOf(cardOf((await h.say('alert me weekly', { conversationId: 'weekly' })).at(-1)))[0]).to.equal(
        'The weekly to-do is on here.',
      );
      expect(textsOf(cardOf((await h.say('weekly summary off', { conversationId: 'weekly' })).at(-1)))[0]).to.equal(
        'The weekly to-do is off here.',
      );
      clock.tick(7 * DAY);
      expect((await h.bot.alerts.run()).evaluation.weekly).to.equal(0);
      expect(alertsTo(conversation)).to.have.length(2);
    });

    it('shows and switches off the settings with "alerts" and "alerts off"', async () => {
      await h.say('alerts on for Contoso', { conversationId: 'settings' });
      const [status] = (await h.say('settings', { conversationId: 'settings' })).slice(-1);
      expect(textsOf(cardOf(status))).to.deep.equal([
        'Alerts are on here.',
        'Contoso Ltd: deployment under 60% or usage under 50%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      // Said another way, with a percent: the same subscription, now at 60%.
      await h.say('set up an alert for Contoso below 60%', { conversationId: 'settings' });
      const [changed] = (await h.say('alerts', { conversationId: 'settings' })).slice(-1);
      expect(textsOf(cardOf(changed))[1]).to.equal(
        'Contoso Ltd: deployment or usage under 60%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
      );
      // Said as a wish: the customer and the percent are read from the sentence; "anyone" is every customer.
      await h.say('notify me when Fabrikam drops below 35%', { conversationId: 'settings' });
      await h.say('let me know if anyone falls under 30%', { conversationId: 'settings' });
      const [wishes] = (await h.say('alerts', { conversationId: 'settings' })).slice(-1);
      expect(textsOf(cardOf(wishes)).slice(1)).to.deep.equal([
        'Contoso Ltd: deployment or usage under 60%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
        'Fabrikam Inc: deployment or usage under 35%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
        'Every customer: deployment or usage under 30%, or a sharp drop since the previous sync (set by Megan Bowen on 2026-11-25).',
      ]);
      const [off] = (await h.say('alerts off', { conversationId: 'settings' })).slice(-1);
      expect(textsOf(cardOf(off))[0]).to.equal('Alerts are off here.');
      const state = await h.state.read();
      expect(state.subscriptions).to.deep.equal([]);
    });
  });
}

for (const backend of BACKENDS) {
  describe(`renewal alerts, over HTTP (${backend})`, () => {
    let h: Harness;
    let clock: sinon.SinonFakeTimers;
    beforeEach(async () => {
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
      // A long repeat window: only a renewal whose window opens alerts again.
      h = await startHarness({ clock: () => new Date(), storage: backend, env: { ADOPTION_ALERT_REPEAT_DAYS: '60' } });
    });
    afterEach(async () => {
      await h.close();
      clock.restore();
    });

    it('alerts a renewal or trial end within 30 days while the numbers are under the threshold, and each next one as its window opens', async () => {
      const conversationId = 'renewals';
      const [on] = (await h.say('alerts on for woodgrove below 95%', { conversationId })).slice(-1);
      expect(textsOf(cardOf(on))[2]).to.equal(
        'They come after each sync, at most once in 60 days per customer and condition unless it gets worse. A renewal or trial end within 30 days while under the threshold is an alert of its own, and so is a term ending with auto-renew off. A subscription in its grace period, suspended, disabled or expired is one too, whatever the numbers.',
      );
      await h.say('alerts on for tailspin below 95%', { conversationId });
      const conversation = `a:1personal-${conversationId}`;
      h.connector.clear();
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(2);
      const [tailspin, woodgrove] = ['Tailspin Toys', 'Woodgrove Bank'].map((n) => {
        const sent = h.connector.to(conversation).find((x) => textsOf(cardOf(x))[0] === `Adoption alert: ${n}`);
        expect(sent, n).not.to.equal(undefined);
        return cardOf(sent);
      });
      expect(cardProblems(woodgrove!)).to.deep.equal([]);
      expect(textsOf(woodgrove!).slice(2, 5)).to.deep.equal([
        'Deployment is 83.3%, under the 95% threshold.',
        'Usage is 92%, under the 95% threshold.',
        'Renewal: Office 365 E3: 100 seats renew 2026-12-25, in 30 days, with usage at 92%: lift it before the customer decides how many seats to keep.',
      ]);
      expect(textsOf(tailspin!).slice(2, 5)).to.deep.equal([
        'Deployment is 80%, under the 95% threshold.',
        'Usage is 93.3%, under the 95% threshold.',
        'Trial end: Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on), with usage at 93.3%: show what it is for before it ends.',
      ]);
      // Nothing new for 20 days: every condition was alerted.
      clock.tick(20 * DAY);
      h.connector.clear();
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(0);
      // On 2026-12-30 Tailspin's Business Premium is 30 days from its renewal: that window opens, and it
      // alerts with the numbers as they stand. Woodgrove's renewal has passed.
      clock.tick(15 * DAY);
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(1);
      const [next] = h.connector.to(conversation);
      expect(textsOf(cardOf(next)).slice(0, 5)).to.deep.equal([
        'Adoption alert: Tailspin Toys',
        'From the latest data in the cache. Mute stops alerts about this customer here for 30 days.',
        'Deployment is 80%, under the 95% threshold.',
        'Usage is 93.3%, under the 95% threshold.',
        'Term end: Microsoft 365 Business Premium: 20 seats end 2027-01-29, in 30 days (auto-renew off), with usage at 93.3%: ask the customer why before it ends.',
      ]);
    });

    it("reads a renewal beside the workload's usage for an alert on one workload", async () => {
      await h.say("alert me when Woodgrove's Teams usage drops below 95%", { conversationId: 'workload-renewal' });
      h.connector.clear();
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(1);
      const [alert] = h.connector.to('a:1personal-workload-renewal');
      expect(textsOf(cardOf(alert)).slice(0, 4)).to.deep.equal([
        'Adoption alert: Woodgrove Bank',
        'From the latest data in the cache. Mute stops alerts about this customer here for 30 days.',
        'Teams usage is 92%, under the 95% threshold.',
        'Renewal: Office 365 E3: 100 seats renew 2026-12-25, in 30 days, with Teams usage at 92%: lift it before the customer decides how many seats to keep.',
      ]);
      expect(cardProblems(cardOf(alert))).to.deep.equal([]);
    });

    it('alerts a term ending with auto-renew off within 30 days, whatever the numbers', async () => {
      // Tailspin's deployment 80% and usage 93.3% are above the configured 60% and 50%; its trial
      // ends in 15 days with auto-renew on: nothing to say yet.
      await h.say('alerts on for tailspin', { conversationId: 'lapsing' });
      h.connector.clear();
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(0);
      // Its Business Premium, auto-renew off, comes within 30 days of its end on 2026-12-30.
      clock.tick(35 * DAY);
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(1);
      const [alert] = h.connector.to('a:1personal-lapsing');
      expect(textsOf(cardOf(alert)).slice(0, 4)).to.deep.equal([
        'Adoption alert: Tailspin Toys',
        'From the latest data in the cache. Mute stops alerts about this customer here for 30 days.',
        'Term end: Microsoft 365 Business Premium: 20 seats end 2027-01-29, in 30 days (auto-renew off), with usage at 93.3%: ask the customer why before it ends.',
        'Deployment: 80%',
      ]);
    });

    it('alerts a subscription needing attention once a window, not again as the numbers move, and no more once it is active', async () => {
      await h.say('alerts on for woodgrove', { conversationId: 'attention' });
      h.connector.clear();
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(1);
      // Within the 60-day window the same suspended subscription is not alerted again.
      clock.tick(30 * DAY);
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(0);
      clock.tick(30 * DAY);
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(1);
      // Reactivated: nothing to say about Woodgrove, whose numbers are above the thresholds.
      const suspended = (await h.storage.cache.records()).find(
        (r): r is SubscriptionRecord => r.kind === 'subscription' && r.status === 'suspended',
      );
      expect(suspended).to.deep.include({ offerName: 'Office 365 E3', quantity: 20 });
      await h.storage.cache.upsert([{ ...suspended!, status: 'active' }]);
      clock.tick(61 * DAY);
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(0);
      expect(h.connector.to('a:1personal-attention')).to.have.length(2);
    });

    it('sends none for a renewal while the numbers are above the threshold, nor with ADOPTION_ALERT_RENEWAL_DAYS=0', async () => {
      // Woodgrove renews in 30 days with deployment 83.3% and usage 92%: above the configured 60% and 50%.
      // Its suspended subscription alerts, alone.
      await h.say('alerts on for woodgrove', { conversationId: 'healthy' });
      h.connector.clear();
      expect((await h.bot.alerts.run()).evaluation.alerts).to.equal(1);
      expect(textsOf(cardOf(h.connector.to('a:1personal-healthy')[0])).slice(2, 4)).to.deep.equal([
        'Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
        'Deployment: 83.3%',
      ]);
      const off = await startHarness({ clock: () => new Date(), storage: backend, env: { ADOPTION_ALERT_RENEWAL_DAYS: '0' } });
      try {
        const [on] = (await off.say('alerts on for woodgrove below 95%', { conversationId: 'off' })).slice(-1);
        expect(textsOf(cardOf(on))[2]).to.equal(
          'They come after each sync, at most once a week per customer and condition unless it gets worse. A subscription in its grace period, suspended, disabled or expired is one too, whatever the numbers.',
        );
        off.connector.clear();
        await off.bot.alerts.run();
        // The two conditions and the suspended subscription, then the numbers: no renewal line.
        expect(textsOf(cardOf(off.connector.to('a:1personal-off')[0])).slice(2, 6)).to.deep.equal([
          'Deployment is 83.3%, under the 95% threshold.',
          'Usage is 92%, under the 95% threshold.',
          'Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
          'Deployment: 83.3%',
        ]);
      } finally {
        await off.close();
      }
    });
  });
}

for (const backend of BACKENDS) {
  describe(`alert delivery when Teams pushes back (${backend})`, () => {
    let h: Harness;
    beforeEach(async () => (h = await startHarness({ env: { ADOPTION_ALERT_SEND_ATTEMPTS: '2' }, storage: backend })));
    afterEach(() => h.close());

    it('alerts a drop of more than 10 points since the previous sync, with the numbers', async () => {
      await h.storage.cache.recordHistory([
        { customerKey: FABRIKAM, point: { day: '2026-11-24', deploymentPercent: 55, usagePercent: 38 } },
      ]);
      await h.say('alerts on for fabrikam', { conversationId: 'drop' });
      h.connector.clear();
      await h.bot.alerts.run();
      const [alert] = h.connector.to('a:1personal-drop');
      expect(textsOf(cardOf(alert)).slice(2, 5)).to.deep.equal([
        'Deployment is 40%, under the 60% threshold.',
        'Deployment fell 15 points since 2026-11-24, from 55% to 40%.',
        'Usage is 37.5%, under the 50% threshold.',
      ]);
    });

    it('retries 429 after what Retry-After asks and delivers; parks an alert Teams keeps refusing, with the reason', async () => {
      await h.say('alerts on for coho', { conversationId: 'throttled' });
      await h.say('alerts on for coho', { conversationId: 'broken' });
      let throttled = 0;
      h.connector.faults = ({ conversationId }) => {
        if (conversationId === 'a:1personal-throttled' && throttled++ === 0) return { status: 429, retryAfter: 1 };
        if (conversationId === 'a:1personal-broken') return { status: 502, code: 'BadGateway' };
        return null;
      };
      const started = Date.now();
      const run = await h.bot.alerts.run();
      expect(Date.now() - started).to.be.at.least(1000);
      expect(run.delivery).to.deep.equal({ busy: false, delivered: 1, failed: 1, forgotten: 0 });
      expect(h.connector.to('a:1personal-throttled').filter((s) => s.activityId === null)).to.have.length(1);
      expect(h.connector.refused.filter((r) => r.conversationId === 'a:1personal-broken')).to.have.length(2);
      const parked = (await h.state.read()).outbox.find((e) => e.status === 'failed');
      expect(parked).to.deep.include({ conversationId: 'a:1personal-broken', attempts: 2, customers: ['Coho Winery'] });
      expect(parked && 'reason' in parked && parked.reason).to.equal(
        'Teams answered 502 BadGateway: Injected 502 by the local connector. (after 2 tries)',
      );
      h.connector.faults = null;
      expect(textsOf(cardOf((await h.say('alert history', { conversationId: 'broken' })).at(-1)))).to.deep.equal([
        '1 alert here in the last 30 days',
        '2026-11-25 — Coho Winery: not delivered: Teams answered 502 BadGateway: Injected 502 by the local connector. (after 2 tries)',
      ]);
      // Nothing came to a chat that never asked.
      expect(textsOf(cardOf((await h.say('recent alerts', { conversationId: 'quiet' })).at(-1)))).to.deep.equal([
        'No alert came here in the last 30 days.',
        'Alerts are off here: say "alerts on" to get them.',
      ]);
    });

    it('forgets a conversation whose sends answer 403 (bot blocked) or 404, with its subscriptions', async () => {
      await h.say('alerts on for coho', { conversationId: 'blocked' });
      await h.say('alerts on for coho', { conversationId: 'gone' });
      h.connector.faults = ({ conversationId }) =>
        conversationId === 'a:1personal-blocked'
          ? { status: 403, code: 'ConversationBlockedByUser' }
          : conversationId === 'a:1personal-gone'
            ? { status: 404, code: 'ConversationNotFound' }
            : null;
      const run = await h.bot.alerts.run();
      expect(run.delivery).to.deep.equal({ busy: false, delivered: 0, failed: 2, forgotten: 2 });
      const state = await h.state.read();
      expect(Object.keys(state.conversations)).to.not.include.members(['a:1personal-blocked', 'a:1personal-gone']);
      expect(state.subscriptions).to.deep.equal([]);
      expect(h.connector.refused).to.have.length(2);
    });
  });
}

describe('replies and alerts under one tenant limit', () => {
  it('counts what a chat turn sent: the alerts after it wait for the room it left', async () => {
    // Two sends per 1.5 s in the tenant; the reply to "alerts on" takes one.
    const h = await startHarness({ limits: { conversation: [], tenant: [{ count: 2, perMs: 1_500 }] } });
    try {
      const started = Date.now();
      await h.say('alerts on below 40%', { conversationId: 'shared-limit' });
      const run = await h.bot.alerts.run();
      expect(run.delivery).to.deep.equal({ busy: false, delivered: 3, failed: 0, forgotten: 0 });
      const sent = h.connector.to('a:1personal-shared-limit');
      expect(sent.map((s) => s.activity['summary'] ?? s.activity.type)).to.deep.equal([
        'Alerts are on here.',
        'Coho Winery: Usage is 31%, under the 40% threshold.',
        'Fabrikam Inc: Usage is 37.5%, under the 40% threshold.',
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);
      // Without the reply counted, the first two alerts would have gone at once.
      expect(Date.now() - started).to.be.at.least(1_500);
    } finally {
      await h.close();
    }
  });

  it('counts typing indicators too: a slow answer sends one, and it takes its place in the window', async () => {
    const h = await startHarness({ limits: { conversation: [], tenant: [{ count: 2, perMs: 1_500 }] } });
    try {
      await h.say('alerts on below 40%', { conversationId: 'typing' });
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      // The next answer takes 600 ms: Teams shows typing after 400 ms.
      const view = PortfolioCache.prototype.view;
      const slow = sinon.stub(PortfolioCache.prototype, 'view').callsFake(async function (this: PortfolioCache) {
        await new Promise((resolve) => setTimeout(resolve, 600));
        return view.call(this);
      });
      try {
        await h.say('portfolio', { conversationId: 'typing' });
      } finally {
        slow.restore();
      }
      await h.bot.alerts.run();
      const sent = h.connector.to('a:1personal-typing').slice(1);
      expect(sent.map((s) => s.activity.type)).to.deep.equal(['typing', 'message', 'message', 'message', 'message']);
      const [typing, , first] = sent;
      // Typing and the answer fill the window; the first alert waits for the typing to leave it.
      expect(first!.at - typing!.at).to.be.at.least(1_500);
    } finally {
      await h.close();
    }
  });
});
