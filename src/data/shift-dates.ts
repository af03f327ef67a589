import type { AdoptionRecord, HistoryPoint } from './records.js';
import { DAY_MS } from '../time.js';

function shift(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/** Moves every date of a record by whole days; the demo portfolio uses it to stay current. */
export function shiftRecordDates(record: AdoptionRecord, days: number): AdoptionRecord {
  if (days === 0) return record;
  const moved = { ...record, asOf: shift(record.asOf, days) };
  if (moved.kind === 'service-request' && moved.createdDate !== null) {
    return { ...moved, createdDate: shift(moved.createdDate, days) };
  }
  if (moved.kind === 'subscription') {
    return {
      ...moved,
      creationDate: moved.creationDate === null ? null : shift(moved.creationDate, days),
      ...(moved.renewsOn === undefined ? {} : { renewsOn: shift(moved.renewsOn, days) }),
    };
  }
  return moved;
}

/** Moves a history point's day by whole days. */
export function shiftPointDay(point: HistoryPoint, days: number): HistoryPoint {
  return days === 0 ? point : { ...point, day: shift(`${point.day}T00:00:00Z`, days).slice(0, 10) };
}
