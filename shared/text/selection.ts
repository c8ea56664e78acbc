import type { Span } from '../model/types';
import { isHighSurrogate, isLowSurrogate } from './surrogates';


const SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/u;
const WORD = /[\p{L}\p{N}\p{M}_]/u;
/** Joiners that belong to a word when a word character stands on both sides: don't, U.S., re-elect. */
const JOINER = /['’\-‐.]/u;

function charAt(text: string, i: number): string {
  // Read a whole code point, backwards-safe, so non-BMP letters count as word characters.
  const c = text.codePointAt(i);
  return c === undefined ? '' : String.fromCodePoint(c);
}

function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (isLowSurrogate(low) && i >= 2) return text.slice(i - 2, i);
  return text[i - 1]!;
}

function isWordAt(text: string, i: number): boolean {
  const c = charAt(text, i);
  if (!c) return false;
  if (WORD.test(c)) return true;
  return JOINER.test(c) && WORD.test(charBefore(text, i)) && WORD.test(charAt(text, i + 1));
}

function isWordBefore(text: string, i: number): boolean {
  const c = charBefore(text, i);
  return c !== '' && isWordAt(text, i - c.length);
}

export interface SelectionOptions {
  /** Extend to whole words (the default); false keeps the exact characters (Alt held). */
  snapToWords?: boolean;
}

/**
 * Turn a raw selection into the span to tag: surrounding white space is trimmed and, by
 * default, a selection that starts or ends inside a word grows to the whole word. Returns
 * null when nothing but white space is selected.
 */
export function spanFromSelection(text: string, start: number, end: number, options: SelectionOptions = {}): Span | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  if (s === e) return null;
  if (options.snapToWords !== false) {
    if (isWordAt(text, s)) while (isWordBefore(text, s)) s -= charBefore(text, s).length;
    if (isWordBefore(text, e)) while (e < text.length && isWordAt(text, e)) e += charAt(text, e).length;
  }
  // Never leave half a surrogate pair at either edge.
  const first = text.charCodeAt(s);
  if (isLowSurrogate(first) && s > 0) s--;
  const last = text.charCodeAt(e - 1);
  if (isHighSurrogate(last) && e < text.length) e++;
  return { start: s, end: e };
}
