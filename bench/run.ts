import { cpus, totalmem } from 'node:os';
import { benchAlerts } from './alerts.js';
import { benchImport } from './import.js';
import { benchLoad } from './load.js';
import { benchMetrics } from './metrics.js';
import { benchReply } from './reply.js';
import { benchSync } from './sync.js';
import { startAzurite } from '../src/tools/azurite.js';

/** `npm run bench`: every figure beside a floor measured in the same run, on this machine. */
const cpu = cpus()[0]?.model ?? 'unknown cpu';
console.log(`machine: ${cpus().length} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
// Azure Blob Storage for the Blob backend's figures: Azurite, on this machine.
const azurite = await startAzurite();
for (const line of benchMetrics()) console.log(line);
for (const line of await benchImport()) console.log(line);
for (const line of await benchReply(azurite)) console.log(line);
for (const line of await benchSync()) console.log(line);
for (const line of await benchAlerts(azurite)) console.log(line);
for (const line of await benchLoad()) console.log(line);
await azurite.close();
