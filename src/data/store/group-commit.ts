interface Waiting<C> {
  readonly change: C;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit: changes that arrive while a write is under way are written together, in order, in
 * the next one. Each change resolves with its own result once its write is done; a failed write
 * rejects exactly the changes it carried. A change submitted the moment the previous write
 * resolves starts the next write (the writer is marked idle before any caller resumes).
 */
export class GroupCommit<C> {
  private readonly waiting: Waiting<C>[] = [];
  private running: Promise<void> | null = null;

  /**
   * `write` writes a batch and resolves with one result per change. `take` picks the next batch from
   * the front of what is waiting (default: all of it).
   */
  constructor(
    private readonly write: (batch: readonly C[]) => Promise<readonly unknown[]>,
    private readonly take: (waiting: readonly C[]) => number = (waiting) => waiting.length,
  ) {}

  submit<T>(change: C): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ change, resolve: resolve as (result: unknown) => void, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves once nothing is waiting or being written. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    // Changes submitted in the same tick as the first go with it.
    await Promise.resolve();
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, Math.max(1, this.take(this.waiting.map((w) => w.change))));
        try {
          const results = await this.write(batch.map((w) => w.change));
          batch.forEach((w, i) => w.resolve(results[i]));
        } catch (error) {
          batch.forEach((w) => w.reject(error));
        }
      }
    } finally {
      // Synchronously after the last batch settles: its callers resume after this, so a change they
      // submit at once finds the writer idle and starts a write.
      this.running = null;
    }
  }
}
