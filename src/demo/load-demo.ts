import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importFiles, type FileOutcome } from '../data/import-files.js';
import type { HistoryPoint } from '../data/records.js';
import { shiftPointDay, shiftRecordDates } from '../data/shift-dates.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import { DEMO_DIR, type DemoManifest } from './manifest.js';
import { DAY_MS } from '../time.js';

/**
 * Imports the demo portfolio through the same path users' files take, then moves its dates by
 * whole days so the demo's as-of day is today: the stale customer stays stale, the rest fresh.
 * The weeks of history its syncs would have kept come with it, so trends and falls show.
 */
export async function loadDemo(store: AdoptionStore, today: Date): Promise<FileOutcome[]> {
  const manifest = JSON.parse(await readFile(join(DEMO_DIR, 'manifest.json'), 'utf8')) as DemoManifest;
  const days = Math.floor((today.getTime() - Date.parse(`${manifest.asOf}T00:00:00Z`)) / DAY_MS);
  const receivedAt = `${manifest.asOf}T06:00:00.000Z`;
  const outcomes: FileOutcome[] = [];
  for (const entry of manifest.files) {
    const ctx = { customerName: entry.customer ?? null, tenantId: entry.tenant ?? null, receivedAt };
    outcomes.push(
      ...(await importFiles(store, [{ path: join(DEMO_DIR, entry.file), name: entry.file }], ctx, (r) => shiftRecordDates(r, days))),
    );
  }
  const history = JSON.parse(await readFile(join(DEMO_DIR, manifest.history), 'utf8')) as Record<string, HistoryPoint[]>;
  await store.recordHistory(
    Object.entries(history).flatMap(([customerKey, points]) => points.map((p) => ({ customerKey, point: shiftPointDay(p, days) }))),
  );
  return outcomes;
}
