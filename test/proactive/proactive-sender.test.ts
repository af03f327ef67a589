import { expect } from 'chai';
import sinon from 'sinon';
import type { ConversationTarget } from '../../src/proactive/conversation-target.js';
import { DeliveryError, ProactiveSender } from '../../src/proactive/proactive-sender.js';
import { RateGate } from '../../src/proactive/rate-gate.js';

describe('proactive sends (retries through the rate gate)', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: 0 })));
  afterEach(() => clock.restore());

  const target = (id: string): ConversationTarget => ({
    id,
    kind: 'personal',
    tenantId: 'tenant',
    serviceUrl: 'https://smba.example/amer/',
    channelId: 'msteams',
    bot: { id: '28:bot', name: 'Adoption' },
    teamId: null,
    teamName: null,
    name: null,
  });
  const reply = { card: { type: 'AdaptiveCard', version: '1.5', body: [] }, summary: 'Alert' } as const;

  it('does not count a throttled (429) try against the tenant: its retry goes after its back-off, not a window later', async () => {
    // One send a second in the tenant; the first try to "a" is refused with 429.
    const gate = new RateGate({ conversation: [], tenant: [{ count: 1, perMs: 1_000 }] });
    const sent: string[] = [];
    let refusals = 0;
    const sender = new ProactiveSender(
      async (to) => {
        if (to.id === 'a' && refusals++ === 0) throw new DeliveryError(429, 'Throttled', 'Too many requests', null);
        sent.push(`${to.id}@${Date.now()}`);
        return `${to.id}-1`;
      },
      gate,
      { attempts: 3, minDelayMs: 100, maxDelayMs: 100 },
    );
    const outcome = sender.send(target('a'), reply);
    await clock.tickAsync(500);
    expect(await outcome).to.deep.equal({ ok: true, id: 'a-1', attempts: 2 });
    // Back-off with jitter is 100-200 ms; counted, the refused try would have held the retry until 1,000.
    expect(sent).to.have.length(1);
    expect(Number(sent[0]!.split('@')[1])).to.be.within(100, 200);
    // The delivered try counts: the tenant's next send waits for its second to pass.
    const second = sender.send(target('b'), reply);
    await clock.tickAsync(2_000);
    await second;
    expect(Number(sent[1]!.split('@')[1]) - Number(sent[0]!.split('@')[1])).to.equal(1_000);
  });
});
