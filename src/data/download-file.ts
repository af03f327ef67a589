import { createWriteStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';

/** Why a file could not be fetched, said so that the person who sent it knows what to do. */
export class DownloadError extends Error {}

const megabytes = (bytes: number): string => `${Math.ceil(bytes / 2 ** 20)} MB`;

/** Stops a download that runs past `maxBytes`, whatever its Content-Length said. */
function capped(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) done(new DownloadError(`is over the ${megabytes(maxBytes)} a file sent in chat may have`));
      else done(null, chunk);
    },
  });
}

/**
 * Fetches a file to `path`, streamed: at most `maxBytes`, within `timeoutMs`. The link Teams
 * gives for a file sent to a bot is signed and short-lived, so a refused link says to send it again.
 */
export async function downloadFile(url: string, path: string, maxBytes: number, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new DownloadError(`could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    const expired = response.status === 401 || response.status === 403 || response.status === 404;
    throw new DownloadError(`could not be fetched: HTTP ${response.status}${expired ? ' (its link lasts a few minutes)' : ''}`);
  }
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (length > maxBytes) {
    await response.body?.cancel();
    throw new DownloadError(`is ${megabytes(length)}, over the ${megabytes(maxBytes)} a file sent in chat may have`);
  }
  const body = response.body === null ? Readable.from([]) : Readable.fromWeb(response.body as ReadableStream<Uint8Array>);
  try {
    await pipeline(body, capped(maxBytes), createWriteStream(path));
  } catch (error) {
    throw error instanceof DownloadError ? error : new DownloadError(`could not be fetched whole (${(error as Error).message})`);
  }
}
