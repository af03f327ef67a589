import { randomBytes } from 'node:crypto';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** Where the bot writes what happened: JSON lines (pino), one object per event. */
export type Logger = PinoLogger;

/**
 * What of an error reaches the log: its kind, message, code and stack, never its other fields.
 * HTTP client errors carry the request they failed on, with its Authorization header; a plain
 * copy of the error would write the token into the log.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; statusCode?: unknown };
  return {
    type: e.name,
    message: e.message,
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    ...(e.stack === undefined ? {} : { stack: e.stack }),
  };
}

/** Fields that hold secrets wherever they appear in a log object (one level deep, or under headers). */
const REDACTED = [
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'clientSecret',
  '*.clientSecret',
  'refreshToken',
  '*.refreshToken',
  'token',
  '*.token',
  'access_token',
  '*.access_token',
];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env['LOG_LEVEL'] ?? 'info',
      base: { service: 'adoption-bot' },
      redact: { paths: REDACTED, censor: '[redacted]' },
      serializers: { err: safeError, error: safeError },
    },
    options.destination,
  );
}

/** A short id that ties what a user is told to the log lines about it ("give your admin this reference"). */
export function correlationId(): string {
  return randomBytes(5).toString('hex');
}
