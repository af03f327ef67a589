import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * JSON as the documentation prints it. Strict JSON first; when that fails, two narrow repairs for
 * damage seen in Microsoft's own examples, each reported with its place:
 * - a closing bracket of the wrong kind (`"Value": [ {...}, {...} }`): the missing closer is added;
 * - a bare duration as a value (`"audioDuration": 00:00:00`): it is read as the string "00:00:00".
 * Anything else (a truncated download, a stray comma) is refused with the place the parser stopped.
 */

export interface TextPlace {
  readonly line: number;
  readonly column: number;
}

export type LenientJson =
  | { readonly ok: true; readonly value: unknown; readonly repairs: string[] }
  | { readonly ok: false; readonly place: TextPlace; readonly message: string };

const BOM = '\uFEFF';

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export function placeOf(text: string, offset: number): TextPlace {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const PLAIN_WORDS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidCommentToken: 'a comment, which JSON does not allow',
  EndOfFileExpected: 'more text after the JSON ends',
};

/**
 * Where strict JSON first fails, and why. V8's own message names no place for most errors
 * ("Unexpected token ','" quotes the text around it instead), so jsonc-parser, held to strict JSON,
 * finds it; V8's message is the fallback when jsonc-parser finds nothing.
 */
function firstError(text: string, strictError: unknown): { offset: number; message: string } {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined) {
    if (first.offset >= text.trimEnd().length)
      return { offset: first.offset, message: 'the file ends before the JSON does: it was cut short' };
    const code = printParseErrorCode(first.error);
    // Plain words for the codes whose names are jargon; the others read well split ("CloseBraceExpected").
    const words = PLAIN_WORDS[code] ?? code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return { offset: first.offset, message: words };
  }
  const message = strictError instanceof Error ? strictError.message : String(strictError);
  const position = /position (\d+)/.exec(message);
  return {
    offset: position ? Number(position[1]) : text.length,
    message: message.split('\n')[0]!.replace(/ in JSON at position \d+.*$/, ''),
  };
}

interface Repaired {
  readonly text: string;
  readonly repairs: string[];
}

const DURATION = /^\d{1,2}:\d{2}:\d{2}(?:\.\d+)?/;

/** One pass over the text, outside strings, fixing only the two known kinds of damage. */
function repair(text: string): Repaired {
  const out: string[] = [];
  const repairs: string[] = [];
  const stack: string[] = [];
  let inString = false;
  let lastSignificant = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out.push(ch);
      if (ch === '\\') {
        out.push(text[i + 1] ?? '');
        i++;
      } else if (ch === '"') {
        inString = false;
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      out.push(ch);
      lastSignificant = ch;
      continue;
    }
    if (ch === '{' || ch === '[') stack.push(ch === '{' ? '}' : ']');
    if (ch === '}' || ch === ']') {
      while (stack.length > 0 && stack[stack.length - 1] !== ch && stack.includes(ch)) {
        const missing = stack.pop()!;
        const at = placeOf(text, i);
        repairs.push(`added a missing "${missing}" before line ${at.line}, column ${at.column}`);
        out.push(missing);
      }
      stack.pop();
    }
    if (lastSignificant === ':' && /\d/.test(ch)) {
      const duration = DURATION.exec(text.slice(i, i + 20));
      if (duration && !/[\d.eE+-]/.test(text[i + duration[0].length] ?? '')) {
        const at = placeOf(text, i);
        repairs.push(`read the bare duration ${duration[0]} at line ${at.line}, column ${at.column} as text`);
        out.push(`"${duration[0]}"`);
        i += duration[0].length - 1;
        lastSignificant = '"';
        continue;
      }
    }
    out.push(ch);
    if (!/\s/.test(ch)) lastSignificant = ch;
  }
  return { text: out.join(''), repairs };
}

export function parseLenientJson(raw: string): LenientJson {
  const text = stripBom(raw);
  try {
    return { ok: true, value: JSON.parse(text), repairs: [] };
  } catch (strictError) {
    const repaired = repair(text);
    if (repaired.repairs.length > 0) {
      try {
        return { ok: true, value: JSON.parse(repaired.text), repairs: repaired.repairs };
      } catch {
        // The repairs did not explain the damage: report the original failure, not ours.
      }
    }
    const error = firstError(text, strictError);
    return { ok: false, place: placeOf(text, error.offset), message: `not valid JSON (${error.message})` };
  }
}
