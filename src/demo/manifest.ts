import { fileURLToPath } from 'node:url';

/** The demo portfolio lives in demo/ at the repository root, as files in the documented formats. */
export const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

/** The day the demo files describe; loading moves every date so that this day becomes today. */
export const DEMO_AS_OF = '2026-11-20';

export interface DemoManifestEntry {
  readonly file: string;
  readonly customer?: string;
  readonly tenant?: string;
}

export interface DemoManifest {
  readonly asOf: string;
  readonly files: readonly DemoManifestEntry[];
  /** The points the weekly syncs before `asOf` would have kept, by customer key (the cache's history shape). */
  readonly history: string;
}
