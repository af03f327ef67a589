import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { json, readBody } from './http-bodies.js';

/** An activity the bot sent, as the connector received it. */
export interface SentActivity {
  readonly method: 'POST' | 'PUT';
  readonly conversationId: string;
  /** The activity it answers (POST .../activities/{id}) or replaces (PUT); null for a new message. */
  readonly activityId: string | null;
  /** The id this connector gave it. */
  readonly id: string;
  readonly authorization: string | null;
  readonly activity: Record<string, unknown> & { readonly type: string };
  /** When it arrived (Date.now()). */
  readonly at: number;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const CONVERSATIONS = /^\/v3\/conversations\/?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)\/?$/;

/** A failure the connector answers with instead of taking a send (tests and benchmarks inject them). */
export interface Fault {
  readonly status: number;
  /** The Bot Connector error code, e.g. ConversationBlockedByUser. */
  readonly code?: string;
  /** Seconds, sent as Retry-After. */
  readonly retryAfter?: number;
}

/** Decides per send whether it fails; called with the conversation it goes to. */
export type FaultPlan = (send: { readonly conversationId: string; readonly method: string }) => Fault | null;

/**
 * A local stand-in for the Bot Connector service (the Teams side of the wire): an HTTP server
 * that speaks the Bot Connector REST API's send, reply and update calls and records what the
 * bot sends. Point an activity's serviceUrl at it. Used by `npm run ask` and the tests.
 */
export class LocalConnector {
  readonly sent: SentActivity[] = [];
  /** Sends answered with an injected fault, in order. */
  readonly refused: { readonly conversationId: string; readonly fault: Fault }[] = [];
  /** Injected failures; null sends everything through. */
  faults: FaultPlan | null = null;
  /** Milliseconds every send takes before it is answered. */
  latencyMs = 0;
  /** Members by user id, as GET /v3/conversations/{id}/members/{userId} answers (TeamsInfo.getMember). */
  readonly members = new Map<
    string,
    { readonly id: string; readonly name: string; readonly aadObjectId?: string; readonly userPrincipalName?: string }
  >();
  /** Member lookups received, by user id. */
  readonly memberLookups: string[] = [];
  private readonly events = new EventEmitter();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(port = 0, host = '127.0.0.1'): Promise<LocalConnector> {
    let connector: LocalConnector | null = null;
    const server = createServer((req, res) => {
      void connector?.handle(req, res);
    });
    server.keepAliveTimeout = 30_000;
    server.listen(port, host);
    await once(server, 'listening');
    const { port: bound } = server.address() as AddressInfo;
    connector = new LocalConnector(server, `http://${host}:${bound}/`);
    return connector;
  }

  /** What was sent to one conversation, in order. */
  to(conversationId: string): SentActivity[] {
    return this.sent.filter((s) => s.conversationId === conversationId);
  }

  /** Resolves with the first sent activity (already received or still to come) that matches. */
  async waitFor(match: (s: SentActivity) => boolean, timeoutMs = 5000): Promise<SentActivity> {
    const seen = this.sent.find(match);
    if (seen) return seen;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('sent', listener);
        reject(new Error(`no matching activity reached the connector within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (s: SentActivity): void => {
        if (!match(s)) return;
        clearTimeout(timer);
        this.events.off('sent', listener);
        resolve(s);
      };
      this.events.on('sent', listener);
    });
  }

  clear(): void {
    this.sent.length = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://connector').pathname;
    const match = ACTIVITIES.exec(path);
    const body = await readBody(req);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (req.method === 'POST' && CONVERSATIONS.test(path)) return this.createConversation(body, req, res);
    const member = MEMBER.exec(path);
    if (req.method === 'GET' && member) return this.member(decodeURIComponent(member[2]!), res);
    if (match && this.refuse(decodeURIComponent(match[1]!), req.method ?? 'POST', res)) return;
    if (match && (req.method === 'POST' || (req.method === 'PUT' && match[2] !== undefined))) {
      let activity: SentActivity['activity'];
      try {
        activity = JSON.parse(body) as SentActivity['activity'];
      } catch {
        return json(res, 400, { error: { code: 'BadArgument', message: 'The body is not JSON.' } });
      }
      const id = req.method === 'PUT' ? decodeURIComponent(match[2]!) : `activity-${randomUUID()}`;
      const sent: SentActivity = {
        method: req.method,
        conversationId: decodeURIComponent(match[1]!),
        activityId: match[2] === undefined ? null : decodeURIComponent(match[2]),
        id,
        authorization: req.headers.authorization ?? null,
        activity,
        at: Date.now(),
      };
      this.sent.push(sent);
      this.events.emit('sent', sent);
      return json(res, req.method === 'POST' ? 201 : 200, { id });
    }
    if (match && req.method === 'DELETE') return json(res, 200, {});
    json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${path} is not served by this local connector.` } });
  }

  private member(userId: string, res: ServerResponse): void {
    this.memberLookups.push(userId);
    const found = this.members.get(userId);
    if (!found)
      return json(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'The member is not in this conversation.' } });
    json(res, 200, { ...found, email: found.userPrincipalName, userRole: 'user', tenantId: null });
  }

  /** Answers with an injected fault when the plan says so. */
  private refuse(conversationId: string, method: string, res: ServerResponse): boolean {
    const fault = this.faults?.({ conversationId, method }) ?? null;
    if (fault === null) return false;
    this.refused.push({ conversationId, fault });
    if (fault.retryAfter !== undefined) res.setHeader('Retry-After', String(fault.retryAfter));
    json(res, fault.status, { error: { code: fault.code ?? 'ServiceError', message: `Injected ${fault.status} by the local connector.` } });
    return true;
  }

  /**
   * POST /v3/conversations: a new conversation, as bots start a new post in a channel
   * (channelData.channel.id) or a chat. The activity in it is recorded as sent to that channel.
   */
  private createConversation(body: string, req: IncomingMessage, res: ServerResponse): void {
    let parameters: { channelData?: { channel?: { id?: string } }; activity?: SentActivity['activity']; members?: { id: string }[] };
    try {
      parameters = JSON.parse(body) as typeof parameters;
    } catch {
      return json(res, 400, { error: { code: 'BadArgument', message: 'The body is not JSON.' } });
    }
    const channel = parameters.channelData?.channel?.id;
    const where = channel ?? parameters.members?.[0]?.id;
    if (!where) return json(res, 400, { error: { code: 'BadArgument', message: 'Say the channel (channelData.channel.id) or a member.' } });
    if (this.refuse(where, 'POST', res)) return;
    const activityId = `activity-${randomUUID()}`;
    const id = channel ? `${channel};messageid=${activityId}` : `a:new-${randomUUID()}`;
    if (parameters.activity) {
      const sent: SentActivity = {
        method: 'POST',
        conversationId: where,
        activityId: null,
        id,
        authorization: req.headers.authorization ?? null,
        activity: parameters.activity,
        at: Date.now(),
      };
      this.sent.push(sent);
      this.events.emit('sent', sent);
    }
    json(res, 201, { id, activityId, serviceUrl: this.url });
  }
}
