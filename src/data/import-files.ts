import { readAdoptionFile } from './read-file.js';
import type { ImportContext } from './formats/read-result.js';
import type { AdoptionRecord } from './records.js';
import type { AdoptionStore, UpsertOutcome } from './store/adoption-store.js';

/** A file to import: where it is read from, and how messages name it (the name it was sent under). */
export interface FileToImport {
  readonly path: string;
  readonly name: string;
}

export type FileOutcome =
  | {
      readonly file: string;
      readonly ok: true;
      readonly kind: string;
      readonly rows: number;
      readonly records: number;
      readonly warnings: readonly string[];
      readonly store: UpsertOutcome;
    }
  | { readonly file: string; readonly ok: false; readonly message: string };

/**
 * Imports files one by one: each is read whole before the cache is touched, and written in one
 * atomic step, so a refused file changes nothing and the files before it stay imported.
 */
export async function importFiles(
  store: AdoptionStore,
  files: readonly FileToImport[],
  ctx: ImportContext,
  adjust: (record: AdoptionRecord) => AdoptionRecord = (r) => r,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const { path, name: file } of files) {
    let result;
    try {
      result = await readAdoptionFile(path, ctx);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
      outcomes.push({ file, ok: false, message: `${file}: ${why}. Check the path.` });
      continue;
    }
    if (!result.ok) {
      outcomes.push({ file, ok: false, message: result.refusal.describe(file) });
      continue;
    }
    const outcome = await store.upsert(result.records.map(adjust));
    const warnings =
      outcome.keptNewer > 0
        ? [...result.warnings, `${outcome.keptNewer} record(s) not taken: the cache already holds newer data for them`]
        : result.warnings;
    outcomes.push({ file, ok: true, kind: result.kind, rows: result.rows, records: result.records.length, warnings, store: outcome });
  }
  return outcomes;
}

/** "usage.csv: Microsoft Graph active user detail, 12 row(s) -> 5 record(s) (3 new, 2 updated)": what an imported file gave. */
export function importedText(o: Extract<FileOutcome, { ok: true }>): string {
  return `${o.file}: ${o.kind}, ${o.rows} row(s) -> ${o.records} record(s) (${o.store.added} new, ${o.store.replaced} updated)`;
}
