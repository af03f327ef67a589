import type { AdoptionRecord } from '../records.js';

/** Where in a file something was found: a line and column of text, or a record number. */
export type Place = { readonly line: number; readonly column: number } | { readonly record: number; readonly field?: string };

export function describePlace(place: Place): string {
  if ('line' in place) return `line ${place.line}, column ${place.column}`;
  return place.field ? `record ${place.record}, field "${place.field}"` : `record ${place.record}`;
}

/** A file this tool cannot read, with what to do about it. Errors as values: the caller decides. */
export class Refusal {
  constructor(
    readonly message: string,
    readonly place: Place | null,
    readonly hint: string,
  ) {}

  describe(file: string): string {
    const where = this.place ? ` at ${describePlace(this.place)}` : '';
    return `${file}${where}: ${this.message}. ${this.hint}`;
  }
}

export interface ReadOk {
  readonly ok: true;
  /** What the file was taken as, in words ("Partner Center usage analytics"). */
  readonly kind: string;
  readonly records: AdoptionRecord[];
  /** Things read with a guess, or only part of what exists. Never fatal. */
  readonly warnings: string[];
  /** Rows or items read from the file (may differ from records: user rows fold into counts). */
  readonly rows: number;
}

export interface ReadRefused {
  readonly ok: false;
  readonly refusal: Refusal;
}

export type ReadResult = ReadOk | ReadRefused;

export function refused(message: string, place: Place | null, hint: string): ReadRefused {
  return { ok: false, refusal: new Refusal(message, place, hint) };
}

/** What the user told us about the file on the command line. */
export interface ImportContext {
  readonly customerName: string | null;
  readonly tenantId: string | null;
  /** ISO date-time the data was fetched; the as-of date for answers that carry none. */
  readonly receivedAt: string;
  /** The caller followed every next link (the sync): a page is not a partial answer. */
  readonly allPagesFetched?: boolean;
}
