import type { BlockBlobClient } from '@azure/storage-blob';
import { GroupCommit } from './group-commit.js';
import { REVALIDATE_MS, type DocumentRules, type StateStore } from './state-store.js';

/** An HTTP status from the storage service, when an error carries one. */
export function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | null)?.statusCode;
}

/** What a conditional read of a document's blob found. */
export type Fetched =
  { readonly kind: 'absent' } | { readonly kind: 'unchanged' } | { readonly kind: 'read'; readonly parsed: unknown; readonly etag: string };

/** A write that found the blob changed (or created) by another instance since it was read. */
export class LostRace extends Error {
  constructor(url: string) {
    super(`${url} was changed by another instance`);
    this.name = 'LostRace';
  }
}

/** A blob whose content is not JSON: `reason` is the parser's message. */
export class BlobNotJson extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BlobNotJson';
  }
}

/**
 * Where a document's JSON lives, read and written on condition of its ETag. Two kinds: a block
 * blob written with `@azure/storage-blob` (the cache) and the Bot Framework's BlobsStorage (the
 * bot's state, `bot-framework-blob.ts`).
 */
export interface DocumentBlob {
  readonly url: string;
  /** The document, or 'unchanged' while the blob is still at `etag` (null: read it whatever it is). */
  fetch(etag: string | null): Promise<Fetched>;
  /**
   * Writes `value` only if the blob is still at `etag` (null: only if it does not exist yet).
   * Resolves with the new ETag, or null when the store does not tell it; throws LostRace when
   * another instance wrote first.
   */
  store(value: unknown, etag: string | null): Promise<string | null>;
}

/** A document in a block blob, read with If-None-Match and written with If-Match / If-None-Match: *. */
export function blockBlob(blob: BlockBlobClient): DocumentBlob {
  return {
    url: blob.url,
    async fetch(etag) {
      try {
        const response = await blob.download(0, undefined, etag === null ? {} : { conditions: { ifNoneMatch: etag } });
        const text = await streamText(response.readableStreamBody);
        return { kind: 'read', parsed: parseJson(text), etag: response.etag ?? '' };
      } catch (error) {
        const status = statusOf(error);
        if (status === 304) return { kind: 'unchanged' };
        if (status === 404) return { kind: 'absent' };
        throw error;
      }
    },
    async store(value, etag) {
      const text = JSON.stringify(value);
      try {
        const response = await blob.upload(text, Buffer.byteLength(text), {
          conditions: etag === null ? { ifNoneMatch: '*' } : { ifMatch: etag },
          blobHTTPHeaders: { blobContentType: 'application/json' },
        });
        return response.etag ?? null;
      } catch (error) {
        const status = statusOf(error);
        if (status === 412 || status === 409) throw new LostRace(blob.url);
        throw error;
      }
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BlobNotJson((error as Error).message);
  }
}

/** Writers racing for one blob retry this many times before giving up (each retry re-reads). */
const MAX_ATTEMPTS = 50;

/**
 * One JSON document in a blob, shared by every instance of the bot. Reads are cached and
 * revalidated at most once a second. Writes are optimistic: a change is applied to the newest
 * document and written on condition of the ETag it was read at; when another instance wrote in
 * between, the change is applied again to what that instance wrote. So no instance silently loses
 * another's update. Changes that arrive while a write is under way go together in the next one
 * (GroupCommit).
 */
export class BlobDocument<S> implements StateStore<S> {
  private data: S;
  /** The ETag the cached document was read or written at; null while the blob does not exist or after a write whose ETag is unknown. */
  private etag: string | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private readonly changes = new GroupCommit<(draft: S) => unknown>((batch) => this.write(batch));

  constructor(
    private readonly blob: DocumentBlob,
    private readonly rules: DocumentRules<S>,
  ) {
    this.data = rules.empty();
  }

  /** The document as last read; another instance's writes show within a second. */
  async read(): Promise<S> {
    return performance.now() - this.checkedAt >= REVALIDATE_MS ? this.latest() : this.data;
  }

  async latest(): Promise<S> {
    await this.refresh();
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
    return this.changes.submit(change);
  }

  private async refresh(): Promise<void> {
    this.checkedAt = performance.now();
    let fetched: Fetched;
    try {
      fetched = await this.blob.fetch(this.etag);
    } catch (error) {
      if (error instanceof BlobNotJson) throw this.rules.unreadable(this.blob.url, error.reason);
      throw error;
    }
    if (fetched.kind === 'unchanged') return;
    if (fetched.kind === 'absent') {
      this.data = this.rules.empty();
      this.etag = null;
      return;
    }
    this.data = this.rules.check(fetched.parsed, this.blob.url);
    this.etag = fetched.etag;
  }

  private async write(batch: readonly ((draft: S) => unknown)[]): Promise<unknown[]> {
    for (let attempt = 1; ; attempt++) {
      await this.refresh();
      // Applied to a copy, so a change that throws or a write that loses leaves the cache as read.
      const draft = structuredClone(this.data);
      const results = batch.map((change) => change(draft));
      try {
        const etag = await this.blob.store(draft, this.etag);
        this.data = draft;
        this.etag = etag;
        // Without the new ETag the next read must fetch the document whole to learn it.
        this.checkedAt = etag === null ? Number.NEGATIVE_INFINITY : performance.now();
        return results;
      } catch (error) {
        if (!(error instanceof LostRace) || attempt >= MAX_ATTEMPTS) throw error;
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
