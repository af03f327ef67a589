import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { BACKENDS } from '../shared-azurite.js';
import { conversationFor, startHarness, teamsMessage, TENANT, type Harness } from './harness.js';

const APP_ID = '9e0c5e2b-3c35-4a1b-9c62-0d1bb0a0b0b0';
const KID = 'bf-signing-key-1';

/** A stand-in for Bot Framework's OpenID metadata: one published RSA key, endorsed for Teams. */
async function keyServer(publicKey: CryptoKey): Promise<{ url: string; server: Server }> {
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, use: 'sig', endorsements: ['msteams'] };
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/.well-known/keys` }));
    } else if (req.url === '/v1/.well-known/keys') res.end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`, server };
}

/** A token as the Bot Connector service signs it for this bot and this service URL. */
function channelToken(key: CryptoKey, serviceUrl: string, audience = APP_ID): Promise<string> {
  return new SignJWT({ serviceurl: serviceUrl })
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .setIssuer('https://api.botframework.com')
    .setAudience(audience)
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime('1h')
    .sign(key);
}

for (const backend of BACKENDS) {
  describe(`the bot with a Microsoft App ID: Bot Framework tokens (${backend})`, () => {
    let h: Harness;
    let keys: { url: string; server: Server };
    let signing: CryptoKey;
    let stranger: CryptoKey;

    before(async () => {
      const published = await generateKeyPair('RS256');
      signing = published.privateKey;
      stranger = (await generateKeyPair('RS256')).privateKey;
      keys = await keyServer(published.publicKey);
      h = await startHarness({
        storage: backend,
        env: {
          MicrosoftAppId: APP_ID,
          MicrosoftAppPassword: 'not-a-real-secret',
          ADOPTION_ALLOWED_TENANTS: TENANT,
          ToBotFromChannelOpenIdMetadataUrl: keys.url,
        },
      });
    });
    after(async () => {
      await h.close();
      keys.server.close();
    });

    /** A channel message that needs no reply (no @mention), so an accepted one only leaves a remembered conversation. */
    const quietMessage = (): { activity: object; id: string } => {
      const conversation = conversationFor('channel') as { id: string };
      return { activity: teamsMessage(h.connector.url, 'portfolio', 'channel', false, conversation), id: conversation.id };
    };
    const remembered = async (): Promise<number> => Object.keys((await h.state.read()).conversations).length;

    it('refuses with 401, before any handler, a request without a token, with a malformed one, or one signed by another key', async () => {
      const { activity } = quietMessage();
      const forged = await channelToken(stranger, h.connector.url);
      const statuses = [
        (await h.post(activity)).status,
        (await h.post(activity, { authorization: 'Bearer not.a.jwt' })).status,
        (await h.post(activity, { authorization: 'Bearer' })).status,
        (await h.post(activity, { authorization: `Bearer ${forged}` })).status,
        (await h.post(activity, { authorization: `Bearer ${await channelToken(signing, h.connector.url, 'another-bot')}` })).status,
      ];
      expect(statuses).to.deep.equal([401, 401, 401, 401, 401]);
      expect(await remembered()).to.equal(0);
      expect(h.connector.sent).to.deep.equal([]);
    });

    it('accepts a token signed by the published key for this bot (so the refusals above are about the token)', async () => {
      const { activity, id } = quietMessage();
      const { status } = await h.post(activity, { authorization: `Bearer ${await channelToken(signing, h.connector.url)}` });
      expect(status).to.equal(200);
      expect(await remembered()).to.equal(1);
      expect(Object.values((await h.state.read()).conversations)[0]!.tenantId).to.equal(TENANT);
      expect(id).to.match(/^19:channel-/);
    });
  });
}
