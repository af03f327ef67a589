import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { readAdoptionFile } from '../src/data/read-file.js';

/** One measured run in its own process, so peak RSS belongs to that run alone. Prints JSON. */
const [file, mode] = process.argv.slice(2) as [string, 'csv-parse' | 'import'];
const start = process.hrtime.bigint();
let rows = 0;
if (mode === 'csv-parse') {
  for await (const _row of createReadStream(file).pipe(parse({ bom: true, skip_empty_lines: true }))) rows++;
  rows--; // the header
} else {
  const result = await readAdoptionFile(file, { customerName: 'Bench', tenantId: null, receivedAt: new Date().toISOString() });
  if (!result.ok) throw new Error(result.refusal.describe(file));
  rows = result.rows;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
