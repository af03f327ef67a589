import { expect } from 'chai';
import { remember } from '../../src/proactive/conversations.js';
import { link } from '../../src/sharing/links.js';
import { subscribe } from '../../src/alerts/subscriptions.js';
import { BACKENDS } from '../shared-azurite.js';
import {
  BOT,
  TENANT,
  USER,
  cardOf,
  channelData,
  conversationFor,
  startHarness,
  teamsMessage,
  textsOf,
  type Harness,
  type Scope,
} from '../bot/harness.js';

const OTHER_TENANT = 'a1b2c3d4-0000-4000-8000-000000000bad';
const CONTOSO = '00000001-0000-4000-8000-c0ffee000001';
const CUSTOMER_NAMES = /Contoso|Fabrikam|Woodgrove|Tailspin|Northwind|Litware|Adventure|Alpine|Coho|Fourth|Proseware|Wingtip/;
const TENANT_REFUSAL =
  "Sorry, this app is only for the staff of the partner that runs it, and your organization is not one of its tenants. If you think it should be, ask that partner's admin.";
const USER_REFUSAL = "Sorry, you are not on this app's list of people who may see customer adoption. Ask your admin to add you.";

type Person = { id: string; name: string; aadObjectId: string };
const ADMIN: Person = USER;
const AGENT: Person = { id: '29:1Ag-adele', name: 'Adele Vance', aadObjectId: '6b2e3f4a-5c6d-4e7f-8a9b-0c1d2e3f4a5b' };
const STRANGER: Person = { id: '29:1St-guest', name: 'Guest User', aadObjectId: '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f' };

/** An activity as Teams sends it from `tenantId`, by `from`. */
type TestActivity = Record<string, unknown> & { conversation: Record<string, unknown> & { id: string } };

function activity(
  h: Harness,
  text: string,
  o: { scope?: Scope; tenantId?: string; from?: Person; conversationId?: string } = {},
): TestActivity {
  const scope = o.scope ?? 'personal';
  const tenantId = o.tenantId ?? TENANT;
  const base = teamsMessage(h.connector.url, text, scope, scope !== 'personal', conversationFor(scope, o.conversationId)) as TestActivity;
  return {
    ...base,
    from: o.from ?? USER,
    conversation: { ...base.conversation, tenantId },
    channelData: { ...(channelData(scope) as object), tenant: { id: tenantId } },
  };
}

async function said(h: Harness, a: TestActivity): Promise<Record<string, unknown>[]> {
  h.connector.clear();
  const { status } = await h.post(a);
  expect(status).to.equal(200);
  return h.connector.to(String(a.conversation.id)).map((s) => s.activity);
}

for (const backend of BACKENDS) {
  describe(`who may use the bot: allowed tenants (${backend})`, () => {
    let h: Harness;
    beforeEach(
      async () =>
        (h = await startHarness({
          env: { ADOPTION_ALLOWED_TENANTS: `${TENANT}, 11111111-2222-4333-8444-555555555555` },
          storage: backend,
        })),
    );
    afterEach(() => h.close());

    it('answers its own tenant as usual', async () => {
      const [reply] = (await said(h, activity(h, 'portfolio'))).filter((a) => a['type'] === 'message');
      expect(textsOf(cardOf({ activity: reply } as never))[0]).to.equal('Portfolio: 12 customers');
    });

    it('refuses another tenant politely, with no customer data, remembers nothing and logs it', async () => {
      for (const text of ['portfolio', 'adoption for Contoso', 'help']) {
        const sent = await said(h, activity(h, text, { tenantId: OTHER_TENANT, conversationId: 'outsider' }));
        expect(sent.map((a) => [a['type'], a['text'], a['attachments']])).to.deep.equal([['message', TENANT_REFUSAL, undefined]]);
      }
      const channel = await said(h, activity(h, 'portfolio', { scope: 'channel', tenantId: OTHER_TENANT }));
      expect(channel.map((a) => a['text'])).to.deep.equal([TENANT_REFUSAL]);

      // Installed there: the refusal instead of the welcome card.
      const install = await said(h, {
        ...activity(h, '', { tenantId: OTHER_TENANT, conversationId: 'installed' }),
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: BOT.id }],
      });
      expect(install.map((a) => a['text'])).to.deep.equal([TENANT_REFUSAL]);

      expect(Object.values((await h.state.read()).conversations).map((c) => c.tenantId)).to.deep.equal([]);
      const refusals = h.log.filter((e) => e.msg === 'Refused a request from a tenant that is not allowed.');
      expect(refusals).to.have.length(5);
      expect(refusals[0]).to.include({ level: 40, tenantId: OTHER_TENANT, reason: 'tenant', userId: USER.aadObjectId });
      expect(JSON.stringify(h.connector.sent)).not.to.match(CUSTOMER_NAMES);
    });

    it("refuses another tenant's card buttons and searches with no data", async () => {
      const button = {
        ...activity(h, '', { tenantId: OTHER_TENANT }),
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        value: { action: { type: 'Action.Execute', verb: 'customer', data: { key: CONTOSO } }, trigger: 'manual' },
      };
      const pressed = await h.post(button);
      expect(pressed.status).to.equal(200);
      expect(textsOf((pressed.body as { value: unknown }).value)).to.deep.equal(['Not available to you', TENANT_REFUSAL]);

      const search = await h.post({
        ...activity(h, '', { tenantId: OTHER_TENANT }),
        type: 'invoke',
        name: 'composeExtension/query',
        text: undefined,
        value: { commandId: 'searchCustomer', parameters: [{ name: 'customer', value: 'contoso' }] },
      });
      expect(search).to.deep.equal({ status: 200, body: { composeExtension: { type: 'message', text: TENANT_REFUSAL } } });
      expect(JSON.stringify([pressed.body, search.body])).not.to.match(CUSTOMER_NAMES);
    });

    it('shares and alerts only into conversations of allowed tenants', async () => {
      const outside = {
        id: '19:outside@thread.tacv2',
        kind: 'channel' as const,
        tenantId: OTHER_TENANT,
        serviceUrl: h.connector.url,
        channelId: 'msteams',
        bot: BOT,
        teamId: '19:outside-team@thread.tacv2',
        teamName: 'Outside team',
        name: null,
      };
      await h.say('link this channel to contoso', { scope: 'channel' });
      await h.state.update((s) => {
        // As if linked while that tenant was still allowed.
        remember(s, outside);
        link(s, {
          conversationId: outside.id,
          customer: { key: CONTOSO, name: 'Contoso Ltd' },
          by: 'Megan Bowen',
          since: '2026-11-01T00:00:00.000Z',
        });
        subscribe(s, {
          conversationId: outside.id,
          customer: null,
          belowPercent: 99,
          by: 'Megan Bowen',
          since: '2026-11-01T00:00:00.000Z',
        });
      });
      h.connector.clear();
      const { body } = await h.invoke('share', { key: CONTOSO });
      expect(h.connector.to('19:general@thread.tacv2')).to.have.length(1);
      expect(h.connector.to(outside.id)).to.deep.equal([]);
      expect(textsOf(body.value)[2]).to.equal(
        'Shared to a channel of Account team. Not shared to 1 linked channel outside your allowed tenants.',
      );

      const run = await h.bot.alerts.run();
      expect(run.evaluation.alerts).to.equal(0);
      expect(h.connector.to(outside.id)).to.deep.equal([]);
    });
  });
}

for (const backend of BACKENDS) {
  describe(`who may use the bot: admins and agents (${backend})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await startHarness({
        env: { ADOPTION_ADMINS: ADMIN.aadObjectId, ADOPTION_AGENTS: 'Adele.Vance@contoso-partners.com' },
        storage: backend,
      });
      h.connector.members.set(AGENT.id, { ...AGENT, userPrincipalName: 'adele.vance@contoso-partners.com' });
      h.connector.members.set(STRANGER.id, { ...STRANGER, userPrincipalName: 'guest@fabrikam.com' });
    });
    afterEach(() => h.close());

    const title = (sent: Record<string, unknown>[]): string =>
      textsOf(cardOf({ activity: sent.find((a) => a['type'] === 'message') } as never))[0]!;

    it('lets an agent (known by UPN) read cards and share, but not change alerts or links', async () => {
      expect(title(await said(h, activity(h, 'portfolio', { from: AGENT, conversationId: 'adele' })))).to.equal('Portfolio: 12 customers');
      expect(title(await said(h, activity(h, 'alerts on', { from: AGENT, conversationId: 'adele' })))).to.equal(
        "Only the bot's admins can change alerts, channel links and thresholds.",
      );
      expect(title(await said(h, activity(h, 'link this channel to contoso', { from: AGENT, scope: 'channel' })))).to.equal(
        "Only the bot's admins can change alerts, channel links and thresholds.",
      );
      expect(title(await said(h, activity(h, 'weekly summary on', { from: AGENT, conversationId: 'adele' })))).to.equal(
        "Only the bot's admins can change alerts, channel links and thresholds.",
      );
      expect(title(await said(h, activity(h, 'mute contoso', { from: AGENT, conversationId: 'adele' })))).to.equal(
        "Only the bot's admins can change alerts, channel links and thresholds.",
      );
      expect(title(await said(h, activity(h, 'set the usage threshold to 40%', { from: AGENT, conversationId: 'adele' })))).to.equal(
        "Only the bot's admins can change alerts, channel links and thresholds.",
      );
      expect(title(await said(h, activity(h, 'pause alerts for a week', { from: AGENT, conversationId: 'adele' })))).to.equal(
        "Only the bot's admins can change alerts, channel links and thresholds.",
      );
      // Reading where alerts go is for everyone.
      expect(title(await said(h, activity(h, 'which channels get alerts?', { from: AGENT, conversationId: 'adele' })))).to.equal(
        'No conversation gets alerts yet.',
      );
      // Each can ask what they may do.
      expect(title(await said(h, activity(h, 'am I an admin?', { from: AGENT, conversationId: 'adele' })))).to.equal(
        "You are one of the bot's agents.",
      );
      expect((await h.state.read()).thresholds).to.equal(undefined);
      expect((await h.state.read()).subscriptions).to.deep.equal([]);
      expect((await h.state.read()).links).to.deep.equal([]);
      expect((await h.state.read()).weekly ?? {}).to.deep.equal({});
      expect((await h.state.read()).mutes).to.deep.equal({});
      expect((await h.state.read()).paused ?? {}).to.deep.equal({});
      // The UPN was asked of Teams once, then remembered.
      expect(h.connector.memberLookups).to.deep.equal([AGENT.id]);
    });

    it('lets an admin (known by object id, no lookup) change alerts', async () => {
      expect(title(await said(h, activity(h, 'alerts on', { from: ADMIN, conversationId: 'megan' })))).to.equal('Alerts are on here.');
      const role = await said(h, activity(h, 'what is my role?', { from: ADMIN, conversationId: 'megan' }));
      expect(textsOf(cardOf({ activity: role.find((a) => a['type'] === 'message') } as never))).to.deep.equal([
        "You are one of the bot's admins.",
        'You can open and share every card, and change alerts, channel links and thresholds for everyone here.',
        'Roles are set where the bot runs: ADOPTION_ADMINS and ADOPTION_AGENTS list the admins and agents; with neither set, everyone in an allowed tenant is an admin.',
      ]);
      expect((await h.state.read()).subscriptions).to.have.length(1);
      expect(h.connector.memberLookups).to.deep.equal([]);
    });

    it('refuses a person of the right tenant with no role, with no data', async () => {
      const sent = await said(h, activity(h, 'adoption for Contoso', { from: STRANGER, conversationId: 'guest' }));
      expect(sent.map((a) => a['text'])).to.deep.equal([USER_REFUSAL]);
      expect(h.log.filter((e) => e.msg === 'Refused a request from a person with no role.')).to.have.length(1);
    });
  });
}

describe("member lookups count in Teams' limits", () => {
  it('notes the UPN lookup in the rate gate: alerts after it wait for the room it took', async () => {
    // Three requests per 1.5 s in the tenant.
    const h = await startHarness({
      env: { ADOPTION_ADMINS: ADMIN.aadObjectId, ADOPTION_AGENTS: 'Adele.Vance@contoso-partners.com' },
      limits: { conversation: [], tenant: [{ count: 3, perMs: 1_500 }] },
    });
    try {
      h.connector.members.set(AGENT.id, { ...AGENT, userPrincipalName: 'adele.vance@contoso-partners.com' });
      await said(h, activity(h, 'alerts on below 40%', { from: ADMIN, conversationId: 'megan' }));
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      // The agent's first message: a member lookup for the UPN, then the reply.
      const before = Date.now();
      await said(h, activity(h, 'portfolio', { from: AGENT, conversationId: 'adele' }));
      expect(h.connector.memberLookups).to.deep.equal([AGENT.id]);
      await h.bot.alerts.run();
      const alerts = h.connector.to('a:1personal-megan').filter((s) => s.activity.type === 'message');
      expect(alerts.map((s) => s.activity['summary'])).to.deep.equal([
        'Coho Winery: Usage is 31%, under the 40% threshold.',
        'Fabrikam Inc: Usage is 37.5%, under the 40% threshold.',
        'Woodgrove Bank: Needs attention: Office 365 E3: 20 seats suspended. Renew or reactivate it with the customer before the seats are lost, or right-size it.',
      ]);
      // Lookup, reply and the first alert fill the window; the second alert waits for the lookup to leave it.
      expect(alerts[1]!.at - before).to.be.at.least(1_500);
    } finally {
      await h.close();
    }
  });
});
