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

  it('counts a throttled (429) try against the tenant: its retry waits out its back-off and for room in the window', async () => {
    // One send a second in the tenant; the first try to "a" is refused with 429. If Teams refused it
    // because the tenant is over its limit by Teams' count (sends from another process), a slot
    // handed back at once would go to another send Teams refuses too.
    const gate = new RateGate({ conversation: [], tenant: [{ count: 1, perMs: 1_000 }] });
    const tries: string[] = [];
    let refusals = 0;
    const sender = new ProactiveSender(
      async (to) => {
        tries.push(`${to.id}@${Date.now()}`);
        if (to.id === 'a' && refusals++ === 0) throw new DeliveryError(429, 'Throttled', 'Too many requests', null);
        return `${to.id}-1`;
      },
      gate,
      { attempts: 3, minDelayMs: 100, maxDelayMs: 100 },
    );
    const a = sender.send(target('a'), reply);
    await clock.tickAsync(0);
    const b = sender.send(target('b'), reply);
    await clock.tickAsync(3_000);
    expect(await a).to.deep.equal({ ok: true, id: 'a-1', attempts: 2 });
    expect(await b).to.deep.equal({ ok: true, id: 'b-1', attempts: 1 });
    // b waited for the refused try's second; a's retry, back from its 100-200 ms back-off, for b's.
    expect(tries).to.deep.equal(['a@0', 'b@1000', 'a@2000']);
  });
});
