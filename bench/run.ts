import { cpus, totalmem } from 'node:os';
import { benchAlerts } from './alerts.js';
import { benchImport } from './import.js';
import { benchLoad } from './load.js';
import { benchMetrics } from './metrics.js';
import { benchReply } from './reply.js';
import { benchSync } from './sync.js';
import { startAzurite, type RunningAzurite } from '../src/tools/azurite.js';

/**
 * `npm run bench`: every figure beside a floor measured in the same run, on this machine.
 * `npm run bench -- reply alerts` runs only those.
 */
const BENCHES: Record<string, (azurite: RunningAzurite) => string[] | Promise<string[]>> = {
  metrics: () => benchMetrics(),
  import: () => benchImport(),
  reply: (azurite) => benchReply(azurite),
  sync: () => benchSync(),
  alerts: (azurite) => benchAlerts(azurite),
  load: () => benchLoad(),
};
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}: choose from ${Object.keys(BENCHES).join(', ')}, or none for all.`);
  process.exit(2);
}
const cpu = cpus()[0]?.model ?? 'unknown cpu';
console.log(`machine: ${cpus().length} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
// Azure Blob Storage for the Blob backend's figures: Azurite, on this machine.
const azurite = await startAzurite();
for (const [name, bench] of Object.entries(BENCHES)) {
  if (asked.length === 0 || asked.includes(name)) for (const line of await bench(azurite)) console.log(line);
}
await azurite.close();
