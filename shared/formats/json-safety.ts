import { jsonPath, type Problem } from '../issues';
import { locateJsonError } from './json-syntax';

/**
 * Untrusted JSON in, plain data or located problems out. JSON.parse alone reports syntax
 * errors without a line, accepts `__proto__` keys (harmless until someone copies the
 * object) and numbers like 1e400 (Infinity); deep nesting can overflow later recursion.
 */
export const MAX_DEPTH = 64;
export const MAX_JSON_LENGTH = 256 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Offset where nesting first exceeds `max`, skipping strings; -1 if it never does. */
export function tooDeepAt(raw: string, max = MAX_DEPTH): number {
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 34) {
      for (i++; i < raw.length && raw.charCodeAt(i) !== 34; i++) if (raw.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/**
 * Where JSON.parse would fail and why, found by a small recursive-descent checker (depth is
 * bounded by `tooDeepAt` first, so recursion is safe).
 */
export function syntaxErrorAt(raw: string): { offset: number; message: string } | null {
  let i = 0;
  const ws = () => {
    while (i < raw.length && ' \t\n\r'.includes(raw[i]!)) i++;
  };
  const fail = (message: string): never => {
    throw { offset: i, message };
  };
  const literal = (word: string) => {
    if (raw.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(raw[i])}`);
  };
  const string = () => {
    i++;
    while (i < raw.length) {
      const c = raw.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail('control character in a string (escape it)');
      if (c === 92) {
        const e = raw[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('bad escape in a string');
      } else i++;
    }
    fail('unterminated string');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(raw.slice(i, i + 400));
    if (!m) fail(`unexpected ${describe(raw[i])}`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = raw[i];
    if (c === '{') {
      i++;
      ws();
      if (raw[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (raw[i] !== '"') fail(`expected a property name in double quotes, found ${describe(raw[i])}`);
        string();
        ws();
        if (raw[i] !== ':') fail(`expected ':' after a property name, found ${describe(raw[i])}`);
        i++;
        value();
        ws();
        if (raw[i] === ',') i++;
        else if (raw[i] === '}') {
          i++;
          return;
        } else fail(`expected ',' or '}', found ${describe(raw[i])}`);
      }
    } else if (c === '[') {
      i++;
      ws();
      if (raw[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (raw[i] === ',') i++;
        else if (raw[i] === ']') {
          i++;
          return;
        } else fail(`expected ',' or ']', found ${describe(raw[i])}`);
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(`unexpected ${describe(c)}`);
  };
  try {
    value();
    ws();
    if (i < raw.length) fail(`unexpected ${describe(raw[i])} after the end of the JSON value`);
    return null;
  } catch (e) {
    return e as { offset: number; message: string };
  }
}

function describe(ch: string | undefined): string {
  return ch === undefined ? 'end of input' : JSON.stringify(ch);
}

interface Visit {
  value: unknown;
  key: PropertyKey;
  parent: Visit | null;
  depth: number;
}

function pathOf(v: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | null = v; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Problems with keys and numbers anywhere in parsed JSON, each at its JSON path. Iterative,
 * and paths are only built for problems (a large export has hundreds of thousands of values).
 */
export function unsafeValues(root: unknown, limit = 100): Problem[] {
  const problems: Problem[] = [];
  const stack: Visit[] = [{ value: root, key: '', parent: null, depth: 0 }];
  while (stack.length && problems.length < limit) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (visit.depth > MAX_DEPTH) {
      // Only the first: everything below it is deeper still.
      return [{ where: jsonPath(pathOf(visit)), message: `nested deeper than ${MAX_DEPTH} levels` }];
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) problems.push({ where: jsonPath(pathOf(visit)), message: 'number is too large' });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, key: i, parent: visit, depth: visit.depth + 1 });
        else if (typeof item === 'number') stack.push({ value: item, key: i, parent: visit, depth: visit.depth });
      }
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let k = keys.length - 1; k >= 0; k--) {
        const key = keys[k]!;
        const child = (value as Record<string, unknown>)[key];
        if (FORBIDDEN_KEYS.has(key)) problems.push({ where: jsonPath([...pathOf(visit), key]), message: `the key "${key}" is not allowed` });
        else if (child !== null && typeof child === 'object') stack.push({ value: child, key, parent: visit, depth: visit.depth + 1 });
        else if (typeof child === 'number') stack.push({ value: child, key, parent: visit, depth: visit.depth });
      }
    }
  }
  return problems;
}

/** A JSON.parse failure on `text` as one problem: where the parser stopped, its words, an excerpt. */
export function jsonSyntaxProblem(text: string, error: unknown): Problem {
  const deep = { at: -1 };
  const at = locateJsonError(text, error, () => {
    deep.at = tooDeepAt(text);
    return deep.at === -1 ? syntaxErrorAt(text) : { offset: deep.at, message: `nested deeper than ${MAX_DEPTH} levels` };
  });
  return { where: `line ${at.line} column ${at.column}`, message: `invalid JSON: ${at.message}`, excerpt: at.excerpt };
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/** Parse untrusted JSON text: every failure is a located problem, never an exception. */
export function parseJsonSafely(raw: string): JsonResult {
  if (raw.length > MAX_JSON_LENGTH) return { ok: false, problems: [{ where: '$', message: `file is larger than ${MAX_JSON_LENGTH} characters` }] };
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let value: unknown;
  try {
    // V8's JSON.parse does not recurse, so deep nesting is caught after it, in the
    // iterative walk below. The parser's own position locates a syntax error; the
    // (recursive) checker is only asked when the message names none, behind the depth guard.
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [jsonSyntaxProblem(text, e)] };
  }
  const unsafe = unsafeValues(value);
  return unsafe.length ? { ok: false, problems: unsafe } : { ok: true, value };
}
