import { expect } from 'chai';
import { loadConfig } from '../../src/config.js';
import { startBot } from '../../src/bot/start-bot.js';
import { openBotState } from '../../src/proactive/bot-state.js';
import { openStorage } from '../../src/data/store/storage.js';
import { BACKENDS } from '../shared-azurite.js';
import { settledRead } from '../helpers.js';
import { NOW, quietLogger, startHarness, type Harness } from '../bot/harness.js';

const CONVERSATIONS = 120;

for (const backend of BACKENDS) {
  describe(`the alert outbox across a restart (${backend})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ storage: backend })));
    after(() => h.close());

    it('delivers every alert exactly once when the bot stops in the middle of a fan-out and starts again', async () => {
      for (let i = 0; i < CONVERSATIONS; i++) await h.say('alerts on for coho', { conversationId: `fan-${i}` });
      h.connector.clear();
      h.connector.latencyMs = 20;
      const firstRun = h.bot.alerts.run();
      await h.connector.waitFor(() => h.connector.sent.length >= 30);
      await h.bot.close();
      const first = await firstRun;
      expect(first.evaluation.entries).to.have.length(CONVERSATIONS);
      expect(first.delivery.delivered).to.be.within(30, CONVERSATIONS - 1);
      const atStop = (await (await openBotState(await openStorage(h.storageConfig))).read()).outbox;
      expect(atStop.filter((e) => e.status === 'pending')).to.have.length(CONVERSATIONS - first.delivery.delivered);

      // A new process on the same data folder resumes the outbox as it starts.
      const config = { ...loadConfig(h.storageEnv), port: 0 };
      const state = await openBotState(await openStorage(h.storageConfig));
      const again = await startBot({
        config,
        storage: h.storage,
        state,
        logger: quietLogger(h.errors),
        host: '127.0.0.1',
        clock: () => NOW,
      });
      try {
        await h.connector.waitFor(() => new Set(h.connector.sent.map((s) => s.conversationId)).size === CONVERSATIONS, 20_000);
        const perConversation = new Map<string, number>();
        for (const s of h.connector.sent) perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
        expect([...perConversation.values()].every((n) => n === 1)).to.equal(true);
        expect(h.connector.sent).to.have.length(CONVERSATIONS);
        // Settled in the store too: nothing pending, nothing parked (each receipt is written after its send).
        const { outbox } = await settledRead(
          () => state.read(),
          (s) => s.outbox.every((e) => e.status === 'delivered'),
        );
        expect(outbox.filter((e) => e.status === 'delivered')).to.have.length(CONVERSATIONS);
      } finally {
        await again.close();
      }
    });
  });
}
