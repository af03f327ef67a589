import type { BlockBlobClient } from '@azure/storage-blob';

/** An HTTP status from the storage service, when an error carries one. */
export function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | null)?.statusCode;
}

interface Change<S> {
  apply(draft: S): unknown;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/** How long a reader trusts what it last read before asking whether the blob changed. */
const CHECK_MS = 1000;
/** Writers racing for one blob retry this many times before giving up (each retry re-reads). */
const MAX_ATTEMPTS = 50;

/**
 * One JSON document in a block blob, shared by every instance of the bot. Reads are cached and
 * revalidated at most once a second with a conditional GET (If-None-Match). Writes are optimistic:
 * a change is applied to the newest document and uploaded with If-Match on the ETag it was read
 * at; when another instance wrote in between (412), the change is applied again to what that
 * instance wrote. So no instance silently loses another's update. Changes that arrive while a
 * write is under way go together in the next one.
 */
export class BlobDocument<S> {
  private data: S;
  private etag: string | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private readonly pending: Change<S>[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly blob: BlockBlobClient,
    private readonly empty: () => S,
    /** Turns parsed JSON into the document, or throws saying why it cannot. */
    private readonly check: (parsed: unknown, where: string) => S,
    /** The error for a blob that is not JSON at all, saying what to do. */
    private readonly unreadable: (where: string, reason: string) => Error,
  ) {
    this.data = empty();
  }

  /** The document as last read; another instance's writes show within a second. */
  async read(): Promise<S> {
    if (performance.now() - this.checkedAt >= CHECK_MS) await this.refresh();
    return this.data;
  }

  /** The ETag of the document as last read (null while the blob does not exist). */
  async revision(): Promise<string> {
    await this.read();
    return this.etag ?? 'none';
  }

  /**
   * Applies `change` to the newest document and writes it; resolves with what `change` returned
   * once written. `change` must be synchronous and may run more than once (after a lost race).
   */
  update<T>(change: (draft: S) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ apply: change, resolve: resolve as (r: unknown) => void, reject });
      this.flushing ??= this.flush().finally(() => (this.flushing = null));
    });
  }

  private async refresh(): Promise<void> {
    this.checkedAt = performance.now();
    try {
      const response = await this.blob.download(0, undefined, this.etag === null ? {} : { conditions: { ifNoneMatch: this.etag } });
      const text = await streamText(response.readableStreamBody);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw this.unreadable(this.blob.url, (error as Error).message);
      }
      this.data = this.check(parsed, this.blob.url);
      this.etag = response.etag ?? null;
    } catch (error) {
      const status = statusOf(error);
      if (status === 304) return;
      if (status === 404) {
        this.data = this.empty();
        this.etag = null;
        return;
      }
      throw error;
    }
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        const results = await this.write(batch);
        batch.forEach((c, i) => c.resolve(results[i]));
      } catch (error) {
        batch.forEach((c) => c.reject(error));
      }
    }
  }

  private async write(batch: readonly Change<S>[]): Promise<unknown[]> {
    for (let attempt = 1; ; attempt++) {
      await this.refresh();
      // Applied to a copy, so a change that throws or a write that loses leaves the cache as read.
      const draft = structuredClone(this.data);
      const results = batch.map((c) => c.apply(draft));
      const text = JSON.stringify(draft);
      try {
        const response = await this.blob.upload(text, Buffer.byteLength(text), {
          conditions: this.etag === null ? { ifNoneMatch: '*' } : { ifMatch: this.etag },
          blobHTTPHeaders: { blobContentType: 'application/json' },
        });
        this.data = draft;
        this.etag = response.etag ?? null;
        this.checkedAt = performance.now();
        return results;
      } catch (error) {
        const status = statusOf(error);
        const lostRace = status === 412 || status === 409;
        if (!lostRace || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * attempt)));
      }
    }
  }
}

async function streamText(body: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!body) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
