import { expect } from 'chai';
import { medianPercent } from '../../src/metrics/median.js';
import { reportOf } from '../helpers.js';

describe('the median customer', () => {
  const teams = (active: number, entitled: number, usagePercent: number | null) => ({
    workloads: [{ workload: 'Teams', active, entitled, usagePercent }],
  });

  it('is the middle percent of an odd count, whatever the order', () => {
    const customers = [
      reportOf('A', { deploymentPercent: 95 }),
      reportOf('B', { deploymentPercent: 40 }),
      reportOf('C', { deploymentPercent: 83.3 }),
    ];
    expect(medianPercent(customers, { kind: 'deployment' })).to.equal(83.3);
  });

  it('is the mean of the two middle percents of an even count, rounded half up to one decimal', () => {
    const customers = [
      reportOf('A', { usagePercent: 31 }),
      reportOf('B', { usagePercent: 33.4 }),
      reportOf('C', { usagePercent: 33.3 }),
      reportOf('D', { usagePercent: 107.2 }),
    ];
    // (33.3 + 33.4) / 2 = 33.35: 33.4, where rounding the binary floating point mean gives 33.3.
    expect(medianPercent(customers, { kind: 'usage' })).to.equal(33.4);
  });

  it('leaves out the customers without the number, and is null when none has it', () => {
    const customers = [
      reportOf('A', teams(14, 40, 35)),
      reportOf('B', {}),
      reportOf('C', teams(0, 0, null)),
      reportOf('D', teams(60, 50, 120)),
    ];
    expect(medianPercent(customers, { kind: 'workload', workload: 'Teams' })).to.equal(77.5);
    expect(medianPercent([reportOf('B', {})], { kind: 'usage' })).to.equal(null);
    expect(medianPercent([], { kind: 'deployment' })).to.equal(null);
  });
});
