import { SOURCES, type Source } from '../data/records.js';

const RANK: ReadonlyMap<Source, number> = new Map(SOURCES.map((s, i) => [s, i]));

/** A source's place in SOURCES order: lower is preferred. */
export function sourceRank(source: Source): number {
  return RANK.get(source)!;
}

/** The most preferred source (in SOURCES order) that any of the records came from; null for none. */
export function preferredSource(records: readonly { readonly source: Source }[]): Source | null {
  let best: number = SOURCES.length;
  for (const r of records) best = Math.min(best, sourceRank(r.source));
  return (SOURCES as readonly Source[])[best] ?? null;
}
