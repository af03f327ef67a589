import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { Config } from '../config.js';
import type { AdoptionRecord } from '../data/records.js';
import { portfolioReport } from '../metrics/index.js';
import type { PortfolioReport } from '../metrics/report-types.js';
import type { Output } from './output.js';

export interface ExportOptions {
  readonly format: 'csv' | 'json';
  readonly out?: string;
}

export const EXPORT_COLUMNS = [
  'customer',
  'tenantId',
  'dataAsOf',
  'customerDeploymentPercent',
  'customerUsagePercent',
  'product',
  'sold',
  'assigned',
  'deploymentPercent',
  'workload',
  'active',
  'entitled',
  'usagePercent',
  'source',
  'flags',
  'recommendations',
] as const;

type Row = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

/** One row per customer x product x workload (a product without usage rows gets one row). */
export function exportRows(report: PortfolioReport): Row[] {
  const rows: Row[] = [];
  for (const c of report.customers) {
    const base = {
      customer: c.customer,
      tenantId: c.tenantId,
      dataAsOf: c.dataAsOf,
      customerDeploymentPercent: c.deploymentPercent,
      customerUsagePercent: c.usagePercent,
      flags: c.flags.map((f) => f.code).join(' '),
      recommendations: c.recommendations.map((r) => r.code).join(' '),
    };
    for (const p of c.products) {
      const product = { product: p.product, sold: p.sold, assigned: p.assigned, deploymentPercent: p.deploymentPercent };
      const empty = { workload: null, active: null, entitled: null, usagePercent: null, source: null };
      if (p.workloads.length === 0) rows.push({ ...base, ...product, ...empty });
      for (const w of p.workloads)
        rows.push({
          ...base,
          ...product,
          workload: w.workload,
          active: w.active,
          entitled: w.entitled,
          usagePercent: w.usagePercent,
          source: w.source,
        });
    }
  }
  return rows;
}

/** `adoption export --format csv|json [--out FILE]` */
export async function runExport(
  records: readonly AdoptionRecord[],
  options: ExportOptions,
  now: Date,
  config: Config,
  output: Output,
): Promise<number> {
  const rows = exportRows(portfolioReport(records, now, config.thresholds, config.links));
  const text =
    options.format === 'json'
      ? `${JSON.stringify(rows, null, 2)}\n`
      : stringify(rows, { header: true, columns: [...EXPORT_COLUMNS], cast: { number: (n) => String(n) } });
  if (options.out === undefined) {
    output.out(text.trimEnd());
  } else {
    try {
      await writeFile(options.out, text);
    } catch (error) {
      output.err(`Cannot write ${options.out}: ${writeFailure(error)}. Give --out a file path in a folder you may write to.`);
      return 1;
    }
    output.err(`Wrote ${rows.length} row(s) to ${options.out}.`);
  }
  return 0;
}

/** Why a file could not be written, in words. */
function writeFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'this user may not write there';
  return (error as Error).message;
}
