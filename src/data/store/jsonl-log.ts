import { appendFile, mkdir, readFile, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AppendLog } from './state-store.js';

/**
 * An append log as a JSON Lines file. Appends are serialized within the process; one process
 * appends at a time (the caller holds a lease). A process killed mid-append can leave a torn last
 * line: it is skipped when read, since its record was never reported written.
 */
export class JsonlLog<T> implements AppendLog<T> {
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  append(records: readonly T[]): Promise<void> {
    if (records.length === 0) return this.tail;
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    const written = this.tail.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, text);
    });
    this.tail = written.catch(() => undefined);
    return written;
  }

  async readAll(): Promise<T[]> {
    await this.tail;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return parseJsonLines<T>(text, this.path);
  }

  async clear(): Promise<void> {
    await this.tail;
    await truncate(this.path, 0).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

/**
 * Records of a JSON Lines text. Only the last line can be torn (a writer killed mid-append): it is
 * skipped; a bad line before others is damage, reported with where it is.
 */
export function parseJsonLines<T>(text: string, where: string): T[] {
  const lines = text.split('\n');
  const records: T[] = [];
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch (error) {
      if (lines.slice(i + 1).some((l) => l !== '')) {
        throw new Error(`${where} line ${i + 1} is not JSON (${(error as Error).message}).`, { cause: error });
      }
    }
  }
  return records;
}
