import type { SendLimits } from '../../src/proactive/rate-gate.js';
import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/bot/start-bot.js';
import { createLogger, type Logger } from '../../src/logging/logger.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { LocalConnector, type SentActivity } from '../../src/tools/local-connector.js';
import { tempStore, type TempStore } from '../helpers.js';
import { openBotState, type BotStateStore } from '../../src/proactive/bot-state.js';
import { openStorage, type Storage, type StorageConfig } from '../../src/data/store/storage.js';
import type { Backend } from '../shared-azurite.js';

/** The bot on a real port with the demo portfolio, a local Bot Connector catching its replies. */

export const NOW = new Date('2026-11-25T12:00:00.000Z');
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = { id: '28:9e0c5e2b-3c35-4a1b-9c62-0d1bb0a0b0b0', name: 'Adoption' };
export const USER = { id: '29:1Xy-megan', name: 'Megan Bowen', aadObjectId: '4a1e7c4e-1f5c-4a0e-8d2f-6f3e1a9b2c3d' };

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface Harness {
  readonly connector: LocalConnector;
  readonly bot: RunningBot;
  readonly t: TempStore;
  /** Error-level log entries. */
  readonly errors: LogEntry[];
  /** Every log entry. */
  readonly log: LogEntry[];
  readonly state: BotStateStore;
  readonly storage: Storage;
  /** Where the storage is, to open another instance on it (a restart, a second process). */
  readonly storageConfig: StorageConfig;
  /** The environment a CLI process needs to use the same storage. */
  readonly storageEnv: Readonly<Record<string, string>>;
  post(activity: object, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** Sends a Teams message and returns what the bot sent back to that conversation. */
  say(text: string, options?: { scope?: Scope; mention?: boolean; conversationId?: string }): Promise<SentActivity[]>;
  /** A card's Action.Execute: a press (manual), or Teams refreshing a card someone looks at (automatic). */
  invoke(
    verb: string,
    data: object,
    options?: { scope?: Scope; conversationId?: string; trigger?: 'manual' | 'automatic' },
  ): Promise<{ status: number; body: InvokeBody }>;
  close(): Promise<void>;
}

export interface InvokeBody {
  readonly statusCode: number;
  readonly type: string;
  readonly value: Record<string, unknown>;
}

export function conversationFor(scope: Scope, id: string = randomUUID()): object {
  if (scope === 'personal') return { id: `a:1personal-${id}`, conversationType: 'personal', tenantId: TENANT };
  if (scope === 'groupChat') return { id: `19:group-${id}@thread.v2`, conversationType: 'groupChat', isGroup: true, tenantId: TENANT };
  return { id: `19:channel-${id}@thread.tacv2;messageid=1732530000000`, conversationType: 'channel', isGroup: true, tenantId: TENANT };
}

export function channelData(scope: Scope): object {
  const base = { tenant: { id: TENANT } };
  if (scope !== 'channel') return base;
  return {
    ...base,
    teamsChannelId: '19:general@thread.tacv2',
    teamsTeamId: '19:team@thread.tacv2',
    channel: { id: '19:general@thread.tacv2' },
    team: { id: '19:team@thread.tacv2', name: 'Account team' },
  };
}

/** A message as Teams sends it: mentions in text and entities, tenant in channelData. */
export function teamsMessage(serviceUrl: string, text: string, scope: Scope, mention: boolean, conversation: object): object {
  const at = `<at>${BOT.name}</at>`;
  return {
    type: 'message',
    id: `1732530${Math.floor(Math.random() * 1e6)}`,
    timestamp: NOW.toISOString(),
    localTimestamp: NOW.toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: USER,
    conversation,
    recipient: BOT,
    text: mention ? `${at} ${text}` : text,
    textFormat: 'plain',
    locale: 'en-US',
    entities: [
      ...(mention ? [{ type: 'mention', text: at, mentioned: BOT }] : []),
      { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/London' },
    ],
    channelData: channelData(scope),
  };
}

/** A log entry as pino writes it. */
export type LogEntry = Record<string, unknown> & { level: number; msg: string };

/** A logger that keeps its entries; errors (level 50 and up) also go to `errors`. */
export const quietLogger = (errors: LogEntry[], entries: LogEntry[] = []): Logger =>
  createLogger({
    destination: {
      write(line: string) {
        const entry = JSON.parse(line) as LogEntry;
        entries.push(entry);
        if (entry.level >= 50) errors.push(entry);
      },
    },
  });

export async function startHarness(
  options: { env?: Record<string, string>; demo?: boolean; clock?: () => Date; storage?: Backend; limits?: SendLimits } = {},
): Promise<Harness> {
  const t = await tempStore(options.storage);
  const { config: storageConfig, env: storageEnv } = t;
  // The bot's cache is the harness's own, so a test's writes show at once.
  const storage: Storage = { ...(await openStorage(storageConfig)), cache: t.store };
  if (options.demo !== false) await loadDemo(storage.cache, NOW);
  const config: Config = { ...loadConfig({ ...storageEnv, ...options.env }), port: 0 };
  const errors: LogEntry[] = [];
  const log: LogEntry[] = [];
  const connector = await LocalConnector.start();
  const state = await openBotState(storage);
  const bot = await startBot({
    config,
    storage,
    state,
    logger: quietLogger(errors, log),
    host: '127.0.0.1',
    clock: options.clock ?? (() => NOW),
    ...(options.limits ? { limits: options.limits } : {}),
  });

  const post = async (activity: object, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };

  return {
    connector,
    bot,
    t,
    state,
    storage,
    storageConfig,
    storageEnv,
    errors,
    log,
    post,
    async say(text, { scope = 'personal', mention = scope !== 'personal', conversationId } = {}) {
      const conversation = conversationFor(scope, conversationId);
      const id = (conversation as { id: string }).id;
      const { status } = await post(teamsMessage(connector.url, text, scope, mention, conversation));
      if (status !== 200) throw new Error(`the bot answered HTTP ${status}`);
      return connector.to(id);
    },
    async invoke(verb, data, { scope = 'personal', conversationId, trigger = 'manual' } = {}) {
      const activity = {
        ...teamsMessage(connector.url, '', scope, false, conversationFor(scope, conversationId)),
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        value: { action: { type: 'Action.Execute', verb, data }, trigger },
      };
      const { status, body } = await post(activity);
      return { status, body: body as InvokeBody };
    },
    async close() {
      await bot.close();
      await connector.close();
      await t.dispose();
    },
  };
}

/** The Adaptive Card in a sent message. */
export function cardOf(sent: SentActivity | undefined): Record<string, unknown> {
  const attachments = sent?.activity['attachments'] as { contentType: string; content: Record<string, unknown> }[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`expected an Adaptive Card, got ${JSON.stringify(sent?.activity)}`);
  return card.content;
}

/** Every text a person would read on the card, in order (TextBlock, TextRun, facts, chart fallbacks excluded). */
export function textsOf(node: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown, inFallback: boolean): void => {
    if (Array.isArray(n)) return n.forEach((x) => walk(x, inFallback));
    if (typeof n !== 'object' || n === null) return;
    const o = n as Record<string, unknown>;
    if (!inFallback && (o['type'] === 'TextBlock' || o['type'] === 'TextRun') && typeof o['text'] === 'string') out.push(o['text']);
    if (!inFallback && typeof o['title'] === 'string' && typeof o['value'] === 'string') out.push(`${o['title']}: ${o['value']}`);
    for (const [k, v] of Object.entries(o)) walk(v, inFallback || k === 'fallback');
  };
  walk(node, false);
  return out;
}

/** Action.Execute buttons anywhere on the card. */
export function buttonsOf(card: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n !== 'object' || n === null) return;
    const o = n as Record<string, unknown>;
    if (o['type'] === 'Action.Execute')
      out.push({ title: String(o['title']), verb: String(o['verb']), data: (o['data'] ?? {}) as Record<string, unknown> });
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/** The first element of a type, depth first. */
export function elementOf(
  card: unknown,
  type: string,
  where: (o: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  let found: Record<string, unknown> | null = null;
  const walk = (n: unknown): void => {
    if (found) return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n !== 'object' || n === null) return;
    const o = n as Record<string, unknown>;
    if (o['type'] === type && where(o)) {
      found = o;
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${type} on the card`);
  return found;
}
