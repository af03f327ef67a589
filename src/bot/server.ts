import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import { activityProblems } from './activity-shape.js';

/** Teams activities are a few KB; a card action or a long message stays far below this. */
export const MAX_BODY_BYTES = 256 * 1024;

function refuse(res: restify.Response, status: number, message: string): void {
  if (!res.headersSent) res.send(status, { error: { code: 'BadRequest', message } });
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:3978 */
  readonly url: string;
  close(): Promise<void>;
}

/** restify: POST /api/messages through the adapter, GET /healthz for probes. */
export async function startServer(options: {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  readonly port: number;
  readonly host?: string;
  readonly logger: Logger;
  readonly health?: () => Promise<Record<string, unknown>>;
}): Promise<RunningServer> {
  const { adapter, bot, logger } = options;
  const server = restify.createServer({ name: 'adoption-bot', handleUncaughtExceptions: false });
  // JSON only: restify's full bodyParser would also take multipart uploads (formidable) and forms.
  server.use(restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES }));
  server.use(restify.plugins.jsonBodyParser({ mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    if (!req.is('application/json')) return refuse(res, 400, 'Content-Type must be application/json.');
    const problems = activityProblems(req.body);
    if (problems.length > 0) return refuse(res, 400, `The activity lacks or has a wrong: ${problems.join(', ')}.`);
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (error) {
      // botbuilder's own checks of the activity's fields (zod) throw before it answers.
      if (error instanceof Error && error.name === 'ZodError') return refuse(res, 400, 'The activity has fields of the wrong type.');
      throw error;
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok', ...(await options.health?.()) });
  });

  // Client mistakes (404, 405 for the playground's HEAD probe) are answered by restify and not worth a log line.
  server.on('restifyError', (req: restify.Request, _res: unknown, error: Error & { statusCode?: number }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500) logger.error({ err: error, requestId: req.getId() }, 'HTTP error.');
    callback();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = options.host === undefined || options.host === '0.0.0.0' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}
