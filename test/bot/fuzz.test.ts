import { expect } from 'chai';
import fc from 'fast-check';
import { cardProblems } from '../cards/validate.js';
import { BOT, TENANT, startHarness, type Harness } from './harness.js';
import { BACKENDS, type Backend } from '../shared-azurite.js';
import { VERBS } from '../../src/cards/actions.js';

/**
 * Property: whatever Teams (or anyone reaching /api/messages) sends, the bot answers with a status
 * below 500, keeps running, sends only valid cards or plain text, and sends nothing about customers
 * to a tenant that is not allowed. FUZZ_ACTIVITIES sets how many activities on the lowdb backend
 * (default 25,000, about 50 s on a 2-core machine: CI's whole run has 15 minutes); the Blob backend
 * gets a tenth of them (its storage code is the same under the bot). FUZZ_ACTIVITIES=100000 for a
 * longer run.
 */
const ON_LOWDB = Number(process.env['FUZZ_ACTIVITIES'] ?? 25_000);
const COUNTS: Record<Backend, number> = { lowdb: ON_LOWDB, blob: Math.ceil(ON_LOWDB / 10) };
const BATCH = 100;
const OTHER_TENANT = 'a1b2c3d4-0000-4000-8000-000000000bad';
const CUSTOMER_DATA =
  /Contoso|Fabrikam|Woodgrove|Tailspin|Northwind|Litware|Adventure Works|Alpine|Coho|Fourth Coffee|Proseware|\d+(\.\d)?%/;
const words = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    'portfolio',
    'help',
    'below 40%',
    'teams usage below 50%',
    'deployment above 90%',
    'who is over 100%',
    'low teams usage',
    'who dropped this week?',
    'who improved in the last 3 months',
    'who has the most unused licenses?',
    'yammer',
    'top 5',
    'why is usage above 100%?',
    'low adoption',
    'customers with trials',
    'upsell opportunities',
    'thanks',
    'adoption for Contoso',
    'how is fabrikam doing',
    'alerts on below 30% for woodgrove',
    'alerts',
    'alerts off',
    'link this channel to contoso',
    'links',
    'unlink',
    'unlink contoso',
    'mute fabrikam for a week',
    'alert me if deployment falls under 50%',
    "who doesn't have E3?",
    'usage below 50% and deployment above 80%, or deployment below 45%',
    'E3 customers below 50%',
    'customers with usage under 80% and more than 100 seats',
    'customers with more than 50 unassigned licenses',
    'Teams usage at Fabrikam',
    'when does Woodgrove renew?',
    'how many seats does Contoso have?',
    'how many E3 licenses does Contoso have?',
    'is Fabrikam low?',
    "Litware's open tickets",
    'median deployment',
    'how has Fabrikam changed since last month?',
    'did we drop?',
    'which customers have expiring subscriptions?',
    'and Fabrikam?',
    'what about co?',
    'more',
    'previous',
    '${customer.name}',
    '**bold** [link](https://evil.example)',
    '<at>Adoption</at> portfolio',
  ),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);

const tenant = fc.constantFrom<string | undefined>(TENANT, TENANT, OTHER_TENANT, undefined, '');

const activity = fc
  .record(
    {
      type: fc.constantFrom('message', 'message', 'message', 'invoke', 'invoke', 'conversationUpdate', 'installationUpdate', 'event', 'x'),
      text: fc.option(words, { nil: undefined }),
      name: fc.constantFrom('adaptiveCard/action', 'composeExtension/query', 'task/fetch', 'signin/verifyState', 'config/fetch', ''),
      conversationType: fc.constantFrom('personal', 'groupChat', 'channel', 'other', undefined),
      conversationTenant: tenant,
      dataTenant: tenant,
      slot: fc.integer({ min: 0, max: 7 }),
      mention: fc.oneof(
        fc.constant(null),
        fc.constant({ type: 'mention', text: '<at>Adoption</at>', mentioned: BOT }),
        fc.record({ type: fc.constant('mention'), text: fc.string(), mentioned: fc.anything() }),
        fc.anything(),
      ),
      channelData: fc.oneof(fc.constant(null), fc.object({ maxDepth: 2 }), fc.constant({ channel: { id: 19 }, team: 'x' })),
      value: fc.oneof(
        fc.record({
          action: fc.record({
            type: fc.constant('Action.Execute'),
            verb: fc.oneof(fc.constantFrom(...VERBS), fc.string()),
            data: fc.oneof(
              fc.record({ code: fc.constantFrom('trial-subscription', 'training-upsell', 'stale-data', 'x') }),
              // A card's refresh or choice with what was asked of the customer: as sent, odd, or of any shape.
              fc.record({
                key: fc.oneof(fc.constant('00000001-0000-4000-8000-c0ffee000001'), fc.string()),
                focus: fc.oneof(
                  fc.constantFrom(
                    'workload',
                    'renewals',
                    'seats',
                    'standing',
                    'support',
                    'data',
                    'trend',
                    'workloads',
                    'upsell',
                    'users',
                    'attention',
                    'trials',
                    'product',
                  ),
                  fc.anything(),
                ),
                workload: fc.oneof(fc.constantFrom('Teams', 'onedrive'), fc.anything()),
                product: fc.oneof(fc.constantFrom('E3', '${x}', ''), fc.anything()),
                days: fc.oneof(fc.constantFrom('30', '0', '999', '7.5'), fc.anything()),
              }),
              // A compare button's customers, as JSON: well-formed, odd, or not JSON at all.
              fc.record({ customers: fc.oneof(fc.json(), fc.constant('[{"key":"x"},{"name":"co"}]'), fc.string()) }),
              // A page button's question, typed or pressed, and where the page starts.
              fc.record({ ask: words, from: fc.oneof(fc.integer({ min: -30, max: 100 }), fc.string(), fc.double()) }),
              fc.record({
                button: fc.oneof(
                  fc.json(),
                  fc.constant('{"verb":"low-adoption","data":{}}'),
                  fc.constant('{"verb":"page","data":{}}'),
                  fc.string(),
                ),
                from: fc.integer({ min: 0, max: 50 }),
              }),
              fc.anything(),
            ),
          }),
          trigger: fc.constant('manual'),
        }),
        fc.record({
          commandId: fc.constant('searchCustomer'),
          parameters: fc.array(fc.record({ name: fc.constantFrom('customer', 'initialRun', 'x'), value: fc.oneof(words, fc.anything()) }), {
            maxLength: 3,
          }),
        }),
        fc.anything({ maxDepth: 2 }),
      ),
      membersAdded: fc.option(fc.constantFrom([BOT], [{ id: '29:someone' }], []), { nil: undefined }),
      action: fc.option(fc.constantFrom('add', 'remove', 'add-upgrade', 'remove-upgrade', 'x'), { nil: undefined }),
      from: fc.oneof(
        { arbitrary: fc.constant({ id: '29:megan', aadObjectId: '4a1e7c4e-1f5c-4a0e-8d2f-6f3e1a9b2c3d', name: 'Megan' }), weight: 4 },
        { arbitrary: fc.object({ maxDepth: 1 }), weight: 1 },
      ),
    },
    { requiredKeys: ['type', 'conversationTenant', 'dataTenant', 'slot', 'from'] },
  )
  .map((g) => {
    const conversationTenant = g.conversationTenant || undefined;
    const channelTenant = g.dataTenant || undefined;
    // The tenant the activity belongs to, read as Teams means it: the conversation's, else channelData's.
    const tenantId = conversationTenant ?? (g.channelData === null ? channelTenant : undefined);
    return {
      allowed: tenantId === TENANT,
      body: {
        type: g.type,
        ...(g.text === undefined ? {} : { text: g.text }),
        ...(g.type === 'invoke' && g.name !== undefined ? { name: g.name } : {}),
        ...(g.value === undefined ? {} : { value: g.value }),
        ...(g.membersAdded === undefined ? {} : { membersAdded: g.membersAdded }),
        ...(g.action === undefined ? {} : { action: g.action }),
        channelId: 'msteams',
        from: g.from,
        recipient: BOT,
        // Conversations of an allowed tenant and the others never share an id, so replies tell which was which.
        conversation: {
          id: `${tenantId === TENANT ? 'in' : 'out'}-${g.slot}`,
          ...(g.conversationType === undefined ? {} : { conversationType: g.conversationType }),
          ...(conversationTenant === undefined ? {} : { tenantId: conversationTenant }),
        },
        entities: g.mention === null || g.mention === undefined ? [] : [g.mention],
        channelData: g.channelData === null ? (channelTenant === undefined ? {} : { tenant: { id: channelTenant } }) : g.channelData,
      },
    };
  });

for (const backend of BACKENDS) {
  const ACTIVITIES = COUNTS[backend];
  describe(`the bot under ${ACTIVITIES.toLocaleString('en')} generated activities (fast-check, ${backend})`, function () {
    this.timeout(20 * 60_000);
    let h: Harness;
    before(async () => (h = await startHarness({ env: { ADOPTION_ALLOWED_TENANTS: TENANT }, storage: backend })));
    after(() => h.close());

    it('never fails, answers only with valid cards or text, and tells other tenants nothing', async () => {
      const checked = new Map<string, string[]>();
      const problemsOf = (card: unknown): string[] => {
        const json = JSON.stringify(card);
        let problems = checked.get(json);
        if (problems === undefined) checked.set(json, (problems = cardProblems(card)));
        return problems;
      };
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(activity, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          h.connector.clear();
          const answers = await Promise.all(
            batch.map(async ({ body, allowed }) => {
              const a = await h.post({ ...body, serviceUrl: h.connector.url });
              return { ...a, allowed };
            }),
          );
          for (const [i, a] of answers.entries()) {
            expect(a.status, JSON.stringify(batch[i]!.body).slice(0, 2000)).to.be.oneOf([200, 400]);
            if (!a.allowed) expect(JSON.stringify(a.body ?? '')).not.to.match(CUSTOMER_DATA);
            const card = (a.body as { value?: { type?: string } } | null)?.value;
            if (card?.type === 'AdaptiveCard') expect(problemsOf(card), JSON.stringify(batch[i]!.body).slice(0, 1500)).to.deep.equal([]);
          }
          for (const s of h.connector.sent) {
            sent++;
            const { type, text, attachments } = s.activity as { type: string; text?: unknown; attachments?: { content: unknown }[] };
            if (type === 'typing') continue;
            expect(type).to.equal('message');
            if (attachments === undefined) expect(text).to.be.a('string');
            for (const attachment of attachments ?? [])
              expect(problemsOf(attachment.content), JSON.stringify(attachment.content).slice(0, 1500)).to.deep.equal([]);
            if (s.conversationId.startsWith('out-')) expect(JSON.stringify(s.activity)).not.to.match(CUSTOMER_DATA);
          }
        }),
        {
          numRuns: Math.ceil(ACTIVITIES / BATCH),
          // One failing activity says more than a shrunk batch of a hundred; say it and stop.
          endOnFailure: true,
          reporter: (run) => {
            if (run.failed) throw new Error(`seed ${run.seed}: ${String(run.errorInstance)}`);
          },
        },
      );
      expect((await fetch(`${h.bot.url}/healthz`)).status).to.equal(200);
      expect([...new Set(h.errors.map((e) => `${e.msg} ${JSON.stringify(e['err'] ?? {}).slice(0, 300)}`))]).to.deep.equal([]);
      // Enough of them were well-formed and allowed to get answers for the checks above to mean something.
      expect(sent).to.be.greaterThan(ACTIVITIES / 10);
    });
  });
}
