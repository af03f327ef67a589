import { expect } from 'chai';
import { BACKENDS } from '../shared-azurite.js';
import { conversationFor, startHarness, teamsMessage, type Harness } from './harness.js';

/** A raw POST to /api/messages: any body, any content type. */
async function raw(h: Harness, body: string | Uint8Array, contentType = 'application/json'): Promise<{ status: number; text: string }> {
  const response = await fetch(`${h.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, text: await response.text() };
}

for (const backend of BACKENDS) {
  describe(`the HTTP edge with bad input (${backend})`, () => {
    let h: Harness;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    before(async () => {
      process.on('unhandledRejection', onRejection);
      h = await startHarness({ storage: backend });
    });
    after(async () => {
      process.off('unhandledRejection', onRejection);
      await h.close();
    });

    const message = (): Record<string, unknown> =>
      teamsMessage(h.connector.url, 'portfolio', 'personal', false, conversationFor('personal')) as Record<string, unknown>;

    it('answers 400, 413 or 200-ignored, never 5xx, and stays up', async () => {
      const valid = message();
      const cases: [string, Promise<{ status: number; text: string }>][] = [
        ['not JSON', raw(h, '{"type": "message", ')],
        ['a JSON array', raw(h, '[1, 2, 3]')],
        ['a JSON string', raw(h, '"message"')],
        ['text/plain', raw(h, JSON.stringify(valid), 'text/plain')],
        ['form encoded', raw(h, 'type=message', 'application/x-www-form-urlencoded')],
        [
          'multipart upload',
          raw(
            h,
            '--x\r\nContent-Disposition: form-data; name="f"; filename="a.sh"\r\n\r\nrm -rf /\r\n--x--\r\n',
            'multipart/form-data; boundary=x',
          ),
        ],
        ['over 256 KB', raw(h, JSON.stringify({ ...valid, text: 'x'.repeat(300 * 1024) }))],
        ['no type', raw(h, JSON.stringify({ ...valid, type: undefined }))],
        ['type is a number', raw(h, JSON.stringify({ ...valid, type: 5 }))],
        ['no serviceUrl', raw(h, JSON.stringify({ ...valid, serviceUrl: undefined }))],
        ['serviceUrl not a URL', raw(h, JSON.stringify({ ...valid, serviceUrl: 'file:///etc/passwd' }))],
        ['no conversation', raw(h, JSON.stringify({ ...valid, conversation: undefined }))],
        ['conversation is a string', raw(h, JSON.stringify({ ...valid, conversation: 'a:1' }))],
        ['no recipient', raw(h, JSON.stringify({ ...valid, recipient: undefined }))],
        ['text is an object', raw(h, JSON.stringify({ ...valid, text: { evil: true } }))],
        ['entities is a string', raw(h, JSON.stringify({ ...valid, entities: 'mention' }))],
        ['unknown activity type', raw(h, JSON.stringify({ ...valid, type: 'somethingNew' }))],
        ['unknown invoke', raw(h, JSON.stringify({ ...valid, type: 'invoke', name: 'task/fetch', value: { data: 1 } }))],
        ['card action with no value', raw(h, JSON.stringify({ ...valid, type: 'invoke', name: 'adaptiveCard/action', value: null }))],
        ['search with no parameters', raw(h, JSON.stringify({ ...valid, type: 'invoke', name: 'composeExtension/query', value: {} }))],
      ];
      const statuses: Record<string, number> = {};
      for (const [name, answer] of cases) statuses[name] = (await answer).status;
      expect(statuses).to.deep.equal({
        'not JSON': 400,
        'a JSON array': 400,
        'a JSON string': 400,
        'text/plain': 400,
        'form encoded': 400,
        'multipart upload': 400,
        'over 256 KB': 413,
        'no type': 400,
        'type is a number': 400,
        'no serviceUrl': 400,
        'serviceUrl not a URL': 400,
        'no conversation': 400,
        'conversation is a string': 400,
        'no recipient': 400,
        'text is an object': 400,
        'entities is a string': 400,
        'unknown activity type': 200,
        'unknown invoke': 200,
        'card action with no value': 400,
        'search with no parameters': 200,
      });
      expect((await fetch(`${h.bot.url}/healthz`)).status).to.equal(200);
      expect(h.errors.map((e) => e.msg)).to.deep.equal([]);
      expect(rejections).to.deep.equal([]);
    });

    it('says what is missing, so a client author can fix it', async () => {
      const { status, text } = await raw(h, JSON.stringify({ type: 'message', text: 'hi' }));
      expect(status).to.equal(400);
      expect(JSON.parse(text)).to.deep.equal({
        error: {
          code: 'BadRequest',
          message:
            'The activity lacks or has a wrong: channelId (a non-empty string), serviceUrl (an http(s) URL), conversation.id (an object with an id), recipient.id (an object with an id).',
        },
      });
    });
  });
}
