import { expect } from 'chai';
import { focusAnswer } from '../../src/cards/customer-focus.js';
import { DEFAULT_THRESHOLDS } from '../../src/metrics/thresholds.js';
import { reportOf } from '../helpers.js';

describe('what is asked of one customer, in a sentence', () => {
  const history = { trend: null, points: [], today: '2026-11-25T12:00:00.000Z' };
  const SETTINGS = { thresholds: DEFAULT_THRESHOLDS, typical: { deploymentPercent: 80, usagePercent: 70 } };
  // Seats assigned beyond those sold (a grace period, a trial moved over): deployment above 100%,
  // never "0 unassigned".
  const overAssigned = reportOf('Tailspin', {
    sold: 30,
    assigned: 33,
    deploymentPercent: 110,
    products: [
      { product: 'Microsoft 365 E3', sold: 20, assigned: 29, deploymentPercent: 145, workloads: [] },
      { product: 'Visio Plan 2', sold: 10, assigned: 4, deploymentPercent: 40, workloads: [] },
    ],
  });

  it('says how many more licenses are assigned than sold', () => {
    expect(focusAnswer(overAssigned, { kind: 'seats' }, history, SETTINGS)).to.equal(
      '30 licenses sold: 33 assigned (deployment 110%), 3 more assigned than sold. By product: Microsoft 365 E3: 29 of 20 · Visio Plan 2: 4 of 10.',
    );
    expect(focusAnswer(overAssigned, { kind: 'product', product: 'E3' }, history, SETTINGS)).to.equal(
      'Microsoft 365 E3: 29 of 20 licenses assigned (deployment 145%), 9 more assigned than sold; no entitlements counted.',
    );
    expect(focusAnswer(overAssigned, { kind: 'product', product: 'visio' }, history, SETTINGS)).to.equal(
      'Visio Plan 2: 4 of 10 licenses assigned (deployment 40%), 6 unassigned; no entitlements counted.',
    );
  });

  it('counts people by their licenses, and entitlements by person and workload', () => {
    const users = (fields: Parameters<typeof reportOf>[1]) => focusAnswer(reportOf('One', fields), { kind: 'users' }, history, SETTINGS);
    expect(users({ sold: 3, assigned: 1, deploymentPercent: 33.3 })).to.equal('1 person has a license (of 3 sold).');
    // Activity from Graph with no license counts; more active than entitled says no "not".
    expect(users({ active: 12, entitled: 10, usagePercent: 120 })).to.equal(
      'Of 10 workload entitlements, 12 were active in the last 28 days (usage 120%).',
    );
    expect(users({})).to.equal('No license or usage counts in the cache for it yet.');
  });

  it('says how old the newest data is, from today on', () => {
    const fresh = (dataAsOf: string) =>
      focusAnswer(reportOf('Contoso', { dataAsOf, sources: ['pc-analytics'] }), { kind: 'data' }, history, SETTINGS);
    expect(fresh('2026-11-25T06:00:00.000Z')).to.equal(
      'Fresh: the newest data is from today (2026-11-25, Partner Center analytics); data older than 7 days is flagged.',
    );
    expect(fresh('2026-11-24T06:00:00.000Z')).to.equal(
      'Fresh: the newest data is 1 day old (2026-11-24, Partner Center analytics); data older than 7 days is flagged.',
    );
    expect(focusAnswer(reportOf('Empty'), { kind: 'data' }, history, SETTINGS)).to.equal(
      'No deployment or usage data in the cache for it yet.',
    );
  });

  it('sets its numbers against the median customer, and says on which side of it each is', () => {
    const asked = (deploymentPercent: number | null, usagePercent: number | null): string =>
      focusAnswer(reportOf('Contoso', { deploymentPercent, usagePercent }), { kind: 'benchmark' }, history, SETTINGS);
    expect(asked(95, 89)).to.equal(
      "Deployment 95% against the median customer's 80%, usage 89% against the median customer's 70%: above the typical customer on both.",
    );
    expect(asked(40, 37.5)).to.equal(
      "Deployment 40% against the median customer's 80%, usage 37.5% against the median customer's 70%: below the typical customer on both.",
    );
    expect(asked(93.3, 31)).to.equal(
      "Deployment 93.3% against the median customer's 80%, usage 31% against the median customer's 70%: above the typical customer on deployment, below it on usage.",
    );
    expect(asked(80, null)).to.equal("Deployment 80% against the median customer's 80%: level with the typical customer.");
    expect(asked(null, null)).to.equal('No deployment or usage figures to set against the median customer yet.');
  });
});
