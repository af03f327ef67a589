import { expect } from 'chai';
import { dataStatusCard } from '../../src/cards/data-status-card.js';
import { DEFAULT_THRESHOLDS } from '../../src/metrics/thresholds.js';
import { PortfolioView } from '../../src/portfolio/portfolio-view.js';
import { MAX_FAILURES, type SyncRun } from '../../src/sync/sync-log.js';
import { textsOf } from '../bot/harness.js';
import { cardProblems } from './validate.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const EMPTY = new PortfolioView({ generatedAt: NOW.toISOString(), customers: [], partnerTotals: [] }, DEFAULT_THRESHOLDS);
const SCHEDULE = { pattern: '0 6 * * *', next: '2026-11-26T06:00:00.000Z' };

function texts(status: Parameters<typeof dataStatusCard>[1]): string[] {
  const { card } = dataStatusCard(EMPTY, status, NOW);
  expect(cardProblems(card)).to.deep.equal([]);
  return textsOf(card);
}

describe('the data status card', () => {
  it('says where the data comes from when the bot does not sync by itself', () => {
    expect(texts({ schedule: null, last: null })).to.deep.equal([
      'No customer data yet',
      'No scheduled sync: the data comes from files an admin sends the bot in a personal chat or imports with "adoption import", or from "adoption sync" run by hand.',
    ]);
  });

  it('gives the schedule and its next run, and says when no sync has run yet', () => {
    expect(texts({ schedule: SCHEDULE, last: null }).slice(1)).to.deep.equal([
      'The bot syncs from Partner Center and Microsoft Graph on "0 6 * * *" (UTC), next at 2026-11-26 06:00 UTC; an admin syncs now with "adoption sync".',
      'No sync has run yet.',
    ]);
  });

  it('says why the last sync stopped and what to do', () => {
    const last: SyncRun = {
      startedAt: '2026-11-25T06:00:00.000Z',
      finishedAt: '2026-11-25T06:00:04.000Z',
      trigger: 'schedule',
      only: null,
      outcome: {
        kind: 'stopped',
        reason: 'Partner Center customers: access refused (HTTP 401)',
        hint: 'Sign in again with "adoption login".',
      },
    };
    expect(texts({ schedule: SCHEDULE, last }).slice(2)).to.deep.equal([
      'The last sync (scheduled, 2026-11-25 06:00 UTC to 06:00) stopped: Partner Center customers: access refused (HTTP 401). Sign in again with "adoption login".',
    ]);
  });

  it('counts what the last sync did, names the first failures and points to the rest', () => {
    const failed = Array.from({ length: MAX_FAILURES }, (_, i) => ({ customer: `Customer ${i}`, reason: 'Microsoft Graph: HTTP 500' }));
    const last: SyncRun = {
      startedAt: '2026-11-25T06:00:00.000Z',
      finishedAt: '2026-11-25T06:42:10.000Z',
      trigger: 'command',
      only: null,
      outcome: { kind: 'done', synced: 1200, skipped: 3, failedCount: 25, failed, analyticsFailure: 'Partner Center analytics: HTTP 503' },
    };
    const lines = texts({ schedule: null, last }).slice(2);
    expect(lines[0]).to.equal(
      'Last sync ("adoption sync", 2026-11-25 06:00 UTC to 06:42): 1,200 customers synced, 25 failed, 3 already synced.',
    );
    expect(lines.slice(1)).to.deep.equal([
      'Failed: Customer 0: Microsoft Graph: HTTP 500.',
      'Failed: Customer 1: Microsoft Graph: HTTP 500.',
      'Failed: Customer 2: Microsoft Graph: HTTP 500.',
      'Failed: Customer 3: Microsoft Graph: HTTP 500.',
      'Failed: Customer 4: Microsoft Graph: HTTP 500.',
      'And 20 more failed: the output of "adoption sync" lists every one, with what to do.',
      "Partner Center's license analytics could not be read: Partner Center analytics: HTTP 503.",
    ]);
    const one: SyncRun = {
      ...last,
      only: 'Contoso Ltd',
      outcome: { ...last.outcome, synced: 1, skipped: 0, failedCount: 0, failed: [], analyticsFailure: null } as SyncRun['outcome'],
    };
    expect(texts({ schedule: null, last: one }).slice(2)).to.deep.equal([
      'Last sync ("adoption sync", Contoso Ltd only, 2026-11-25 06:00 UTC to 06:42): 1 customer synced, 0 failed.',
    ]);
  });
});
