import { createReadStream } from 'node:fs';
import { open, readFile as readText } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import { FieldError, Notes, type Json } from './formats/fields.js';
import { countsRow, servicesCountsToRecords, UserReportFold, type Cell, type CountsRow } from './formats/graph-usage-reports.js';
import { RecordError, toDocument } from './formats/json-document.js';
import { errorMessageIn, isSuccess, responseHead, statusText, unsuccessfulHint, type HttpResponseHead } from './formats/http-response.js';
import { FormatError } from './formats/json-format.js';
import { parseLenientJson, stripBom } from './formats/lenient-json.js';
import { refused, type ImportContext, type ReadOk, type ReadResult } from './formats/read-result.js';
import { csvKindFor, csvKindLabel, jsonFormatFor, KNOWN_KINDS } from './formats/registry.js';
import type { AdoptionRecord } from './records.js';

/**
 * Reads one file the user gives us: recognizes its kind from its content, never its name, and
 * turns it into normalized records. Nothing here touches the cache; a refused file is a value.
 */

const SNIFF_BYTES = 4096;

async function firstBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** UTF-16 starts with its byte order mark: FF FE (little-endian, as Excel's "Unicode Text") or FE FF. */
const isUtf16 = (bytes: Buffer): boolean =>
  bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

const UNKNOWN_HINT = `Give a file exported from Partner Center or Microsoft Graph, as downloaded. Known kinds: ${KNOWN_KINDS.join('; ')}.`;

/** Where the data starts in the file: after the status line and headers of a response saved whole. */
interface Body {
  readonly start: number;
  readonly linesBefore: number;
  /** What was skipped, for the warnings; null when the file is the data alone. */
  readonly note: string | null;
}

const WHOLE_FILE: Body = { start: 0, linesBefore: 0, note: null };

/** The file's text from its byte `start` on, without the byte order mark a body may begin with. */
async function textFrom(path: string, start: number): Promise<string> {
  return stripBom((await readText(path)).subarray(start).toString('utf8'));
}

/**
 * A 304 Not Modified answers a request that sent the ETag of an earlier download (If-None-Match):
 * that download is still current. Nothing is wrong and nothing is new: no records, the cache as it was.
 */
const NOT_MODIFIED: ReadOk = {
  ok: true,
  kind: 'an HTTP 304 Not Modified answer: nothing new since the download whose ETag the request sent',
  records: [],
  warnings: [],
  rows: 0,
};

/** A response saved with its status line: its body, or why it holds no data. */
async function responseBody(path: string, head: HttpResponseHead): Promise<Body | ReadResult> {
  if (head.status === 304) return NOT_MODIFIED;
  if (!isSuccess(head)) {
    const message = errorMessageIn(await textFrom(path, head.bodyStart));
    return refused(
      `the file is an ${statusText(head)} answer, not data${message === null ? '' : ` ("${message}")`}`,
      { line: 1, column: 1 },
      unsuccessfulHint(head),
    );
  }
  const lines = head.linesBefore === 1 ? 'line 1' : `lines 1-${head.linesBefore}`;
  return {
    start: head.bodyStart,
    linesBefore: head.linesBefore,
    note: `read the body of an ${statusText(head)} answer saved whole: its status line and headers (${lines}) were skipped`,
  };
}

export async function readAdoptionFile(path: string, ctx: ImportContext): Promise<ReadResult> {
  const sniffed = await firstBytes(path);
  const response = responseHead(sniffed, sniffed.length < SNIFF_BYTES);
  if (response === 'unterminated') {
    return refused(
      'the file starts as an HTTP answer ("HTTP/1.1 200 OK") whose headers do not end within its first 4 KB',
      { line: 1, column: 1 },
      'Save the body of the answer alone (without -i for curl), or remove the lines above its first "{" or header row.',
    );
  }
  let body = WHOLE_FILE;
  if (response !== null) {
    const found = await responseBody(path, response);
    if ('ok' in found) return found;
    body = found;
  }
  const bytes = sniffed.subarray(body.start);
  if (isUtf16(bytes)) {
    return refused(
      'the file is UTF-16 text (as Excel saves "Unicode Text"), not UTF-8',
      null,
      'Use the CSV as downloaded from Microsoft, or save it as "CSV UTF-8 (comma delimited)".',
    );
  }
  const head = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head === '') {
    return response === null
      ? refused('the file is empty', null, 'Export or download it again.')
      : refused(
          `the file is an ${statusText(response)} answer with no body`,
          null,
          'Save the whole answer, its body included, and import it again.',
        );
  }
  // Excel workbooks (.xlsx) are zip files: what a partner who opened a CSV and saved it again is likely to hold.
  if (head.startsWith('PK\u0003\u0004')) {
    return refused(
      'the file is a zip archive, such as an Excel workbook (.xlsx), not JSON or CSV',
      null,
      'Use the CSV as downloaded, or save the sheet as "CSV UTF-8 (comma delimited)"; a zip of reports must be unpacked first.',
    );
  }
  if (head.includes('\u0000')) return refused('the file is binary, not JSON or CSV', null, UNKNOWN_HINT);
  return head.startsWith('{') || head.startsWith('[') ? readJson(path, ctx, body) : readCsv(path, ctx, body);
}

/** Rows with one key within one file: the newest wins; SharePoint and OneDrive rows combine. */
function mergeSameKey(records: AdoptionRecord[], notes: Notes): AdoptionRecord[] {
  const byKey = new Map<string, AdoptionRecord>();
  for (const record of records) {
    const seen = byKey.get(record.key);
    if (!seen || record.asOf > seen.asOf) {
      byKey.set(record.key, record);
    } else if (record.asOf === seen.asOf && record.kind === 'usage' && seen.kind === 'usage') {
      notes.add(
        `two rows for ${record.workload} of ${record.product} (SharePoint and OneDrive) were combined, taking the larger count of each`,
      );
      byKey.set(record.key, {
        ...seen,
        active: Math.max(seen.active, record.active),
        entitled: seen.entitled === null || record.entitled === null ? null : Math.max(seen.entitled, record.entitled),
      });
    }
  }
  return [...byKey.values()];
}

async function readJson(path: string, ctx: ImportContext, body: Body): Promise<ReadResult> {
  // The skipped lines stay as empty lines, so every place named below is a place in the file.
  const parsed = parseLenientJson('\n'.repeat(body.linesBefore) + (await textFrom(path, body.start)));
  if (!parsed.ok) {
    return refused(
      parsed.message,
      parsed.place,
      'Export or download the file again; if you edited it, check the brackets and commas near that place.',
    );
  }
  const doc = toDocument(parsed.value as Json);
  if (typeof doc === 'string') return refused(doc, null, UNKNOWN_HINT);
  if (doc.items.length === 0)
    return refused('the file holds an empty list: nothing to import', null, 'Check the filter or period of the request that produced it.');
  const format = jsonFormatFor(doc);
  if (format === null) {
    const fields = Object.keys(doc.items[0]!).slice(0, 8).join(', ');
    const seen = fields === '' ? 'its first item is an empty object' : `its first item has: ${fields}`;
    return refused(`not a kind of file this tool knows (${seen})`, { record: 1 }, UNKNOWN_HINT);
  }
  const notes = new Notes();
  if (body.note !== null) notes.add(body.note);
  parsed.repairs.forEach((repair) => notes.add(`not valid JSON as given: ${repair}`));
  try {
    const records = mergeSameKey(format.read(doc, ctx, notes), notes);
    return { ok: true, kind: format.kind, records, warnings: notes.list(), rows: doc.items.length };
  } catch (error) {
    if (error instanceof RecordError) {
      return refused(
        error.message,
        { record: error.record, ...(error.field ? { field: error.field } : {}) },
        `Nothing from this file was imported. Fix or remove that ${format.kind} item and import again.`,
      );
    }
    if (error instanceof FormatError) return refused(error.message, null, error.hint);
    throw error;
  }
}

/** One reusable accessor over the current CSV row, by column name. */
interface RowCells {
  readonly cell: Cell;
  set(row: string[]): void;
}

function rowCells(header: readonly string[]): RowCells {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  /** Column names as the code asks for them, resolved once: the fold asks the same few names on every row. */
  const resolved = new Map<string, number | undefined>();
  let current: string[] = [];
  return {
    cell: (column) => {
      let i = resolved.get(column);
      if (i === undefined && !resolved.has(column)) {
        i = index.get(column.toLowerCase());
        resolved.set(column, i);
      }
      return i === undefined ? undefined : current[i];
    },
    set(row) {
      current = row;
    },
  };
}

/** Why a one-column header is really several columns split by something else than commas; null when it is not. */
function otherSeparator(header: string): string | null {
  if (header.split(';').length > 2) return 'semicolons, not commas, as Excel saves CSV where the comma is the decimal mark';
  return header.split('\t').length > 2 ? 'tabs, not commas, as Excel saves "Text (Tab delimited)"' : null;
}

async function readCsv(path: string, ctx: ImportContext, body: Body): Promise<ReadResult> {
  const notes = new Notes();
  if (body.note !== null) notes.add(body.note);
  const parser = createReadStream(path, { start: body.start }).pipe(parse({ bom: true, skip_empty_lines: true }));
  let header: string[] | null = null;
  let kind: ReturnType<typeof csvKindFor> = null;
  let fold: UserReportFold | null = null;
  const countRows: CountsRow[] = [];
  let cells: RowCells | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (header === null) {
        header = record;
        kind = csvKindFor(header);
        if (kind === null) {
          parser.destroy();
          const separator = header.length === 1 ? otherSeparator(header[0]!) : null;
          if (separator !== null) {
            return refused(
              `its columns are separated by ${separator}`,
              { line: body.linesBefore + 1, column: 1 },
              'Use the CSV as downloaded from Microsoft, which Excel may open but must not save; or save it as "CSV UTF-8 (comma delimited)" with the comma as list separator.',
            );
          }
          return refused(
            `not a report this tool knows (its header starts: ${header.slice(0, 5).join(', ')})`,
            { line: body.linesBefore + 1, column: 1 },
            UNKNOWN_HINT,
          );
        }
        cells = rowCells(header);
        if (kind.type === 'user-report') fold = new UserReportFold(kind.report, notes);
        continue;
      }
      row++;
      cells!.set(record);
      if (fold !== null) fold.add(cells!.cell);
      else countRows.push(countsRow(cells!.cell, notes));
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = body.linesBefore + ((error as CsvError & { lines?: number }).lines ?? row + 1);
      return refused(
        `not valid CSV (${error.message.replace(/^Invalid Record Length: /, '').replace(/ on line \d+$/, '')})`,
        { line, column: 1 },
        'Download the report again; if you edited it in a spreadsheet, save it as CSV UTF-8.',
      );
    }
    if (error instanceof FieldError) {
      return refused(
        `"${error.field}" ${error.message}`,
        {
          line: body.linesBefore + row + 1,
          column: Math.max(1, (header ?? []).findIndex((h) => h.trim().toLowerCase() === error.field.toLowerCase()) + 1),
        },
        'Nothing from this file was imported. Download the report again, unedited.',
      );
    }
    throw error;
  }
  if (header === null || kind === null) return refused('the file is empty', null, 'Download the report again.');
  try {
    if (kind.type === 'services-counts') {
      notes.add('SharePoint and OneDrive counts were combined as the larger of the two (counts cannot be de-duplicated per user)');
      return {
        ok: true,
        kind: csvKindLabel(kind),
        records: servicesCountsToRecords(countRows, ctx, notes),
        warnings: notes.list(),
        rows: row,
      };
    }
    return { ok: true, kind: csvKindLabel(kind), records: fold!.finish(ctx), warnings: notes.list(), rows: row };
  } catch (error) {
    if (error instanceof FormatError) return refused(error.message, null, error.hint);
    throw error;
  }
}
