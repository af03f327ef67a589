/**
 * Reading fields out of documented JSON objects, forgiving what real files do: field names whose
 * case drifts between the field table and the example ("ProductName" / "productName"), documented
 * spelling slips ("licenseActive" for "licensesActive"), numbers sent as strings, enums sent as
 * numbers, and dates with spaces inside ("2015-11-25T06: 41: 12Z").
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Thrown inside a record reader; the format module turns it into a refusal naming the record. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Collects "read with a guess" notes, one line per kind of guess with how often it happened. */
export class Notes {
  private readonly counts = new Map<string, number>();

  add(note: string): void {
    this.counts.set(note, (this.counts.get(note) ?? 0) + 1);
  }

  list(): string[] {
    return [...this.counts].map(([note, n]) => (n > 1 ? `${note} (${n} times)` : note));
  }
}

/** Finds a field by any of its names, ignoring case; the first name is the documented one. */
export function field(obj: JsonObject, names: readonly string[], notes?: Notes): Json | undefined {
  for (const [index, name] of names.entries()) {
    if (name in obj) {
      if (index > 0) notes?.add(`read "${name}" as "${names[0]}"`);
      return obj[name];
    }
    const lower = name.toLowerCase();
    const found = Object.keys(obj).find((key) => key.toLowerCase() === lower);
    if (found !== undefined) {
      if (index > 0) notes?.add(`read "${found}" as "${names[0]}"`);
      return obj[found];
    }
  }
  return undefined;
}

export function text(obj: JsonObject, names: readonly string[], notes?: Notes): string | null {
  const value = field(obj, names, notes);
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new FieldError(names[0]!, `expected text, found ${JSON.stringify(value).slice(0, 40)}`);
}

export function requiredText(obj: JsonObject, names: readonly string[], notes?: Notes): string {
  const value = text(obj, names, notes);
  if (value === null) throw new FieldError(names[0]!, 'is missing');
  return value;
}

/** A count of licenses or users: a non-negative whole number, or a string holding one. */
export function count(obj: JsonObject, names: readonly string[], notes: Notes): number {
  const value = field(obj, names, notes);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    notes.add(`read "${names[0]}" given as text ("${value.trim()}") as a number`);
    return Number(value);
  }
  if (value === undefined || value === null) throw new FieldError(names[0]!, 'is missing');
  throw new FieldError(names[0]!, `is not a whole number of licenses (${JSON.stringify(value)})`);
}

export function optionalCount(obj: JsonObject, names: readonly string[], notes: Notes): number {
  const value = field(obj, names);
  return value === undefined || value === null ? 0 : count(obj, names, notes);
}

export function fraction(obj: JsonObject, names: readonly string[], notes: Notes): number {
  const value = field(obj, names, notes);
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n === 'number' && Number.isFinite(n)) return n;
  throw new FieldError(names[0]!, `is not a number (${JSON.stringify(value)})`);
}

export function flag(obj: JsonObject, names: readonly string[], notes: Notes): boolean {
  const value = field(obj, names, notes);
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|yes)$/i.test(value.trim())) return true;
  if (typeof value === 'string' && /^(false|no)$/i.test(value.trim())) return false;
  throw new FieldError(names[0]!, `is not true or false (${JSON.stringify(value)})`);
}

/**
 * An enum documented as strings; some examples send the position in the documented list instead
 * (service requests: "status": 1). Both are read; numbers are noted as a guess.
 */
export function enumValue<T extends string>(obj: JsonObject, names: readonly string[], values: readonly T[], notes: Notes, fallback: T): T {
  const value = field(obj, names, notes);
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < values.length) {
    notes.add(`read "${names[0]}" given as a number by its place in the documented list`);
    return values[value]!;
  }
  if (typeof value === 'string') {
    const wanted = value
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const found = values.find((v) => v.toLowerCase() === wanted);
    if (found) return found;
  }
  throw new FieldError(names[0]!, `is ${JSON.stringify(value)}, expected one of ${values.join(', ')}`);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** .NET's "no date": DateTime.MinValue. */
const NEVER = /^0001-01-01/;

/** A date or date-time to an ISO string in UTC; null when absent or .NET's zero date. */
export function parseDate(raw: string, notes: Notes | undefined, name: string): string | null {
  let value = raw.trim();
  if (value === '' || NEVER.test(value)) return null;
  if (/\s/.test(value)) {
    const squeezed = value.replace(/\s+/g, '');
    if (DATE_TIME.test(squeezed) || DATE_ONLY.test(squeezed)) {
      notes?.add(`read the date "${value}" in "${name}" without its spaces`);
      value = squeezed;
    }
  }
  if (DATE_ONLY.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  const match = DATE_TIME.exec(value);
  if (match) {
    const zone = match[6] ?? 'Z';
    const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}${(match[5] ?? '').slice(0, 4)}${zone}`);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  throw new FieldError(name, `is not a date (${JSON.stringify(raw)})`);
}

export function date(obj: JsonObject, names: readonly string[], notes: Notes): string | null {
  const value = text(obj, names, notes);
  return value === null ? null : parseDate(value, notes, names[0]!);
}

export function requiredDate(obj: JsonObject, names: readonly string[], notes: Notes): string {
  const value = date(obj, names, notes);
  if (value === null) throw new FieldError(names[0]!, 'is missing');
  return value;
}
