import { expect } from 'chai';
import { BACKENDS } from '../shared-azurite.js';
import { buttonsOf, cardOf, channelData, conversationFor, startHarness, teamsMessage, textsOf, BOT, type Harness } from '../bot/harness.js';

const CONTOSO = '00000001-0000-4000-8000-c0ffee000001';
const CHANNEL = '19:general@thread.tacv2';

for (const backend of BACKENDS) {
  describe(`sharing cards into account channels, over HTTP (${backend})`, () => {
    let h: Harness;
    beforeEach(async () => (h = await startHarness({ storage: backend })));
    afterEach(() => h.close());

    it('links a channel after an @mention, shares a card there as a new post "shared by", and unlinks', async () => {
      const [linked] = (await h.say('link this channel to contoso', { scope: 'channel' })).slice(-1);
      expect(textsOf(cardOf(linked))[0]).to.equal('This channel now follows Contoso Ltd.');
      const [links] = (await h.say('links')).slice(-1);
      expect(textsOf(cardOf(links))).to.deep.equal(['1 channel link', 'Contoso Ltd → a channel of Account team (by Megan Bowen)']);
      // Said other ways.
      for (const asked of ['which channel is linked?', 'what channels follow Contoso?', 'which channel is linked to Contoso?']) {
        expect(textsOf(cardOf((await h.say(asked)).at(-1)))[0], asked).to.equal('1 channel link');
      }
      for (const asked of ['connect this channel to Contoso', 'follow Contoso here', 'this channel is for Contoso']) {
        const [again] = (await h.say(asked, { scope: 'channel' })).slice(-1);
        expect(textsOf(cardOf(again))[0], asked).to.equal('This channel already follows Contoso Ltd.');
      }

      h.connector.clear();
      const { body } = await h.invoke('share', { key: CONTOSO });
      const post = h.connector.to(CHANNEL);
      expect(post).to.have.length(1);
      expect(post[0]!.id).to.match(/^19:general@thread\.tacv2;messageid=activity-/);
      expect(textsOf(cardOf(post[0])).slice(0, 3)).to.deep.equal([
        'Contoso Ltd',
        'tenant 00000001-0000-4000-8000-c0ffee000001 · data as of 2026-11-25 · Partner Center analytics',
        'Shared by Megan Bowen',
      ]);
      expect(textsOf(body.value)[2]).to.equal('Shared to a channel of Account team.');
      // Teams refreshes the shared card when someone in the channel looks at it: today's numbers, still "shared by".
      const refresh = (cardOf(post[0]) as { refresh?: { action: { verb: string; data: object } } }).refresh!.action;
      expect(refresh).to.deep.include({ verb: 'refresh', data: { key: CONTOSO, sharedBy: 'Megan Bowen' } });
      const seen = await h.invoke(refresh.verb, refresh.data, { scope: 'channel', trigger: 'automatic' });
      expect(textsOf(seen.body.value).slice(0, 3)).to.deep.equal([
        'Contoso Ltd',
        'tenant 00000001-0000-4000-8000-c0ffee000001 · data as of 2026-11-25 · Partner Center analytics',
        'Shared by Megan Bowen',
      ]);
      // The sharer's own card says where the share went; refreshed, it is the plain card again.
      expect((body.value as { refresh?: { action: { data: object } } }).refresh!.action.data).to.deep.equal({ key: CONTOSO });

      // One customer at a time, by name, or every one at once.
      await h.say('link this channel to Fabrikam', { scope: 'channel' });
      const [fabrikam] = (await h.say('stop following Fabrikam', { scope: 'channel' })).slice(-1);
      expect(textsOf(cardOf(fabrikam))).to.deep.equal([
        'This channel no longer follows Fabrikam Inc.',
        'Its shared cards will not come here any more.',
      ]);
      const [again] = (await h.say('unlink Fabrikam', { scope: 'channel' })).slice(-1);
      expect(textsOf(cardOf(again))[0]).to.equal('This channel does not follow Fabrikam Inc.');
      const [several] = (await h.say('unlink co', { scope: 'channel' })).slice(-1);
      expect(buttonsOf(cardOf(several)).map((b) => [b.title, b.verb])).to.deep.equal([
        ['Coho Winery', 'unlink'],
        ['Fourth Coffee', 'unlink'],
        ['Contoso Ltd', 'unlink'],
      ]);
      expect((await h.state.read()).links.map((l) => l.customer.name)).to.deep.equal(['Contoso Ltd']);
      const [unlinked] = (await h.say('unlink', { scope: 'channel' })).slice(-1);
      expect(textsOf(cardOf(unlinked))[0]).to.equal('This channel no longer follows Contoso Ltd.');
      const { body: nowhere } = await h.invoke('share', { key: CONTOSO });
      expect(textsOf(nowhere.value)[2]).to.equal(
        'No channel follows Contoso Ltd yet. In the account team\'s channel, say "@Adoption link this channel to Contoso Ltd", then share again.',
      );
    });

    it('shares a card by name from a personal chat ("share Contoso"), and says when no channel follows the customer', async () => {
      await h.say('link this channel to contoso', { scope: 'channel' });
      h.connector.clear();
      const [reply] = (await h.say("share contoso's card to its channel")).slice(-1);
      expect(h.connector.to(CHANNEL).map((s) => textsOf(cardOf(s)).slice(0, 3))).to.deep.equal([
        [
          'Contoso Ltd',
          'tenant 00000001-0000-4000-8000-c0ffee000001 · data as of 2026-11-25 · Partner Center analytics',
          'Shared by Megan Bowen',
        ],
      ]);
      expect(textsOf(cardOf(reply))[2]).to.equal('Shared to a channel of Account team.');
      const [nowhere] = (await h.say('share Fabrikam')).slice(-1);
      expect(textsOf(cardOf(nowhere)).slice(0, 1)).to.deep.equal(['Fabrikam Inc']);
      expect(textsOf(cardOf(nowhere))[2]).to.equal(
        'No channel follows Fabrikam Inc yet. In the account team\'s channel, say "@Adoption link this channel to Fabrikam Inc", then share again.',
      );
      expect(h.connector.to(CHANNEL)).to.have.length(1);
    });

    it('answers the share at once when Teams asks to wait longer than the invoke can: it says what Teams asked', async () => {
      await h.say('link this channel to contoso', { scope: 'channel' });
      h.connector.clear();
      h.connector.faults = ({ conversationId }) => (conversationId === CHANNEL ? { status: 429, retryAfter: 30 } : null);
      const { body } = await h.invoke('share', { key: CONTOSO });
      expect(h.connector.refused.map((r) => r.conversationId)).to.deep.equal([CHANNEL]);
      expect(h.connector.to(CHANNEL)).to.deep.equal([]);
      expect(textsOf(body.value)[2]).to.equal(
        'Could not share to a channel of Account team (Teams asked to wait 30 s (429 ServiceError) (after 1 try)).',
      );
    });

    it('links the one chosen when the name matches several customers', async () => {
      const [several] = (await h.say('link this channel to co', { scope: 'channel' })).slice(-1);
      expect(textsOf(cardOf(several))[0]).to.equal('3 customers match "co".');
      const contoso = buttonsOf(cardOf(several)).find((b) => b.title === 'Contoso Ltd')!;
      expect(contoso).to.deep.equal({ title: 'Contoso Ltd', verb: 'link', data: { key: CONTOSO } });
      const { body } = await h.invoke(contoso.verb, contoso.data, { scope: 'channel' });
      expect(textsOf(body.value)[0]).to.equal('This channel now follows Contoso Ltd.');
      expect((await h.state.read()).links.map((l) => l.customer.name)).to.deep.equal(['Contoso Ltd']);
    });

    it('links each customer of a list of names, saying which it already followed', async () => {
      await h.say('link this channel to fabrikam', { scope: 'channel' });
      const [both] = (await h.say('link this channel to Contoso, Fabrikam and tailspin', { scope: 'channel' })).slice(-1);
      expect(textsOf(cardOf(both))).to.deep.equal([
        'This channel now follows Contoso Ltd and Tailspin Toys.',
        'This channel already follows Fabrikam Inc.',
        '"Share to account channel" on their cards posts the card here.',
      ]);
      expect(buttonsOf(cardOf(both)).map((b) => b.title)).to.deep.equal(['Open Contoso Ltd', 'Open Fabrikam Inc', 'Open Tailspin Toys']);
      expect((await h.state.read()).links.map((l) => l.customer.name)).to.deep.equal(['Fabrikam Inc', 'Contoso Ltd', 'Tailspin Toys']);
    });

    it('shares each card of a list of names to the channels that follow it, a line each on where it went', async () => {
      await h.say('link this channel to Contoso and Fabrikam', { scope: 'channel' });
      h.connector.clear();
      const [shared] = (await h.say('share Contoso, Fabrikam and Tailspin')).slice(-1);
      expect(textsOf(cardOf(shared))).to.deep.equal([
        'Shared 2 of 3 cards',
        'Contoso Ltd: Shared to a channel of Account team.',
        'Fabrikam Inc: Shared to a channel of Account team.',
        'Tailspin Toys: No channel follows Tailspin Toys yet. In the account team\'s channel, say "@Adoption link this channel to Tailspin Toys", then share again.',
      ]);
      expect(buttonsOf(cardOf(shared)).map((b) => b.title)).to.deep.equal(['Open Contoso Ltd', 'Open Fabrikam Inc', 'Open Tailspin Toys']);
      expect(h.connector.to(CHANNEL).map((p) => textsOf(cardOf(p))[0])).to.deep.equal(['Contoso Ltd', 'Fabrikam Inc']);
    });

    it('explains that only a channel can follow a customer, and ignores channel messages without an @mention', async () => {
      const [personal] = await h.say('link this channel to contoso');
      expect(textsOf(cardOf(personal))[0]).to.equal('Only a team channel can follow a customer.');
      const silent = await h.say('link this channel to contoso', { scope: 'channel', mention: false });
      expect(silent).to.deep.equal([]);
      expect((await h.state.read()).links).to.deep.equal([]);
    });

    it("forgets a team's channels, links and subscriptions when the bot is uninstalled from it", async () => {
      await h.say('link this channel to contoso', { scope: 'channel' });
      await h.say('alerts on', { scope: 'channel' });
      expect(Object.keys((await h.state.read()).conversations)).to.include(CHANNEL);
      const { status } = await h.post({
        ...teamsMessage(h.connector.url, '', 'channel', false, { ...conversationFor('channel', 'x'), id: CHANNEL }),
        type: 'installationUpdate',
        action: 'remove',
        text: undefined,
        channelData: channelData('channel'),
      });
      expect(status).to.equal(200);
      const state = await h.state.read();
      expect(Object.keys(state.conversations)).to.not.include(CHANNEL);
      expect(state.links).to.deep.equal([]);
      expect(state.subscriptions).to.deep.equal([]);
    });

    it('answers a message extension search with customer cards and previews', async () => {
      const { status, body } = await h.post({
        ...teamsMessage(h.connector.url, '', 'personal', false, conversationFor('personal')),
        type: 'invoke',
        name: 'composeExtension/query',
        text: undefined,
        value: { commandId: 'searchCustomer', parameters: [{ name: 'customer', value: 'fabrik' }], queryOptions: { skip: 0, count: 25 } },
        recipient: BOT,
      });
      expect(status).to.equal(200);
      const result = (
        body as {
          composeExtension: {
            type: string;
            attachments: { content: unknown; preview: { content: { title: string; subtitle: string } } }[];
          };
        }
      ).composeExtension;
      expect(result.type).to.equal('result');
      expect(result.attachments.map((a) => a.preview.content)).to.deep.equal([
        { title: 'Fabrikam Inc', subtitle: 'Deployment 40% · usage 37.5%', images: [], buttons: [] },
      ]);
      expect(textsOf(result.attachments[0]!.content)[0]).to.equal('Fabrikam Inc');
    });
  });
}
