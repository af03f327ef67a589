import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../logging/logger.js';

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
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
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
