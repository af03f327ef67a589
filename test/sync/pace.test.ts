import { expect } from 'chai';
import sinon from 'sinon';
import { graphReportPace, partnerCenterPace } from '../../src/data/sources/pace.js';

/** The request budgets the clients use, run against sinon's clock instead of waiting minutes. */
describe('pacing the cloud calls', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: Date.parse('2026-11-25T06:00:00Z') })));
  afterEach(() => clock.restore());

  async function startTimes(
    limiter: ReturnType<typeof graphReportPace>,
    calls: number,
    advanceMs: number,
    steps: number,
  ): Promise<number[]> {
    const t0 = Date.now();
    const started: number[] = [];
    const all = Array.from({ length: calls }, () => limiter.schedule(async () => void started.push(Date.now() - t0)));
    for (let i = 0; i < steps; i++) await clock.tickAsync(advanceMs);
    await Promise.all(all);
    return started;
  }

  it('starts at most 14 Graph report requests per tenant in any 10 minutes', async () => {
    const started = await startTimes(graphReportPace(), 30, 60_000, 31);
    expect(started.filter((t) => t < 10 * 60_000)).to.have.length(14);
    expect(started.filter((t) => t >= 10 * 60_000 && t < 20 * 60_000)).to.have.length(14);
    expect(started.filter((t) => t >= 20 * 60_000)).to.have.length(2);
  });

  it('keeps Partner Center calls within the budget a minute', async () => {
    const started = await startTimes(partnerCenterPace(500), 1200, 5_000, 40);
    expect(started.filter((t) => t < 60_000)).to.have.length(500);
    expect(started.filter((t) => t >= 60_000 && t < 120_000)).to.have.length(500);
    expect(started.filter((t) => t >= 120_000)).to.have.length(200);
  });
});
