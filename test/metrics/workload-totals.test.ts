import { expect } from 'chai';
import type { WorkloadTotal } from '../../src/metrics/report-types.js';
import { DEFAULT_THRESHOLDS } from '../../src/metrics/thresholds.js';
import { workloadTotals } from '../../src/metrics/workload-totals.js';
import { reportOf } from '../helpers.js';

const used = (workload: string, active: number, entitled: number, usagePercent: number | null): WorkloadTotal => ({
  workload,
  active,
  entitled,
  usagePercent,
});

describe('usage by workload over the portfolio', () => {
  const portfolio = [
    reportOf('Contoso', { workloads: [used('Teams', 45, 100, 45), used('Exchange', 90, 100, 90), used('Skype for Business', 0, 0, null)] }),
    reportOf('Fabrikam', { workloads: [used('Teams', 30, 50, 60), used('Yammer', 30, 10, 300)] }),
    reportOf('Northwind', { workloads: [used('Teams', 10, 50, 20), used('Exchange', 40, 50, 80)] }),
  ];

  it('sums active over entitled per workload over the customers entitled to it, and counts those under the usage threshold', () => {
    const teams = { workload: 'Teams', customers: 3, low: 2, active: 85, entitled: 200, usagePercent: 42.5 };
    const exchange = { workload: 'Exchange', customers: 2, low: 0, active: 130, entitled: 150, usagePercent: 86.7 };
    const yammer = { workload: 'Yammer', customers: 1, low: 0, active: 30, entitled: 10, usagePercent: 300 };
    // Skype is counted by a source but nobody is entitled to it: no workload of theirs.
    expect(workloadTotals(portfolio, DEFAULT_THRESHOLDS)).to.deep.equal([teams, exchange, yammer]);
    expect(workloadTotals(portfolio, DEFAULT_THRESHOLDS, 'highest')).to.deep.equal([yammer, exchange, teams]);
    // The threshold in force decides who is low: at 65%, Fabrikam's 60% Teams is low too.
    expect(workloadTotals(portfolio, { ...DEFAULT_THRESHOLDS, usageLowPercent: 65 })[0]).to.deep.equal({ ...teams, low: 3 });
  });

  it('has no workload for customers without usage figures', () => {
    expect(workloadTotals([reportOf('Empty', {})], DEFAULT_THRESHOLDS)).to.deep.equal([]);
  });
});
