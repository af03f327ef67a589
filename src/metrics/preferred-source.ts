import { SOURCES, type Source } from '../data/records.js';

/** The most preferred source (in SOURCES order) that any of the records came from; null for none. */
export function preferredSource(records: readonly { readonly source: Source }[]): Source | null {
  const present = new Set(records.map((r) => r.source));
  return SOURCES.find((s) => present.has(s)) ?? null;
}
