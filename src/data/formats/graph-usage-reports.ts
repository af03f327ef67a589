import { FieldError, Notes, parseDate, type Json, type JsonObject } from './fields.js';
import { contextCustomer, NO_CUSTOMER_HINT, pagingNote, readItems, type JsonDocument } from './json-document.js';
import { FormatError, itemHas, type JsonFormat } from './json-format.js';
import type { ImportContext } from './read-result.js';
import { keyOfCustomer, type CustomerRef, type Source, type UsageRecord } from '../records.js';
import { WORKLOADS } from '../workloads.js';
import { addUser, emptyTally, type UserLine, type UserTally, type UserWorkload } from '../../metrics/user-tally.js';

/**
 * Microsoft Graph usage reports for one customer tenant, as the CSV the report download gives
 * (UTF-8 with a BOM) or as JSON pages ($format=application/json). Both name the same columns:
 * "Has Exchange License" in CSV is "hasExchangeLicense" in JSON. User names may be concealed
 * (hashed) by the tenant's privacy setting; they are never needed.
 */

/** The product name usage from Graph is shown under: user reports do not split by product. */
export const GRAPH_USAGE_PRODUCT = 'Microsoft 365 users';

/** A row's value by its CSV column name. */
export type Cell = (column: string) => Json | undefined;

function bool(cell: Cell, column: string): boolean {
  const value = cell(column);
  if (value === true || value === 'True') return true;
  if (value === false || value === 'False') return false;
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'string' && /^(true|yes)$/i.test(value)) return true;
  if (typeof value === 'string' && /^(false|no)$/i.test(value)) return false;
  throw new FieldError(column, `is not true or false (${JSON.stringify(value)})`);
}

/** A calendar day YYYY-MM-DD, or null for an empty cell. */
function day(cell: Cell, column: string, notes: Notes): string | null {
  const value = cell(column);
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && value.length === 10 && value[4] === '-' && value[7] === '-') return value;
  if (typeof value !== 'string') throw new FieldError(column, `is not a date (${JSON.stringify(value)})`);
  return parseDate(value, notes, column)?.slice(0, 10) ?? null;
}

function refreshDay(cell: Cell, notes: Notes): string {
  const refresh = day(cell, 'Report Refresh Date', notes);
  if (refresh === null) throw new FieldError('Report Refresh Date', 'is missing');
  return refresh;
}

/** The three columns getOffice365ActiveUserDetail has per product, named once rather than per row. */
interface ProductColumns {
  readonly workload: string;
  readonly hasLicense: string;
  readonly lastActivity: string;
  readonly licenseAssigned: string;
}

function productColumns(workload: string, product: string): ProductColumns {
  return {
    workload,
    hasLicense: `Has ${product} License`,
    lastActivity: `${product} Last Activity Date`,
    licenseAssigned: `${product} License Assign Date`,
  };
}

function licensed(cell: Cell, columns: ProductColumns, notes: Notes): UserWorkload {
  return {
    workload: columns.workload,
    licensed: bool(cell, columns.hasLicense),
    lastActivity: day(cell, columns.lastActivity, notes),
    licenseAssigned: day(cell, columns.licenseAssigned, notes),
  };
}

const EXCHANGE = productColumns(WORKLOADS.exchange, 'Exchange');
const SHAREPOINT = productColumns(WORKLOADS.sharepoint, 'SharePoint');
const ONEDRIVE = productColumns(WORKLOADS.sharepoint, 'OneDrive');
const SKYPE = productColumns(WORKLOADS.skype, 'Skype For Business');
const YAMMER = productColumns(WORKLOADS.yammer, 'Yammer');
const TEAMS = productColumns(WORKLOADS.teams, 'Teams');

function later(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a > b ? a : b;
}

interface UserReport {
  readonly kind: string;
  readonly source: Source;
  /** CSV columns that only this report has. */
  readonly marker: readonly string[];
  toUser(cell: Cell, notes: Notes): UserLine;
  /** A column that names the tenant, where the report has one. */
  readonly tenantNameColumn?: string;
}

const activeUserDetail: UserReport = {
  kind: 'Microsoft Graph getOffice365ActiveUserDetail',
  source: 'graph-active-user-detail',
  marker: ['Has Exchange License', 'Exchange Last Activity Date'],
  toUser(cell, notes) {
    const sharePoint = licensed(cell, SHAREPOINT, notes);
    const oneDrive = licensed(cell, ONEDRIVE, notes);
    return {
      refreshDate: refreshDay(cell, notes),
      deleted: bool(cell, 'Is Deleted'),
      workloads: [
        licensed(cell, EXCHANGE, notes),
        {
          workload: WORKLOADS.sharepoint,
          licensed: sharePoint.licensed || oneDrive.licensed,
          lastActivity: later(sharePoint.lastActivity, oneDrive.lastActivity),
          licenseAssigned: later(sharePoint.licenseAssigned, oneDrive.licenseAssigned),
        },
        licensed(cell, SKYPE, notes),
        licensed(cell, YAMMER, notes),
        licensed(cell, TEAMS, notes),
      ],
    };
  },
};

const teamsUserDetail: UserReport = {
  kind: 'Microsoft Graph getTeamsUserActivityUserDetail',
  source: 'graph-teams-user-detail',
  marker: ['Is Licensed', 'Team Chat Message Count'],
  tenantNameColumn: 'Tenant Display Name',
  toUser(cell, notes) {
    return {
      refreshDate: refreshDay(cell, notes),
      deleted: bool(cell, 'Is Deleted'),
      workloads: [
        {
          workload: WORKLOADS.teams,
          licensed: bool(cell, 'Is Licensed'),
          lastActivity: day(cell, 'Last Activity Date', notes),
          licenseAssigned: null,
        },
      ],
    };
  },
};

const yammerUserDetail: UserReport = {
  kind: 'Microsoft Graph getYammerActivityUserDetail',
  source: 'graph-yammer-user-detail',
  marker: ['User State', 'State Change Date'],
  toUser(cell, notes) {
    const state = cell('User State');
    return {
      refreshDate: refreshDay(cell, notes),
      deleted: typeof state === 'string' && state.toLowerCase() === 'deleted',
      workloads: [
        { workload: WORKLOADS.yammer, licensed: null, lastActivity: day(cell, 'Last Activity Date', notes), licenseAssigned: null },
      ],
    };
  },
};

const appsUserDetail: UserReport = {
  kind: 'Microsoft Graph getM365AppUserDetail',
  source: 'graph-m365-apps-user-detail',
  marker: ['Last Activation Date', 'Last Activity Date'],
  toUser(cell, notes) {
    return {
      refreshDate: refreshDay(cell, notes),
      deleted: false,
      workloads: [
        { workload: WORKLOADS.apps, licensed: null, lastActivity: day(cell, 'Last Activity Date', notes), licenseAssigned: null },
      ],
    };
  },
};

export const USER_REPORTS: readonly UserReport[] = [activeUserDetail, teamsUserDetail, yammerUserDetail, appsUserDetail];

/** "Has Exchange License" -> "hasExchangeLicense", the JSON name of a CSV column. */
export function jsonName(column: string): string {
  const words = column
    .replace(/[^A-Za-z0-9 ]/g, '')
    .split(' ')
    .filter(Boolean);
  return words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join('');
}

function jsonCell(item: JsonObject): Cell {
  const lower = new Map(Object.keys(item).map((k) => [k.toLowerCase(), k]));
  return (column) => {
    const key = lower.get(jsonName(column).toLowerCase());
    return key === undefined ? undefined : item[key];
  };
}

/** Reads each item of a Graph JSON page through its CSV column names; a refusal names the field as the JSON spells it. */
function readGraphItems<T>(doc: JsonDocument, read: (cell: Cell) => T): T[] {
  return readItems(doc, (item) => {
    try {
      return read(jsonCell(item));
    } catch (error) {
      if (error instanceof FieldError) throw new FieldError(jsonName(error.field), error.message);
      throw error;
    }
  });
}

function graphCustomer(ctx: ImportContext, tenantName: string | null): CustomerRef {
  const customer = contextCustomer(ctx, { tenantId: null, name: tenantName });
  if (customer === null) throw new FormatError('a Graph report does not say which customer tenant it comes from', NO_CUSTOMER_HINT);
  return customer;
}

export function tallyToRecords(report: UserReport, tally: UserTally, customer: CustomerRef): UsageRecord[] {
  const asOf = `${tally.refreshDate}T00:00:00.000Z`;
  return [...tally.workloads].map(([workload, t]) => ({
    kind: 'usage',
    key: `usage|${keyOfCustomer(customer)}|${report.source}|${workload}`,
    customer,
    source: report.source,
    asOf,
    product: GRAPH_USAGE_PRODUCT,
    workload,
    active: t.active,
    entitled: t.entitled,
    evidence: { deletedActive: t.deletedActive, assignedInWindow: t.assignedInWindow, unlicensedActive: t.unlicensedActive },
  }));
}

/** A report with a header and no rows is readable: it holds no user, so it adds no record. */
const NO_ROWS_NOTE =
  'the report has no rows: no user to count (Graph sends the header alone when no user is in the report for the period; D30 is the period to download)';

/** Folds user rows one at a time; used by the streaming CSV reader and the JSON pages alike. */
export class UserReportFold {
  private readonly tally = emptyTally();
  private tenantName: string | null = null;

  constructor(
    readonly report: UserReport,
    private readonly notes: Notes,
  ) {}

  add(cell: Cell): void {
    if (this.tally.users === 0 && this.report.tenantNameColumn !== undefined) {
      const name = cell(this.report.tenantNameColumn);
      this.tenantName = typeof name === 'string' && name !== '' ? name : null;
    }
    addUser(this.tally, this.report.toUser(cell, this.notes));
  }

  get rows(): number {
    return this.tally.users;
  }

  finish(ctx: ImportContext): UsageRecord[] {
    if (this.tally.refreshDate === null) {
      this.notes.add(NO_ROWS_NOTE);
      return [];
    }
    return tallyToRecords(this.report, this.tally, graphCustomer(ctx, this.tenantName));
  }
}

function userReportJson(report: UserReport): JsonFormat {
  return {
    kind: `${report.kind} (JSON)`,
    matches: (doc) => itemHas(doc, ...report.marker.map(jsonName)) && itemHas(doc, 'reportRefreshDate'),
    read(doc, ctx, notes) {
      pagingNote(doc, ctx, notes);
      const fold = new UserReportFold(report, notes);
      readGraphItems(doc, (cell) => fold.add(cell));
      return fold.finish(ctx);
    },
  };
}

export const graphUserReportsJson: readonly JsonFormat[] = USER_REPORTS.map(userReportJson);

/**
 * getOffice365ServicesUserCounts: active and inactive licensed users per service, no user rows.
 * SharePoint and OneDrive cannot be de-duplicated from counts; the larger of each is taken.
 */
export const SERVICES_USER_COUNTS_KIND = 'Microsoft Graph getOffice365ServicesUserCounts';
export const SERVICES_MARKER = ['Exchange Active', 'Exchange Inactive'] as const;

const SERVICES: readonly [string, readonly string[]][] = [
  [WORKLOADS.exchange, ['Exchange']],
  [WORKLOADS.sharepoint, ['SharePoint', 'OneDrive']],
  [WORKLOADS.skype, ['Skype For Business']],
  [WORKLOADS.yammer, ['Yammer']],
  [WORKLOADS.teams, ['Teams']],
];

function countCell(cell: Cell, column: string): number {
  const value = cell(column);
  if (value === undefined || value === null || value === '') return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new FieldError(column, `is not a count of users (${JSON.stringify(value)})`);
  return n;
}

/** One row of the counts report, read and checked where it stands in the file (so a refusal can name it). */
export interface CountsRow {
  readonly refresh: string;
  /** Active and inactive users per workload, SharePoint and OneDrive as the larger of each. */
  readonly workloads: readonly { readonly workload: string; readonly active: number; readonly inactive: number }[];
}

export function countsRow(cell: Cell, notes: Notes): CountsRow {
  return {
    refresh: refreshDay(cell, notes),
    workloads: SERVICES.map(([workload, services]) => ({
      workload,
      active: Math.max(...services.map((s) => countCell(cell, `${s} Active`))),
      inactive: Math.max(...services.map((s) => countCell(cell, `${s} Inactive`))),
    })),
  };
}

export function servicesCountsToRecords(rows: readonly CountsRow[], ctx: ImportContext, notes: Notes): UsageRecord[] {
  let newest: CountsRow | null = null;
  for (const row of rows) if (newest === null || row.refresh > newest.refresh) newest = row;
  if (newest === null) {
    notes.add(NO_ROWS_NOTE);
    return [];
  }
  if (rows.length > 1) notes.add(`the report has ${rows.length} rows; the newest (${newest.refresh}) was used`);
  const customer = graphCustomer(ctx, null);
  const { refresh } = newest;
  return newest.workloads.map(({ workload, active, inactive }) => {
    return {
      kind: 'usage',
      key: `usage|${keyOfCustomer(customer)}|graph-services-user-counts|${workload}`,
      customer,
      source: 'graph-services-user-counts',
      asOf: `${refresh}T00:00:00.000Z`,
      product: GRAPH_USAGE_PRODUCT,
      workload,
      active,
      entitled: active + inactive,
    } satisfies UsageRecord;
  });
}

export const graphServicesUserCountsJson: JsonFormat = {
  kind: `${SERVICES_USER_COUNTS_KIND} (JSON)`,
  matches: (doc: JsonDocument) => itemHas(doc, ...SERVICES_MARKER.map(jsonName)),
  read(doc, ctx, notes) {
    notes.add('SharePoint and OneDrive counts were combined as the larger of the two (counts cannot be de-duplicated per user)');
    return servicesCountsToRecords(
      readGraphItems(doc, (cell) => countsRow(cell, notes)),
      ctx,
      notes,
    );
  },
};
