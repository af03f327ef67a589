import { isObject } from './fields.js';
import { stripBom } from './lenient-json.js';

/**
 * A response saved or copied whole. The documentation prints every example as the HTTP answer
 * ("HTTP/1.1 200 OK", its headers, a blank line, then the body), so a partner who copies the block
 * gets the status line too; `curl -i` saves files the same way, one block per response when it
 * follows redirects (`-L`). This finds where the body starts and what the last status was.
 */
export interface HttpResponseHead {
  readonly status: number;
  readonly reason: string;
  readonly location: string | null;
  /** The body's first byte in the file. */
  readonly bodyStart: number;
  /** The lines of the file before the body: the status lines, headers and blank lines. */
  readonly linesBefore: number;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t]+(.*))?$/;
const BOM = '\u00EF\u00BB\u00BF'; // the UTF-8 byte order mark, read as latin1

/**
 * The head of the response the file starts with; null when the file does not start with a status
 * line, 'unterminated' when the headers do not end within `bytes` and the file goes on.
 */
export function responseHead(bytes: Buffer, wholeFile: boolean): HttpResponseHead | 'unterminated' | null {
  // latin1: one character a byte, so places in the text are places in the file.
  const text = bytes.toString('latin1');
  let at = text.startsWith(BOM) ? BOM.length : 0;
  let head: Omit<HttpResponseHead, 'bodyStart' | 'linesBefore'> | null = null;
  const lineAt = (start: number): { line: string; next: number } | null => {
    if (start >= text.length) return null;
    const end = text.indexOf('\n', start);
    if (end < 0) return wholeFile ? { line: text.slice(start).replace(/\r$/, ''), next: text.length } : null;
    return { line: text.slice(start, end).replace(/\r$/, ''), next: end + 1 };
  };
  for (;;) {
    // Blank lines between one response and the next (and before the first).
    let line = lineAt(at);
    while (line !== null && line.line.trim() === '') {
      at = line.next;
      line = lineAt(at);
    }
    const status = line === null ? null : STATUS_LINE.exec(line.line.trim());
    if (status === null || line === null) break;
    let location: string | null = null;
    at = line.next;
    for (;;) {
      const header = lineAt(at);
      if (header === null) {
        if (!wholeFile) return 'unterminated';
        break;
      }
      at = header.next;
      if (header.line.trim() === '') break;
      const [, name, value] = /^([^:]+):\s*(.*)$/.exec(header.line) ?? [];
      if (name?.trim().toLowerCase() === 'location') location = value!.trim();
    }
    head = { status: Number(status[1]), reason: (status[2] ?? '').trim(), location };
  }
  if (head === null) return null;
  const bodyStart = Math.min(at, text.length);
  let linesBefore = 0;
  for (let i = 0; i < bodyStart; i++) if (text.charCodeAt(i) === 10) linesBefore++;
  return { ...head, bodyStart, linesBefore };
}

export const isSuccess = (head: HttpResponseHead): boolean => head.status >= 200 && head.status <= 299;

/** "HTTP 404 Not Found". */
export const statusText = (head: HttpResponseHead): string => `HTTP ${head.status}${head.reason === '' ? '' : ` ${head.reason}`}`;

/** The error message an unsuccessful answer's body carries: Graph's error.message, Partner Center's description. */
export function errorMessageIn(body: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(stripBom(body).trim());
  } catch {
    return null; // a body that is not JSON carries no message this reads
  }
  const error = isObject(value) && isObject(value['error']) ? value['error'] : value;
  if (!isObject(error)) return null;
  const message = error['message'] ?? error['description'];
  return typeof message === 'string' && message.trim() !== '' ? message.trim() : null;
}

/** What to do about an answer that holds no data, by its status. */
export function unsuccessfulHint(head: HttpResponseHead): string {
  if (head.status >= 300 && head.status <= 399) {
    return head.location === null
      ? 'This answer is a redirect, not the data: follow it and import what it downloads.'
      : 'This answer is a redirect, not the data (Microsoft Graph answers a report request so): download the report from its Location link, which expires within minutes, and import that file; or let `adoption sync` fetch the reports.';
  }
  if (head.status === 401 || head.status === 403) {
    return 'The request was not allowed: sign in again or grant the permission it needs (Reports.Read.All for Graph reports), request again, and import a successful (200) answer.';
  }
  if (head.status === 429 || head.status >= 500) {
    return 'The service was busy or failed: request again later, and import a successful (200) answer.';
  }
  return 'Check the request (its address, period or filter), request again, and import a successful (200) answer.';
}
