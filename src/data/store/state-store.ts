/**
 * A small document of state (the bot's conversations, subscriptions, links and alert outbox) that
 * several writers may change: each change is a function applied to the newest state and written
 * whole, so two processes (the bot and `adoption alerts run`) never lose each other's updates.
 */
export interface StateStore<S> {
  /** The state as last read; changes by another process show within a second. */
  read(): Promise<S>;
  /**
   * Applies `change` to the newest state and writes it; resolves with what `change` returned once
   * it is on disk. `change` must be synchronous; if it throws or the write fails, nothing changes.
   */
  update<T>(change: (draft: S) => T): Promise<T>;
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
