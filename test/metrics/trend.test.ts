import { expect } from 'chai';
import { addPoint, HISTORY_DAYS } from '../../src/data/store/adoption-store.js';
import { describeMovement, moves, pointOf, trend, type Trend } from '../../src/metrics/trend.js';

const point = (day: string, deploymentPercent: number | null, usagePercent: number | null) => ({ day, deploymentPercent, usagePercent });

describe('trends from the sync history', () => {
  it('compares with the newest point a week or more old', () => {
    const points = [point('2026-11-10', 50, 40), point('2026-11-17', 55, 45.5), point('2026-11-24', 60, 50)];
    expect(trend(points, { deploymentPercent: 62, usagePercent: 48.2, workloads: [] }, '2026-11-25')).to.deep.equal({
      since: '2026-11-17',
      days: 8,
      deploymentChange: 7,
      usageChange: 2.7,
      workloadChanges: {},
    });
  });

  it("keeps each workload's usage in a day's point, and moves each workload known at both ends", () => {
    const today = {
      deploymentPercent: 62,
      usagePercent: 48.2,
      workloads: [
        { workload: 'Teams', usagePercent: 51.3 },
        { workload: 'Exchange', usagePercent: 70 },
        { workload: 'Yammer', usagePercent: null },
      ],
    };
    expect(pointOf('2026-11-25', today)).to.deep.equal({
      day: '2026-11-25',
      deploymentPercent: 62,
      usagePercent: 48.2,
      workloadUsage: { Teams: 51.3, Exchange: 70 },
    });
    // Exchange has no figure a week ago, Yammer none today; a point kept before workloads has none.
    const points = [{ ...point('2026-11-18', 60, 50), workloadUsage: { Teams: 55, Yammer: 20 } }];
    expect(trend(points, today, '2026-11-25')?.workloadChanges).to.deep.equal({ Teams: -3.7 });
    expect(trend([point('2026-11-18', 60, 50)], today, '2026-11-25')?.workloadChanges).to.deep.equal({});
  });

  it('says a move in points, one point in the singular', () => {
    const week = trend([point('2026-11-18', 50, 40)], { deploymentPercent: 49, usagePercent: 46.5, workloads: [] }, '2026-11-25');
    expect(describeMovement(week?.deploymentChange, week)).to.equal('▼ down 1 pt in 7 days (since 2026-11-18)');
    expect(describeMovement(week?.usageChange, week)).to.equal('▲ up 6.5 pts in 7 days (since 2026-11-18)');
    expect(describeMovement(0, week)).to.equal('unchanged in 7 days (since 2026-11-18)');
  });

  it('lists who moved each way by the larger of the two moves that way, the biggest first', () => {
    const t = (deploymentChange: number | null, usageChange: number | null): Trend => ({
      since: '2026-11-18',
      days: 7,
      deploymentChange,
      usageChange,
      workloadChanges: { Teams: -4 },
    });
    const trends = new Map<string, Trend | null>([
      ['A', t(-2, 5)],
      ['B', t(-6, null)],
      ['C', t(0, 0)],
      ['D', null],
      ['E', t(3.5, -1)],
    ]);
    const names = (direction: 'up' | 'down'): [string, number][] =>
      moves([...trends.keys()], { direction }, (c) => trends.get(c) ?? null).map((m) => [m.customer, m.points]);
    expect(names('down')).to.deep.equal([
      ['B', 6],
      ['A', 2],
      ['E', 1],
    ]);
    expect(names('up')).to.deep.equal([
      ['A', 5],
      ['E', 3.5],
    ]);
    // By more than so many points: strictly more.
    const beyond = (points: number): string[] =>
      moves([...trends.keys()], { direction: 'down', beyondPoints: points }, (c) => trends.get(c) ?? null).map((m) => m.customer);
    expect(beyond(2)).to.deep.equal(['B']);
    expect(beyond(1.5)).to.deep.equal(['B', 'A']);
    expect(beyond(6)).to.deep.equal([]);
    // One number's move: the other one's is not read, however far it went.
    const of = (direction: 'up' | 'down', kind: 'deployment' | 'usage'): [string, number][] =>
      moves([...trends.keys()], { direction, measure: { kind } }, (c) => trends.get(c) ?? null).map((m) => [m.customer, m.points]);
    expect(of('down', 'usage')).to.deep.equal([['E', 1]]);
    expect(of('up', 'usage')).to.deep.equal([['A', 5]]);
    expect(of('down', 'deployment')).to.deep.equal([
      ['B', 6],
      ['A', 2],
    ]);
    expect(of('up', 'deployment')).to.deep.equal([['E', 3.5]]);
    // A workload's move: each trend above has Teams down 4 points.
    expect(
      moves([...trends.keys()], { direction: 'down', measure: { kind: 'workload', workload: 'Teams' } }, (c) => trends.get(c) ?? null).map(
        (m) => m.points,
      ),
    ).to.deep.equal([4, 4, 4, 4]);
  });

  it('falls back to the oldest earlier point, and has nothing to say without one', () => {
    expect(
      trend(
        [point('2026-11-24', 60, null), point('2026-11-25', 61, 50)],
        { deploymentPercent: 58.5, usagePercent: 50, workloads: [] },
        '2026-11-25',
      ),
    ).to.deep.equal({
      since: '2026-11-24',
      days: 1,
      deploymentChange: -1.5,
      usageChange: null,
      workloadChanges: {},
    });
    expect(trend([point('2026-11-25', 61, 50)], { deploymentPercent: 58.5, usagePercent: 50, workloads: [] }, '2026-11-25')).to.equal(null);
    expect(trend([], { deploymentPercent: 58.5, usagePercent: 50, workloads: [] }, '2026-11-25')).to.equal(null);
  });

  it('keeps one point per day, oldest first, for 13 months', () => {
    let points = addPoint([], point('2026-11-20', 10, 10));
    points = addPoint(points, point('2026-11-18', 20, 20));
    points = addPoint(points, point('2026-11-20', 30, 30));
    expect(points).to.deep.equal([point('2026-11-18', 20, 20), point('2026-11-20', 30, 30)]);
    expect(HISTORY_DAYS).to.equal(396);
    const later = addPoint(points, point('2027-12-20', 40, 40));
    expect(later.map((p) => p.day)).to.deep.equal(['2026-11-20', '2027-12-20']);
  });
});
