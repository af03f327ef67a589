import { expect } from 'chai';
import sinon from 'sinon';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { openStorage, type StorageConfig } from '../../src/data/store/storage.js';
import { subscribe } from '../../src/alerts/subscriptions.js';
import { BOT_STATE, openBotState, type Subscription } from '../../src/proactive/bot-state.js';
import { azuriteContainer } from '../shared-azurite.js';

const SOCIETE: Subscription = {
  conversationId: 'a:personal-1',
  customer: { key: 'societe-generale', name: 'Société Générale 株式会社' },
  belowPercent: 40,
  by: 'Zoë Åkesson',
  since: '2026-11-25T06:00:00.000Z',
};

describe("the bot's state on Blob Storage, through the Bot Framework's BlobsStorage", function () {
  this.timeout(30_000);
  let config: Extract<StorageConfig, { kind: 'blob' }>;
  beforeEach(async () => {
    config = { kind: 'blob', ...(await azuriteContainer()) };
  });
  afterEach(() => sinon.restore());

  it('writes the state as a BlobsStorage item that Bot Framework code reads back, names in any script intact', async () => {
    const write = sinon.spy(BlobsStorage.prototype, 'write');
    const state = await openBotState(await openStorage(config));
    await state.update((s) => subscribe(s, SOCIETE));
    await state.update((s) => void (s.mutes['a:personal-1|societe-generale'] = '2026-12-25T06:00:00.000Z'));
    // The first write creates the blob (only if absent); the second goes through BlobsStorage with If-Match.
    expect(write.callCount).to.equal(1);
    const items = await new BlobsStorage(config.connectionString, config.container).read([`${BOT_STATE}.json`]);
    const item = items[`${BOT_STATE}.json`] as { subscriptions: Subscription[]; mutes: Record<string, string>; eTag: string };
    expect(item.subscriptions).to.deep.equal([SOCIETE]);
    expect(item.mutes).to.deep.equal({ 'a:personal-1|societe-generale': '2026-12-25T06:00:00.000Z' });
    expect(item.eTag).to.match(/^"0x[0-9A-F]+"$/);
    const fresh = await (await openBotState(await openStorage(config))).read();
    expect(fresh.subscriptions[0]!.customer!.name).to.equal('Société Générale 株式会社');
  });

  it('asks whether the state changed before downloading it again', async () => {
    const state = await openBotState(await openStorage(config));
    await state.update((s) => subscribe(s, SOCIETE));
    await state.read();
    const read = sinon.spy(BlobsStorage.prototype, 'read');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await state.read()).subscriptions).to.have.length(1);
    expect(read.callCount).to.equal(0);
    const other = await openBotState(await openStorage(config));
    await other.update((s) => subscribe(s, { ...SOCIETE, conversationId: 'a:personal-2' }));
    read.resetHistory();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await state.read()).subscriptions.map((s) => s.conversationId)).to.deep.equal(['a:personal-1', 'a:personal-2']);
    expect(read.callCount).to.equal(1);
  });

  it('reports a failed write that is not a lost race at once, and changes nothing', async () => {
    const state = await openBotState(await openStorage(config));
    await state.update((s) => subscribe(s, SOCIETE));
    const write = sinon.stub(BlobsStorage.prototype, 'write').rejects(new Error('connect ECONNREFUSED 127.0.0.1:10000'));
    let failure: unknown = null;
    await state.update((s) => subscribe(s, { ...SOCIETE, conversationId: 'a:personal-2' })).catch((error: unknown) => (failure = error));
    expect((failure as Error | null)?.message).to.equal('connect ECONNREFUSED 127.0.0.1:10000');
    expect(write.callCount).to.equal(1);
    write.restore();
    expect((await (await openBotState(await openStorage(config))).read()).subscriptions).to.deep.equal([SOCIETE]);
  });
});
