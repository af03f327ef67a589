import { expect } from 'chai';
import { evaluateWeekly } from '../../src/alerts/weekly.js';
import { actionNote } from '../../src/cards/action-cards.js';
import type { ActionRow } from '../../src/metrics/findings.js';
import type { CustomerReport } from '../../src/metrics/report-types.js';
import { emptyBotState, type BotState } from '../../src/proactive/bot-state.js';
import type { ConversationTarget } from '../../src/proactive/conversation-target.js';

const NOW = new Date('2026-11-30T06:00:00Z');

const fabrikam: CustomerReport = {
  customer: 'Fabrikam Inc',
  tenantId: 'fabrikam-tenant',
  dataAsOf: '2026-11-29T00:00:00Z',
  sources: ['pc-analytics'],
  deploymentPercent: 40,
  usagePercent: 37.5,
  sold: 100,
  assigned: 40,
  active: 45,
  entitled: 120,
  products: [],
  workloads: [],
  flags: [],
  recommendations: [{ code: 'adoption-content', message: 'Show people what they have.', reason: 'usage 37.5% is below 50%', actions: [] }],
  // One term already ended (before the data was refreshed), the next a month and a half away.
  renewals: [
    { offer: 'Microsoft 365 E3', seats: 100, renewsOn: '2026-10-01T00:00:00.000Z', autoRenew: true, trial: false },
    { offer: 'Microsoft 365 E3', seats: 100, renewsOn: '2027-01-15T00:00:00.000Z', autoRenew: true, trial: false },
  ],
  serviceRequests: { last30Days: 0, open: 0 },
  subscriptionsNeedingAttention: [],
  subscriptionStarts: [],
};

function target(id: string, tenantId: string): ConversationTarget {
  return {
    id,
    kind: 'personal',
    tenantId,
    serviceUrl: 'http://127.0.0.1/',
    channelId: 'msteams',
    bot: { id: '28:b', name: 'Adoption' },
    teamId: null,
    teamName: null,
    name: null,
  };
}

function state(): BotState {
  const s = emptyBotState();
  s.conversations = { ours: target('ours', 'partner'), theirs: target('theirs', 'elsewhere') };
  s.weekly = {
    ours: { by: 'Megan', since: '2026-11-01T00:00:00Z', lastSent: '2026-11-23T06:00:05Z' },
    theirs: { by: 'Megan', since: '2026-11-01T00:00:00Z', lastSent: null },
    gone: { by: 'Megan', since: '2026-11-01T00:00:00Z', lastSent: null },
  };
  return s;
}

describe('the weekly to-do', () => {
  const partnerOnly = (tenantId: string | null): boolean => tenantId === 'partner';
  let n = 0;
  const newId = (): string => `e${++n}`;

  it('goes to each allowed conversation it knows, a week (less a few seconds) after the last', () => {
    const s = state();
    const entries = evaluateWeekly(s, [fabrikam], partnerOnly, NOW, newId);
    expect(entries.map((e) => e.conversationId)).to.deep.equal(['ours']);
    expect(entries[0]!.message).to.deep.equal({
      kind: 'weekly',
      rows: [
        {
          customerKey: 'fabrikam-tenant',
          customer: 'Fabrikam Inc',
          deploymentPercent: 40,
          usagePercent: 37.5,
          advice: [{ code: 'adoption-content', reason: 'usage 37.5% is below 50%' }],
          staleDays: null,
          renewal: { offer: 'Microsoft 365 E3', seats: 100, renewsOn: '2027-01-15T00:00:00.000Z', autoRenew: true, trial: false },
        },
      ],
    });
    const [row] = (entries[0]!.message as { readonly rows: readonly ActionRow[] }).rows;
    expect(actionNote(row!)).to.equal('Adoption content: usage 37.5% is below 50% · Renewal: Microsoft 365 E3, 100 seats on 2027-01-15');
    expect(s.outbox).to.deep.equal(entries);
    expect(s.weekly!['ours']!.lastSent).to.equal(NOW.toISOString());
    // Not again the same week.
    expect(evaluateWeekly(s, [fabrikam], partnerOnly, new Date(NOW.getTime() + 6 * 86_400_000), newId)).to.deep.equal([]);
  });

  it('sends nothing when no customer needs action, and the week stays open', () => {
    const s = state();
    expect(evaluateWeekly(s, [], partnerOnly, NOW, newId)).to.deep.equal([]);
    expect(s.weekly!['ours']!.lastSent).to.equal('2026-11-23T06:00:05Z');
    expect(s.outbox).to.deep.equal([]);
  });
});
