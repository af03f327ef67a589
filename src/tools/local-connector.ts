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
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/**
 * A local stand-in for the Bot Connector service (the Teams side of the wire): an HTTP server
 * that speaks the Bot Connector REST API's send, reply and update calls and records what the
 * bot sends. Point an activity's serviceUrl at it. Used by `npm run ask` and the tests.
 */
export class LocalConnector {
  readonly sent: SentActivity[] = [];
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
      };
      this.sent.push(sent);
      this.events.emit('sent', sent);
      return json(res, req.method === 'POST' ? 201 : 200, { id });
    }
    if (match && req.method === 'DELETE') return json(res, 200, {});
    json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${path} is not served by this local connector.` } });
  }
}
