import type { Problem } from '../issues';
import { parseJsonSafely } from './json-safety';

/**
 * One JSON document, or JSON Lines (one complete value per line)? Decided from the text,
 * never by falling back after a failed parse: read as JSON Lines, every line of a
 * pretty-printed document with one typo is an error, and the real one is lost among them.
 */
export type JsonLayout = 'document' | 'lines';

/** The first `n` non-blank lines, with their 1-based numbers. */
function firstLines(text: string, n: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let line = 1;
  for (let start = 0; start <= text.length && out.length < n; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const l = text.slice(start, end);
    if (l.trim()) out.push({ line, text: l });
    start = end + 1;
  }
  return out;
}

function parsesAlone(line: string): unknown {
  try {
    return { value: JSON.parse(line) as unknown };
  } catch {
    return null;
  }
}

/**
 * JSON Lines when the first non-blank line is a complete JSON value on its own (a document
 * that spans lines opens with a bare `{` or `[`), or, when that first line is itself broken,
 * the next one is a complete object or array. Anything else, including a single line, is
 * one document.
 */
export function jsonLayout(raw: string): JsonLayout {
  const [first, second] = firstLines(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw, 2);
  if (!first || !second) return 'document';
  if (parsesAlone(first.text)) return 'lines';
  const next = parsesAlone(second.text) as { value: unknown } | null;
  return next !== null && typeof next.value === 'object' && next.value !== null ? 'lines' : 'document';
}

export interface JsonLine {
  /** 1-based line number in the file. */
  line: number;
  value: unknown;
}

/** Every non-blank line parsed on its own; a bad line is a problem named by its line. */
export function readJsonLines(raw: string): { lines: JsonLine[]; problems: Problem[] } {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const lines: JsonLine[] = [];
  const problems: Problem[] = [];
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const l = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (!l.trim()) continue;
    const r = parseJsonSafely(l);
    if (r.ok) lines.push({ line, value: r.value });
    else {
      for (const p of r.problems) {
        // Syntax problems say "line 1 column C" of the line alone; paths are inside it.
        const where = p.where.startsWith('line 1 ') ? `line ${line} ${p.where.slice(7)}` : `line ${line}: ${p.where}`;
        problems.push({ ...p, where });
      }
    }
  }
  return { lines, problems };
}
