import type { JsonObject, Notes } from './fields.js';
import type { JsonDocument } from './json-document.js';
import type { ImportContext } from './read-result.js';
import type { AdoptionRecord } from '../records.js';

/** One documented JSON shape: how to tell it from the others by content, and how to read it. */
export interface JsonFormat {
  /** What the file is taken as, in words the user knows. */
  readonly kind: string;
  matches(doc: JsonDocument): boolean;
  /** Throws RecordError for an item it cannot read, Refusal-worthy errors as FormatError. */
  read(doc: JsonDocument, ctx: ImportContext, notes: Notes): AdoptionRecord[];
}

/** The file as a whole cannot be read (as opposed to one record of it). */
export class FormatError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** True when the first item has every one of the fields (any case, any of the aliases). */
export function itemHas(doc: JsonDocument, ...fields: (string | readonly string[])[]): boolean {
  const first = doc.items[0];
  if (!first) return false;
  const keys = new Set(Object.keys(first).map((k) => k.toLowerCase()));
  return fields.every((f) => (typeof f === 'string' ? [f] : f).some((name) => keys.has(name.toLowerCase())));
}

export function objectTypeIs(doc: JsonDocument, type: string): boolean {
  return doc.objectType?.toLowerCase() === type.toLowerCase();
}

export type { JsonObject };
