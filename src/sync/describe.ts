import type { CustomerOutcome, SyncSummary } from './run-sync.js';

/** A sync in words: one line per customer (and its warnings or what to do), then the totals. */

export function describeCustomerOutcome(outcome: CustomerOutcome): string {
  if (outcome.ok) {
    const lines = [`ok       ${outcome.customer}: ${outcome.rows} row(s) read -> ${outcome.records} record(s)`];
    for (const w of outcome.warnings) lines.push(`         warning: ${w}`);
    return lines.join('\n');
  }
  return `FAILED   ${outcome.customer}: ${outcome.reason}.\n         ${outcome.hint}`;
}

export function describeSummary(summary: SyncSummary): string[] {
  const failed = summary.customers.filter((c) => !c.ok).length;
  const lines: string[] = [];
  if (!summary.analytics.ok)
    lines.push(`FAILED   Partner Center analytics: ${summary.analytics.reason}.\n         ${summary.analytics.hint}`);
  const skipped = summary.skipped > 0 ? `, ${summary.skipped} already synced` : '';
  lines.push(
    `Synced ${summary.customers.length - failed} customer(s), ${failed} failed${skipped}; ${summary.rows} row(s) read in ${(summary.ms / 1000).toFixed(1)} s.`,
  );
  return lines;
}
