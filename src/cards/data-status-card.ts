import { SOURCE_LABELS, type Source } from '../data/records.js';
import type { PortfolioView } from '../portfolio/portfolio-view.js';
import type { SyncRun, SyncStatus } from '../sync/sync-log.js';
import { buttons, type Button } from './actions.js';
import type { Reply } from './card.js';
import { messageCard } from './message-cards.js';
import { count, customersText, day, daysText, name } from './text.js';

const DAY_MS = 86_400_000;
/** Names listed in a sentence before "and N more". */
const NAMED = 5;

/** "2026-11-26 06:00 UTC". */
function minute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function names(list: readonly string[]): string {
  const shown = list.slice(0, NAMED).map(name).join(', ');
  return list.length > NAMED ? `${shown} and ${count(list.length - NAMED)} more` : shown;
}

function lastRunLine(run: SyncRun): string[] {
  const how = `${run.trigger === 'schedule' ? 'scheduled' : '"adoption sync"'}${run.only === null ? '' : `, ${name(run.only)} only`}`;
  const when = `${minute(run.startedAt)} to ${run.finishedAt.slice(11, 16)}`;
  const o = run.outcome;
  if (o.kind === 'stopped') return [`The last sync (${how}, ${when}) stopped: ${o.reason}. ${o.hint}`];
  const skipped = o.skipped > 0 ? `, ${count(o.skipped)} already synced` : '';
  const lines = [`Last sync (${how}, ${when}): ${customersText(o.synced)} synced, ${count(o.failedCount)} failed${skipped}.`];
  for (const f of o.failed) lines.push(`Failed: ${name(f.customer)}: ${f.reason}.`);
  if (o.failedCount > o.failed.length) {
    const where = run.trigger === 'schedule' ? "the bot's log" : 'the output of "adoption sync"';
    lines.push(`And ${count(o.failedCount - o.failed.length)} more failed: ${where} lists every one, with what to do.`);
  }
  if (o.analyticsFailure !== null) lines.push(`Partner Center's license analytics could not be read: ${o.analyticsFailure}.`);
  return lines;
}

function syncLines(status: SyncStatus): string[] {
  const schedule =
    status.schedule === null
      ? 'No scheduled sync: the data comes from files an admin sends the bot in a personal chat or imports with "adoption import", or from "adoption sync" run by hand.'
      : `The bot syncs from Partner Center and Microsoft Graph on "${status.schedule.pattern}" (UTC)${status.schedule.next === null ? '' : `, next at ${minute(status.schedule.next)}`}; an admin syncs now with "adoption sync".`;
  const last = status.last === null ? (status.schedule === null ? [] : ['No sync has run yet.']) : lastRunLine(status.last);
  return [schedule, ...last];
}

export interface DataStatus {
  readonly title: string;
  readonly lines: readonly string[];
  /** Customers whose newest data is older than the stale threshold. */
  readonly stale: number;
}

/**
 * How fresh each customer's data is, where it comes from, the sync schedule and what the last sync
 * did (including which customers failed, and why): the chat's card and `adoption status` say this.
 */
export function dataStatus(view: PortfolioView, status: SyncStatus, now: Date): DataStatus {
  const dated = view.customers.filter((c): c is typeof c & { dataAsOf: string } => c.dataAsOf !== null);
  const byAge = [...dated].sort((a, b) => a.dataAsOf.localeCompare(b.dataAsOf));
  const oldest = byAge[0];
  const newest = byAge.at(-1);
  const staleDays = view.thresholds.staleDays;
  const stale = view.customers.filter((c) => c.flags.some((f) => f.code === 'stale-data'));
  const bySource = new Map<Source, number>();
  for (const c of view.customers) for (const s of c.sources) bySource.set(s, (bySource.get(s) ?? 0) + 1);
  const lines: string[] = [];
  if (oldest && newest && day(oldest.dataAsOf) !== day(newest.dataAsOf)) {
    const age = Math.floor((now.getTime() - Date.parse(oldest.dataAsOf)) / DAY_MS);
    lines.push(`Oldest: ${name(oldest.customer)}, data as of ${day(oldest.dataAsOf)} (${daysText(age)} old).`);
  }
  if (view.customers.length > 0) {
    lines.push(
      stale.length > 0
        ? `${customersText(stale.length)} ${stale.length === 1 ? 'has' : 'have'} data older than ${staleDays} days: ${names(stale.map((c) => c.customer))}.`
        : `Every customer's data is at most ${staleDays} days old.`,
    );
    const sources = [...bySource].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    lines.push(`From: ${sources.map(([s, n]) => `${SOURCE_LABELS[s]} (${customersText(n)})`).join(', ')}.`);
  }
  lines.push(...syncLines(status));
  const title =
    newest === undefined ? 'No customer data yet' : `Data: ${customersText(view.customers.length)}, newest from ${day(newest.dataAsOf)}`;
  return { title, lines, stale: stale.length };
}

/** The answer to "when was the data last updated?", with a button to the customers whose data is old. */
export function dataStatusCard(view: PortfolioView, status: SyncStatus, now: Date): Reply {
  const { title, lines, stale } = dataStatus(view, status, now);
  const actions: Button[] = [buttons.portfolio()];
  if (stale > 0) actions.push({ title: 'Old data', verb: 'customers-with', data: { code: 'stale-data' } });
  return messageCard(title, lines, actions);
}
