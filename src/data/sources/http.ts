import pRetry, { AbortError } from 'p-retry';

/** An HTTP answer that was not a success, with what the service said. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    readonly url: string,
    /** Milliseconds the service asked to wait (Retry-After), when it said. */
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }

  get retriable(): boolean {
    return this.status === 429 || this.status === 408 || this.status >= 500;
  }
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function errorFrom(response: Response): Promise<HttpError> {
  const text = await response.text().catch(() => '');
  let code: string | null = null;
  let message = text.slice(0, 300);
  try {
    const body = JSON.parse(text) as {
      error?: { code?: string; message?: string } | string;
      code?: unknown;
      description?: string;
      error_description?: string;
    };
    if (typeof body.error === 'object' && body.error !== null) {
      code = body.error.code ?? null;
      message = body.error.message ?? message;
    } else if (typeof body.error === 'string') {
      code = body.error;
      message = body.error_description ?? message;
    } else if (body.description) {
      code = body.code === undefined ? null : String(body.code);
      message = body.description;
    }
  } catch {
    // not JSON: keep the text
  }
  return new HttpError(response.status, code, message, response.url, retryAfterMs(response.headers.get('retry-after')));
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly minDelayMs: number;
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, minDelayMs: 500, timeoutMs: 60_000 };

/**
 * One request with retries (p-retry: exponential back-off with jitter) on 429, 408, 5xx and network
 * errors, waiting at least what Retry-After asks; other errors fail at once (p-retry rethrows the
 * HttpError inside the AbortError).
 */
export async function send(url: string, init: RequestInit, policy: RetryPolicy = DEFAULT_RETRY): Promise<Response> {
  return pRetry(
    async () => {
      let response: Response;
      try {
        response = await fetch(url, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
      } catch (error) {
        const reason = (error as Error).name === 'TimeoutError' ? `timed out after ${policy.timeoutMs / 1000} s` : (error as Error).message;
        throw new HttpError(0, 'NetworkError', reason, url, null);
      }
      if (response.ok) return response;
      const error = await errorFrom(response);
      throw error.retriable ? error : new AbortError(error);
    },
    {
      retries: policy.attempts - 1,
      minTimeout: policy.minDelayMs,
      factor: 2,
      randomize: true,
      onFailedAttempt: async (error) => {
        const wait = (error as unknown as HttpError).retryAfterMs;
        if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      },
    },
  );
}
