import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { cardToText } from '../cards/card-text.js';
import { LocalConnector, type SentActivity } from './local-connector.js';

/**
 * `npm run ask -- "adoption for Contoso"`: sends one message to a running bot through its
 * /api/messages endpoint, as Teams would, catches the reply with a local connector, and prints
 * it as text. Handy for scripts and support.
 */

const USAGE = `Usage: npm run ask -- [options] "what to ask"

Options:
  --bot URL          the bot's messaging endpoint (default http://127.0.0.1:$PORT/api/messages, PORT 3978)
  --scope SCOPE      personal (default), groupChat or channel: the last two @mention the bot, as Teams does
  --conversation ID  the same ID on each call is one conversation, whose settings ("alerts on") stay and whose
                     last answer "more" or "and Fabrikam?" go on from; a new one each call by default
  --json             print the activities the bot sent, as JSON, instead of text
  -h, --help         this text`;

const OPTIONS = {
  bot: { type: 'string', default: `http://127.0.0.1:${process.env['PORT'] ?? 3978}/api/messages` },
  scope: { type: 'string', default: 'personal' },
  conversation: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function describe(sent: SentActivity): string | null {
  const { activity } = sent;
  if (activity.type !== 'message') return null;
  const parts: string[] = [];
  if (typeof activity['text'] === 'string' && activity['text'] !== '') parts.push(activity['text']);
  const attachments = Array.isArray(activity['attachments']) ? (activity['attachments'] as { content?: unknown }[]) : [];
  for (const a of attachments) parts.push(cardToText(a.content));
  return parts.join('\n');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: OPTIONS, allowPositionals: true });
  } catch (error) {
    // Node's message goes on to explain "--" for positionals starting with "-"; its first sentence says it.
    console.error(`${(error as Error).message.split('. ')[0]}.\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const text = positionals.join(' ').trim();
  const scope = values.scope;
  if (text === '' || !['personal', 'groupChat', 'channel'].includes(scope)) {
    console.error(text === '' ? USAGE : `Unknown --scope "${scope}".\n\n${USAGE}`);
    return 2;
  }
  const connector = await LocalConnector.start();
  try {
    const conversationId = values.conversation ?? `ask-${randomUUID()}`;
    const botId = '28:adoption-bot';
    const mention = scope === 'personal' ? '' : '<at>Adoption</at> ';
    const activity = {
      type: 'message',
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: '29:ask-cli', name: 'npm run ask' },
      recipient: { id: botId, name: 'Adoption' },
      conversation: { id: conversationId, conversationType: scope, isGroup: scope !== 'personal' },
      text: `${mention}${text}`,
      textFormat: 'plain',
      locale: 'en-US',
      entities: mention === '' ? [] : [{ type: 'mention', text: '<at>Adoption</at>', mentioned: { id: botId, name: 'Adoption' } }],
    };
    let response: Response;
    try {
      response = await fetch(values.bot, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
    } catch (error) {
      console.error(`No bot answers at ${values.bot} (${(error as Error).message}). Start it with "npm start", or pass --bot URL.`);
      return 1;
    }
    if (response.status === 401) {
      console.error(
        `The bot at ${values.bot} wants a Bot Framework token (MicrosoftAppId is set there); "ask" talks to bots in local mode only.`,
      );
      return 1;
    }
    if (!response.ok) {
      console.error(`The bot answered HTTP ${response.status}: ${await response.text()}`);
      return 1;
    }
    // The adapter answers the POST once the turn is over, so every reply has reached the connector.
    const replies = connector.to(conversationId);
    if (values.json) {
      console.log(
        JSON.stringify(
          replies.map((r) => r.activity),
          null,
          2,
        ),
      );
    } else {
      const shown = replies.map(describe).filter((t): t is string => t !== null);
      console.log(shown.length > 0 ? shown.join('\n\n') : '(the bot did not reply)');
    }
    return 0;
  } finally {
    await connector.close();
  }
}

process.exitCode = await main();
