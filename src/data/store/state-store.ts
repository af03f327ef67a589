/**
 * A JSON document (the bot's state, the cache) that several writers may change: each change is a
 * function applied to the newest document and written whole, so two processes (the bot and
 * `adoption alerts run`, two bot instances) never lose each other's updates. Two backends:
 * LowdbDocument (a file) and BlobDocument (a blob).
 */
export interface StateStore<S> {
  /** The document as last read; changes by another process show within a second. */
  read(): Promise<S>;
  /**
   * The document as stored now: asks the file or blob whether another process changed it. For
   * decisions a change made a moment ago by another process must not escape (who sends an alert).
   */
  latest(): Promise<S>;
  /** A token that changes whenever the document does, also when another process wrote it. */
  revision(): Promise<string>;
  /**
   * Applies `change` to the newest document and writes it; resolves with what `change` returned once
   * it is stored. `change` must be synchronous and may run more than once (after a lost race); if it
   * throws or the write fails, nothing changes.
   */
  update<T>(change: (draft: S) => T): Promise<T>;
}

/** How long a reader trusts what it last read before asking whether another process changed it. */
export const REVALIDATE_MS = 1000;

/** What a kind of document is: its empty form, how stored JSON is accepted, what to say when it is not. */
export interface DocumentRules<S> {
  empty(): S;
  /** Turns parsed JSON into the document, or throws saying why it cannot and what to do. */
  check(parsed: unknown, where: string): S;
  /** The error for a stored document that is not JSON at all, saying what to do. */
  unreadable(where: string, reason: string): Error;
}

/** Thrown when the bot's state exists but cannot be read. */
export class UnreadableStateError extends Error {}

/** The rules of the bot's state documents, stored as a file or as a blob (the word in messages). */
export function stateRules<S extends { version: number }>(empty: () => S, stored: 'file' | 'blob'): DocumentRules<S> {
  return {
    empty,
    check(parsed, where) {
      if ((parsed as { version?: unknown } | null)?.version !== empty().version) {
        throw new UnreadableStateError(`The bot's state ${stored} ${where} was written by another version of this tool. Move it aside.`);
      }
      return parsed as S;
    },
    unreadable: (where, reason) =>
      new UnreadableStateError(
        `The bot's state ${stored} ${where} cannot be read (${reason}). Move it aside; the bot then starts with no subscriptions, links or pending alerts.`,
      ),
  };
}

/**
 * Exclusive use of something shared by several processes (the alert outbox): resolves with a
 * release function, or null when another holder has it. A holder that dies loses it after a while.
 */
export type Lease = (name: string) => Promise<(() => Promise<void>) | null>;

/**
 * Records appended by one writer at a time (the holder of a lease), read back whole and cleared
 * once folded into a state document: cheap to add to while the document is large.
 */
export interface AppendLog<T> {
  append(records: readonly T[]): Promise<void>;
  /** Every record appended since the last clear, in order. */
  readAll(): Promise<T[]>;
  clear(): Promise<void>;
}
