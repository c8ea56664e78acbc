/**
 * Where a JSON text stops being JSON, as the parser saw it. V8 says "… in JSON at position N"
 * (newer versions add "(line L column C)"), or names the token without a position, or says
 * "Unexpected end of JSON input". The position is what we trust; line, column and the
 * excerpt are computed here from it, so every host reports the same place.
 */
export interface JsonSyntaxError {
  /** UTF-16 offset into the text that was parsed. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (what the parser counts). */
  column: number;
  /** The parser's words, without its position or its quoting of the input. */
  message: string;
  /** The line around the offset and a caret under it. */
  excerpt: string;
}

/** The offset a JSON.parse error names, or null when it names none. */
export function parserOffset(message: string, length: number): number | null {
  const pos = /\bat position (\d+)/.exec(message);
  if (pos) return Math.min(Number(pos[1]), length);
  if (/Unexpected end of JSON input/i.test(message)) return length;
  return null;
}

/** The parser's message without "in JSON at position …" or the quoted input after it. */
export function parserWords(message: string): string {
  return message
    .replace(/\s+in JSON at position \d+.*$/s, '')
    .replace(/, (?:"|\.\.\.").*$/s, '')
    .replace(/ is not valid JSON$/, '')
    .trim();
}

/** 1-based line and column of `offset`; counts LF, so CRLF files count like editors do. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number; lineStart: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, lineStart };
}

const BEFORE = 40;
const AFTER = 30;

/**
 * The line holding `offset`, cut to a few dozen characters around it (a minified file is
 * one long line), and a caret under the offset. Tabs stay tabs in the caret line so it lines
 * up; astral characters count once, as a terminal shows them.
 */
export function excerptAt(text: string, offset: number, lineStart: number): string {
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  const at = Math.min(offset, lineEnd);
  const from = Math.max(lineStart, at - BEFORE);
  const to = Math.min(lineEnd, at + AFTER);
  const head = from > lineStart ? '…' : '';
  const before = text.slice(from, at);
  const shown = head + before + text.slice(at, to) + (to < lineEnd ? '…' : '');
  const pad = head.replace(/./g, ' ') + Array.from(before, (c) => (c === '\t' ? '\t' : ' ')).join('');
  return `${visible(shown)}\n${pad}^`;
}

/** Control characters (other than tab) shown as a middle dot, so a terminal draws the excerpt as it is. */
function visible(s: string): string {
  let out = '';
  for (const c of s) {
    const code = c.charCodeAt(0);
    out += code !== 9 && (code < 0x20 || code === 0x7f) ? '·' : c;
  }
  return out;
}

/**
 * Locate a JSON.parse failure on `text`. `fallback` finds the offset when the parser's
 * message names none (older V8 for an unexpected token).
 */
export function locateJsonError(text: string, error: unknown, fallback: () => { offset: number; message: string } | null): JsonSyntaxError {
  const said = error instanceof Error ? error.message : String(error);
  let offset = parserOffset(said, text.length);
  let message = parserWords(said);
  if (offset === null) {
    const found = fallback();
    offset = found?.offset ?? text.length;
    if (!message && found) message = found.message;
  }
  if (!message) message = 'not valid JSON';
  const { line, column, lineStart } = lineColumnAt(text, offset);
  return { offset, line, column, message, excerpt: excerptAt(text, offset, lineStart) };
}
