import { expect } from 'chai';
import sinon from 'sinon';
import type { ConversationTarget } from '../../src/proactive/conversation-target.js';
import { DEFAULT_SEND_POLICY, DeliveryError, IN_TURN_SEND_POLICY, ProactiveSender } from '../../src/proactive/proactive-sender.js';
import { RateGate, TEAMS_SEND_LIMITS } from '../../src/proactive/rate-gate.js';

const CHANNEL_TARGET: ConversationTarget = {
  id: '19:general@thread.tacv2',
  kind: 'channel',
  tenantId: 'tenant',
  serviceUrl: 'https://smba.example/amer/',
  channelId: 'msteams',
  bot: { id: '28:bot', name: 'Adoption' },
  teamId: '19:team@thread.tacv2',
  teamName: 'Account team',
  name: 'General',
};

describe('proactive sends (retries through the rate gate)', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: 0 })));
  afterEach(() => clock.restore());

  const target = (id: string): ConversationTarget => ({
    ...CHANNEL_TARGET,
    id,
    kind: 'personal',
    teamId: null,
    teamName: null,
    name: null,
  });
  const reply = { card: { type: 'AdaptiveCard', version: '1.5', body: [] }, summary: 'Alert' } as const;

  /** A sender whose first try to conversation `refused` Teams answers with 429; every try is recorded as "id@ms". */
  function refusingFirstTryTo(refused: string, gate: RateGate): { sender: ProactiveSender; tries: string[] } {
    const tries: string[] = [];
    let refusals = 0;
    const sender = new ProactiveSender(
      async (to) => {
        tries.push(`${to.id}@${Date.now()}`);
        if (to.id === refused && refusals++ === 0) throw new DeliveryError(429, 'Throttled', 'Too many requests', null);
        return `${to.id}-1`;
      },
      gate,
      { ...DEFAULT_SEND_POLICY, attempts: 3, minDelayMs: 100, maxDelayMs: 100 },
    );
    return { sender, tries };
  }

  it('hands a throttled (429) try its slot back: its retry goes after its back-off, not when the window has passed', async () => {
    // Ten sends a second in the tenant (a refund budget of one); ten conversations fill the second,
    // and the first try to "c0" is refused with 429.
    const { sender, tries } = refusingFirstTryTo('c0', new RateGate({ conversation: [], tenant: [{ count: 10, perMs: 1_000 }] }));
    const sends = Array.from({ length: 10 }, (_, i) => sender.send(target(`c${i}`), reply));
    await clock.tickAsync(500);
    expect(await sends[0]).to.deep.equal({ ok: true, id: 'c0-1', attempts: 2 });
    expect(tries.slice(0, 10)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `c${i}@0`));
    // Back-off with jitter is 100-200 ms; counted, the refused try would have held the retry until 1,000.
    expect(tries).to.have.length(11);
    expect(Number(tries[10]!.split('@')[1])).to.be.within(100, 200);
  });

  it('never lets more than 1.1x the tenant limit reach Teams when Teams refuses because it counts sends the gate cannot see', async () => {
    // Another instance takes 20 of the tenant's 50 a second, so Teams takes 30 a second from this one
    // and refuses the rest. Refunded without a budget, every refused slot would go straight to another try.
    const gate = new RateGate(TEAMS_SEND_LIMITS);
    const tries: number[] = [];
    const taken: number[] = [];
    const sender = new ProactiveSender(
      async (to) => {
        const now = Date.now();
        tries.push(now);
        if (taken.filter((t) => t > now - 1_000).length >= 30) throw new DeliveryError(429, 'Throttled', 'Too many requests', null);
        taken.push(now);
        return `${to.id}-1`;
      },
      gate,
      { ...DEFAULT_SEND_POLICY, attempts: 30, minDelayMs: 100, maxDelayMs: 1_000 },
    );
    const sends = Array.from({ length: 300 }, (_, i) => sender.send(target(`c${i}`), reply));
    await clock.tickAsync(30_000);
    const outcomes = await Promise.all(sends);
    expect(outcomes.filter((o) => o.ok)).to.have.length(300);
    const busiest = Math.max(...tries.map((t) => tries.filter((u) => u >= t && u < t + 1_000).length));
    expect(busiest).to.equal(55);
  });

  it('counts a throttled (429) try once the refund budget is spent: its retry waits for room in the window', async () => {
    // One send a second in the tenant leaves no refund budget (a tenth of a send); the first try to
    // "a" is refused. If Teams refused it because the tenant is over its limit by Teams' count
    // (sends from another process), a slot handed back would go to another send Teams refuses too.
    const { sender, tries } = refusingFirstTryTo('a', new RateGate({ conversation: [], tenant: [{ count: 1, perMs: 1_000 }] }));
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

describe('sends inside a turn (a share the person waits on)', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: 0 })));
  afterEach(() => clock.restore());

  const reply = { card: { type: 'AdaptiveCard', version: '1.5', body: [] }, summary: 'Shared' } as const;

  it('gives up after 3 tries within 3 s when Teams keeps throttling', async () => {
    const tries: number[] = [];
    const sender = new ProactiveSender(
      async () => {
        tries.push(Date.now());
        throw new DeliveryError(429, 'Throttled', 'Too many requests', null);
      },
      new RateGate(TEAMS_SEND_LIMITS),
      DEFAULT_SEND_POLICY,
    );
    let outcome: unknown = null;
    void sender.send(CHANNEL_TARGET, reply, IN_TURN_SEND_POLICY).then((o) => (outcome = o));
    await clock.tickAsync(3_000);
    expect(outcome).to.deep.equal({ ok: false, reason: 'Teams kept throttling (429 Throttled) (after 3 tries)', gone: false, attempts: 3 });
    expect(tries).to.have.length(3);
  });

  it('does not wait out a Retry-After longer than 2 s: it says what Teams asked for', async () => {
    let tries = 0;
    const sender = new ProactiveSender(
      async () => {
        tries++;
        throw new DeliveryError(429, 'Throttled', 'Too many requests', 30_000);
      },
      new RateGate(TEAMS_SEND_LIMITS),
      DEFAULT_SEND_POLICY,
    );
    let outcome: unknown = null;
    void sender.send(CHANNEL_TARGET, reply, IN_TURN_SEND_POLICY).then((o) => (outcome = o));
    await clock.tickAsync(0);
    expect(outcome).to.deep.equal({
      ok: false,
      reason: 'Teams asked to wait 30 s (429 Throttled) (after 1 try)',
      gone: false,
      attempts: 1,
    });
    expect(tries).to.equal(1);
  });
});
