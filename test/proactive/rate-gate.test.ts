import { expect } from 'chai';
import sinon from 'sinon';
import { RateGate, TEAMS_SEND_LIMITS } from '../../src/proactive/rate-gate.js';

describe('the rate gate (Teams send limits as sliding windows)', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: 0 })));
  afterEach(() => clock.restore());

  /** Asks for `n` sends at once and returns when each was granted (ms). */
  async function grants(gate: RateGate, n: number, conversation: (i: number) => string, runMs: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < n; i++) void gate.acquire('tenant', conversation(i)).then(() => times.push(Date.now()));
    await clock.tickAsync(runMs);
    return times;
  }

  it('lets one conversation have 7 in a second, 8 in two, 60 in thirty seconds', async () => {
    const times = await grants(new RateGate(TEAMS_SEND_LIMITS), 70, () => 'one', 40_000);
    expect(times.slice(0, 9)).to.deep.equal([0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
    // Never more than 8 in any 2 s or 60 in any 30 s window.
    for (let i = 8; i < times.length; i++) expect(times[i]! - times[i - 8]!).to.be.at.least(2000);
    for (let i = 60; i < times.length; i++) expect(times[i]! - times[i - 60]!).to.be.at.least(30_000);
    expect(times).to.have.length(70);
    expect(times[59]).to.be.below(30_000);
    expect(times[60]).to.equal(30_000);
  });

  it('lets the app send 50 a second in a tenant, across conversations, in arrival order', async () => {
    const times = await grants(new RateGate(TEAMS_SEND_LIMITS), 120, (i) => `c${i}`, 3_000);
    expect(times.filter((t) => t === 0)).to.have.length(50);
    expect(times.filter((t) => t === 1000)).to.have.length(50);
    expect(times.filter((t) => t === 2000)).to.have.length(20);
  });

  it('does not hold other conversations back behind one that is at its limit', async () => {
    const gate = new RateGate(TEAMS_SEND_LIMITS);
    const order: string[] = [];
    for (let i = 0; i < 9; i++) void gate.acquire('tenant', 'busy').then(() => order.push(`busy@${Date.now()}`));
    void gate.acquire('tenant', 'quiet').then(() => order.push(`quiet@${Date.now()}`));
    await clock.tickAsync(1_500);
    expect(order.filter((o) => o.startsWith('busy'))).to.have.length(8);
    expect(order).to.include('quiet@0');
  });

  it('counts a send from when Teams took it, not from when it was handed over, as Teams counts on receipt', async () => {
    const gate = new RateGate({ conversation: [], tenant: [{ count: 1, perMs: 1_000 }] });
    // A reply handed over at 0 reaches Teams at 300: the next send waits until 1300, not 1000.
    const reply = gate.note('tenant', 'chat');
    await clock.tickAsync(300);
    reply.delivered();
    const times: number[] = [];
    const alert = gate.acquire('tenant', 'chat').then((grant) => {
      times.push(Date.now());
      return grant;
    });
    await clock.tickAsync(999);
    expect(times).to.deep.equal([]);
    await clock.tickAsync(1);
    expect(times).to.deep.equal([1_300]);
    // A granted send delivered 200 ms later counts from then (1500): the next goes at 2500.
    await clock.tickAsync(200);
    (await alert).delivered();
    void gate.acquire('tenant', 'chat').then(() => times.push(Date.now()));
    await clock.tickAsync(2_000);
    expect(times).to.deep.equal([1_300, 2_500]);
  });

  it('hands a try Teams refused (429) its slot back, for at most a tenth of the tenant window', async () => {
    const gate = new RateGate(TEAMS_SEND_LIMITS);
    const first = await Promise.all(Array.from({ length: 50 }, (_, i) => gate.acquire('tenant', `c${i}`)));
    const times: number[] = [];
    for (let i = 50; i < 57; i++) void gate.acquire('tenant', `c${i}`).then(() => times.push(Date.now()));
    await clock.tickAsync(10);
    expect(times).to.deep.equal([]);
    // Seven of the 50 come back refused, one of them reported twice: 5 slots (50 / 10) are handed back.
    first[0]!.refund();
    for (let i = 0; i < 7; i++) first[i]!.refund();
    await clock.tickAsync(0);
    expect(times).to.deep.equal([10, 10, 10, 10, 10]);
    // The other two refused tries counted: the last two waiters wait for the second to pass.
    await clock.tickAsync(1_000);
    expect(times).to.deep.equal([10, 10, 10, 10, 10, 1000, 1000]);
    // A second after the first refund the budget is whole again (the window holds 2 + 48 sends).
    const later = await Promise.all(Array.from({ length: 48 }, (_, i) => gate.acquire('tenant', `d${i}`)));
    expect(Date.now()).to.equal(1010);
    void gate.acquire('tenant', 'e').then(() => times.push(Date.now()));
    await clock.tickAsync(0);
    expect(times).to.have.length(7);
    later[0]!.refund();
    await clock.tickAsync(0);
    expect(times.at(-1)).to.equal(1010);
  });

  it('forgets conversations no window remembers any more, once it keeps 10,000', async () => {
    const gate = new RateGate(TEAMS_SEND_LIMITS);
    for (let i = 0; i < 10_000; i++) gate.note('tenant', `c${i}`);
    expect(gate.tracked).to.equal(10_000);
    await clock.tickAsync(3_599_999);
    gate.note('tenant', 'later');
    // Within the hour window every one of them still counts.
    expect(gate.tracked).to.equal(10_001);
    // A second later (it looks at most once a second) the hour has passed for the first 10,000.
    await clock.tickAsync(1_000);
    gate.note('tenant', 'last');
    expect(gate.tracked).to.equal(2);
  });
});
