import { FieldError, isObject, type Json, type JsonObject, type Notes } from './fields.js';
import type { ImportContext } from './read-result.js';
import type { AdoptionRecord, CustomerRef } from '../records.js';

/**
 * The collection shapes the documented APIs answer with, reduced to one: the items, and how much
 * of the whole they are.
 * - Partner Center commercial analytics: {"Value": [...], "@nextLink": ..., "TotalCount": n}
 * - Partner Center collections: {"totalCount": n, "items": [...], "links": {...}, "attributes": {...}}
 * - Microsoft Graph: {"@odata.context": ..., "value": [...], "@odata.nextLink": ...}
 * - a bare array of items, or a single item (a service request read by id).
 */
export interface JsonDocument {
  readonly items: readonly JsonObject[];
  readonly total: number | null;
  readonly next: string | null;
  /** attributes.objectType of the items (or the single object), when the file says it. */
  readonly objectType: string | null;
  readonly root: Json;
}

/** An item that could not be read, by its 1-based number in the file. */
export class RecordError extends Error {
  constructor(
    readonly record: number,
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

function objectTypeOf(value: Json | undefined): string | null {
  if (!isObject(value)) return null;
  const attributes = value['attributes'];
  if (!isObject(attributes)) return null;
  const type = attributes['objectType'];
  return typeof type === 'string' ? type : null;
}

/** Names of the list, its total and its next page across Partner Center and Graph, compared without case. */
const LIST_NAMES = ['value', 'items'];
const TOTAL_NAMES = ['totalcount', '@odata.count'];
const NEXT_NAMES = ['@nextlink', '@odata.nextlink', 'continuationtoken'];

function listIn(root: JsonObject): { list: Json; total: Json | undefined; next: Json | undefined } | null {
  const byName = new Map(Object.keys(root).map((k) => [k.toLowerCase(), root[k]!]));
  const first = (names: readonly string[]): Json | undefined => names.map((n) => byName.get(n)).find((v) => v !== undefined);
  const list = LIST_NAMES.map((n) => byName.get(n)).find((v) => Array.isArray(v));
  if (list === undefined) return null;
  const links = byName.get('links');
  const linkNext = isObject(links) && isObject(links['next']) ? links['next']['uri'] : undefined;
  return { list, total: first(TOTAL_NAMES), next: first(NEXT_NAMES) ?? linkNext };
}

export function toDocument(root: Json): JsonDocument | string {
  let list: Json;
  let total: Json | undefined;
  let next: Json | undefined;
  if (Array.isArray(root)) {
    list = root;
  } else if (isObject(root)) {
    const found = listIn(root);
    if (found) ({ list, total, next } = found);
    else list = [root];
  } else {
    return 'the file holds a single value, not an object or a list';
  }
  const items = list as Json[];
  const bad = items.findIndex((item) => !isObject(item));
  if (bad >= 0) return `item ${bad + 1} of the list is not an object`;
  const objects = items as JsonObject[];
  return {
    items: objects,
    total: typeof total === 'number' ? total : typeof total === 'string' && /^\d+$/.test(total) ? Number(total) : null,
    next: typeof next === 'string' && next !== '' ? next : null,
    objectType: objectTypeOf(objects[0]) ?? (isObject(root) ? objectTypeOf(root) : null),
    root,
  };
}

/** Reads every item, naming the record when one cannot be read. */
export function readItems<T>(doc: JsonDocument, read: (item: JsonObject, index: number) => T): T[] {
  return doc.items.map((item, index) => {
    try {
      return read(item, index);
    } catch (error) {
      if (error instanceof FieldError) {
        throw new RecordError(index + 1, error.field, `"${error.field}" ${error.message}`);
      }
      throw error;
    }
  });
}

/** Guid-looking customer ids inside Partner Center links ("/customers/{id}/subscriptions"). */
const CUSTOMER_IN_LINK = /\/customers\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i;

export function tenantInLinks(value: Json): string | null {
  const found = CUSTOMER_IN_LINK.exec(JSON.stringify(value));
  return found ? found[1]!.toLowerCase() : null;
}

/**
 * The customer a per-customer file belongs to: the command line wins, then what the file itself
 * says. A file that names no customer cannot be placed and is refused by the caller.
 */
export function contextCustomer(ctx: ImportContext, fromFile: CustomerRef): CustomerRef | null {
  const tenantId = ctx.tenantId ?? fromFile.tenantId;
  const name = ctx.customerName ?? fromFile.name;
  return tenantId === null && name === null ? null : { tenantId: tenantId?.toLowerCase() ?? null, name };
}

export const NO_CUSTOMER_HINT =
  'This file does not say which customer it belongs to: import it with --customer NAME and/or --tenant TENANT-ID (in chat, send it with "for NAME" in the message).';

/** Warns that a file is one page of a longer answer, unless the caller fetched every page itself (the sync). */
export function pagingNote(doc: JsonDocument, ctx: ImportContext, notes: Notes): void {
  if (ctx.allPagesFetched === true) return;
  if (doc.total !== null && doc.total > doc.items.length) {
    notes.add(
      `this file is one page: ${doc.items.length} of ${doc.total} records; fetch the other pages (follow the next link) and import them too`,
    );
  } else if (doc.next !== null) {
    notes.add('this file is one page of a longer answer (it has a next link); import the other pages too');
  }
}

export type { AdoptionRecord };
