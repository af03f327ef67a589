import { importedText, importFiles, type FileOutcome } from '../data/import-files.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import type { Output } from './output.js';

export interface ImportOptions {
  readonly customer?: string;
  readonly tenant?: string;
}

export function describeOutcome(o: FileOutcome): string {
  if (!o.ok) return `refused  ${o.message}`;
  const lines = [`ok       ${importedText(o)}`];
  for (const w of o.warnings) lines.push(`         warning: ${w}`);
  return lines.join('\n');
}

/** `adoption import [--customer NAME] [--tenant ID] FILE...`: one line per file; non-zero if any was refused. */
export async function runImport(
  store: AdoptionStore,
  files: readonly string[],
  options: ImportOptions,
  now: Date,
  output: Output,
): Promise<number> {
  const ctx = { customerName: options.customer ?? null, tenantId: options.tenant?.toLowerCase() ?? null, receivedAt: now.toISOString() };
  const outcomes = await importFiles(
    store,
    files.map((path) => ({ path, name: path })),
    ctx,
  );
  for (const o of outcomes) (o.ok ? output.out : output.err)(describeOutcome(o));
  return outcomes.every((o) => o.ok) ? 0 : 1;
}
