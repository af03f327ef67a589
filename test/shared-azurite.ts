import { startAzurite, type RunningAzurite } from '../src/tools/azurite.js';

/** Every storage-touching test runs on both backends. */
export const BACKENDS = ['lowdb', 'blob'] as const;
export type Backend = (typeof BACKENDS)[number];

let running: Promise<RunningAzurite> | null = null;
let containers = 0;

/** One Azurite for the whole test run, started on first use; a fresh container name per caller. */
export async function azuriteContainer(): Promise<{ connectionString: string; container: string }> {
  running ??= startAzurite();
  return { connectionString: (await running).connectionString, container: `test-${process.pid}-${++containers}` };
}

/** Mocha root hook (see .mocharc.json): stops Azurite after the last test. */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    if (running) await (await running).close();
    running = null;
  },
};
