import { expect } from 'chai';
import { actionRow, needingAction } from '../../src/metrics/findings.js';
import { daysAhead, daysUntil, renewalsOf, renewalsWithin, renewing, windowOf } from '../../src/metrics/renewals.js';
import type { CustomerReport, Renewal } from '../../src/metrics/report-types.js';
import { reportOf, subscription } from '../helpers.js';

describe('renewals', () => {
  it('lists live subscriptions with a known end of term from one source, trials marked, soonest first', () => {
    const renewals = renewalsOf([
      subscription('later', { renewsOn: '2027-03-01T00:00:00.000Z', autoRenew: true }),
      subscription('sooner', { renewsOn: '2026-12-25T00:00:00.000Z', autoRenew: false, quantity: 100 }),
      subscription('trial', { renewsOn: '2026-12-01T00:00:00.000Z', isTrial: true }),
      subscription('suspended', { renewsOn: '2026-12-02T00:00:00.000Z', status: 'suspended' }),
      subscription('unknown', {}),
      // The same subscriptions as Graph names them: Partner Center's serve.
      subscription('graph', { renewsOn: '2026-12-03T00:00:00.000Z', source: 'graph-directory-subscriptions' }),
    ]);
    expect(renewals).to.deep.equal([
      { offer: 'Offer trial', seats: 10, renewsOn: '2026-12-01T00:00:00.000Z', autoRenew: null, trial: true },
      { offer: 'Offer sooner', seats: 100, renewsOn: '2026-12-25T00:00:00.000Z', autoRenew: false, trial: false },
      { offer: 'Offer later', seats: 10, renewsOn: '2027-03-01T00:00:00.000Z', autoRenew: true, trial: false },
    ]);
    const graphOnly = renewalsOf([
      subscription('graph', { renewsOn: '2026-12-03T00:00:00.000Z', source: 'graph-directory-subscriptions' }),
    ]);
    expect(graphOnly).to.deep.equal([
      { offer: 'Offer graph', seats: 10, renewsOn: '2026-12-03T00:00:00.000Z', autoRenew: null, trial: false },
    ]);
  });

  it('reads a month or a calendar quarter as its days, this year or next once it has passed: the whole of it, or from today to its end', () => {
    expect(windowOf({ days: 45 }, '2026-11-25T12:00:00.000Z')).to.deep.equal({ from: 0, to: 45 });
    expect(windowOf({ first: 12, months: 1, whole: false }, '2026-11-25T12:00:00.000Z')).to.deep.equal({ from: 0, to: 36 });
    // "in December": from its first day.
    expect(windowOf({ first: 12, months: 1, whole: true }, '2026-11-25T12:00:00.000Z')).to.deep.equal({ from: 6, to: 36 });
    // The month under way: from today.
    expect(windowOf({ first: 11, months: 1, whole: true }, '2026-11-25T23:59:00.000Z')).to.deep.equal({ from: 0, to: 5 });
    expect(windowOf({ first: 11, months: 1, whole: false }, '2026-11-30T00:00:00.000Z')).to.deep.equal({ from: 0, to: 0 });
    expect(windowOf({ first: 1, months: 1, whole: true }, '2026-11-25T12:00:00.000Z')).to.deep.equal({ from: 37, to: 67 });
    expect(windowOf({ first: 2, months: 1, whole: false }, '2027-01-10T00:00:00.000Z')).to.deep.equal({ from: 0, to: 49 });
    // "this month" to its end, "next month" the whole of it, January after December.
    expect(windowOf({ fromNow: 0, months: 1 }, '2026-11-25T12:00:00.000Z')).to.deep.equal({ from: 0, to: 5 });
    expect(windowOf({ fromNow: 1, months: 1 }, '2026-11-25T12:00:00.000Z')).to.deep.equal({ from: 6, to: 36 });
    expect(windowOf({ fromNow: 1, months: 1 }, '2026-12-20T12:00:00.000Z')).to.deep.equal({ from: 12, to: 42 });
    // A leap year's February.
    expect(windowOf({ first: 2, months: 1, whole: true }, '2028-01-10T00:00:00.000Z')).to.deep.equal({ from: 22, to: 50 });
    // "in Q1": January to March, next year's once this year's has passed; the quarter under way from today.
    expect(windowOf({ first: 1, months: 3, whole: true }, '2026-11-25T12:00:00.000Z')).to.deep.equal({ from: 37, to: 126 });
    expect(windowOf({ first: 10, months: 3, whole: true }, '2026-11-25T12:00:00.000Z')).to.deep.equal({ from: 0, to: 36 });
    // "by the end of Q3", asked in November: next September's end.
    expect(windowOf({ first: 7, months: 3, whole: false }, '2026-11-25T12:00:00.000Z')).to.deep.equal({ from: 0, to: 309 });
    // "this quarter" to its end, "next quarter" the whole of it, Q1 after Q4.
    expect(windowOf({ fromNow: 0, months: 3 }, '2026-11-25T12:00:00.000Z')).to.deep.equal({ from: 0, to: 36 });
    expect(windowOf({ fromNow: 1, months: 3 }, '2026-12-20T12:00:00.000Z')).to.deep.equal({ from: 12, to: 101 });
    expect(windowOf({ fromNow: 0, months: 3 }, '2027-02-10T00:00:00.000Z')).to.deep.equal({ from: 0, to: 49 });
  });

  it('counts whole days from today to the day of the renewal, whatever the hour', () => {
    const renewal = { offer: 'E3', seats: 1, renewsOn: '2026-12-25T23:00:00.000Z', autoRenew: null, trial: false };
    expect(daysUntil(renewal, '2026-11-25T12:00:00.000Z')).to.equal(30);
    expect(daysUntil(renewal, '2026-12-25T00:00:00.000Z')).to.equal(0);
    expect(daysUntil(renewal, '2026-12-26T08:00:00.000Z')).to.equal(-1);
  });

  const TODAY = '2026-11-25T12:00:00.000Z';
  const customerWith = (name: string, renewals: Renewal[]): CustomerReport => reportOf(name, { renewals });
  const ends = (renewsOn: string, trial: boolean): Renewal => ({
    offer: trial ? 'Trial' : 'E3',
    seats: 10,
    renewsOn,
    autoRenew: true,
    trial,
  });
  const names = (list: CustomerReport[]): string[] => list.map((c) => c.customer);

  it('lists the customers with a term or trial ending within the span, or only trials, the soonest first', () => {
    const customers = [
      customerWith('Paid in 30 days', [ends('2026-12-25T00:00:00.000Z', false)]),
      customerWith('Trial in 15 days', [ends('2026-12-10T00:00:00.000Z', true), ends('2027-01-29T00:00:00.000Z', false)]),
      customerWith('Trial ended yesterday', [ends('2026-11-24T00:00:00.000Z', true)]),
      customerWith('Trial in 31 days', [ends('2026-12-26T00:00:00.000Z', true)]),
    ];
    expect(names(renewing(customers, TODAY, daysAhead(30)))).to.deep.equal(['Trial in 15 days', 'Paid in 30 days']);
    expect(names(renewing(customers, TODAY, daysAhead(30), 'trials'))).to.deep.equal(['Trial in 15 days']);
    expect(names(renewing(customers, TODAY, daysAhead(31), 'trials'))).to.deep.equal(['Trial in 15 days', 'Trial in 31 days']);
    expect(names(renewing(customers, TODAY, daysAhead(14), 'trials'))).to.deep.equal([]);
    // A window that starts later ("in December"): what ends before it is left out.
    expect(names(renewing(customers, TODAY, { from: 16, to: 31 }))).to.deep.equal(['Paid in 30 days', 'Trial in 31 days']);
  });

  it('counts at risk every renewal of a customer under a threshold, and every one with auto-renew off', () => {
    const lapsing = { ...ends('2026-12-20T00:00:00.000Z', false), autoRenew: false };
    // Renewals come soonest first, as renewalsOf sorts them.
    const low = customerWith('Low, a trial ends in 6 days', [
      ends('2026-12-01T00:00:00.000Z', true),
      ends('2026-12-25T00:00:00.000Z', false),
    ]);
    const customers = [
      low,
      customerWith('Healthy, renews in 10 days', [ends('2026-12-05T00:00:00.000Z', false)]),
      customerWith('Healthy, lapses in 25 days', [lapsing]),
    ];
    const isLow = (c: CustomerReport): boolean => c === low;
    expect(names(renewing(customers, TODAY, daysAhead(30), 'at-risk', isLow))).to.deep.equal([
      'Low, a trial ends in 6 days',
      'Healthy, lapses in 25 days',
    ]);
    expect(renewalsWithin(low, TODAY, daysAhead(30), 'at-risk', true)).to.have.length(2);
    expect(renewalsWithin(customers[1]!, TODAY, daysAhead(30), 'at-risk', false)).to.deep.equal([]);
    expect(renewalsWithin(customers[2]!, TODAY, daysAhead(30), 'at-risk', false)).to.deep.equal([lapsing]);
  });

  it('puts a trial ending within 30 days on the to-do, after upsell and before old data, and names it on the row', () => {
    const upsell = reportOf('Upsell', {
      recommendations: [{ code: 'training-upsell', message: 'Offer training.', reason: 'deployment 95% is at or above 90%', actions: [] }],
    });
    const paidSooner = customerWith('Trial in 20 days, a renewal in 5', [
      ends('2026-11-30T00:00:00.000Z', false),
      ends('2026-12-15T00:00:00.000Z', true),
    ]);
    const customers = [
      customerWith('Renewal in 10 days', [ends('2026-12-05T00:00:00.000Z', false)]),
      customerWith('Trial in 40 days', [ends('2027-01-04T00:00:00.000Z', true)]),
      paidSooner,
      upsell,
    ];
    expect(names(needingAction(customers, TODAY))).to.deep.equal(['Upsell', 'Trial in 20 days, a renewal in 5']);
    expect(actionRow(paidSooner, TODAY).renewal).to.deep.equal(ends('2026-12-15T00:00:00.000Z', true));
    expect(actionRow(customers[0]!, TODAY).renewal).to.deep.equal(ends('2026-12-05T00:00:00.000Z', false));
  });
});
