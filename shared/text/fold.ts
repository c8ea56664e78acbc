import { isSurrogate } from './surrogates';

/**
 * Text folded for searching: lower case, accents removed ("Nicolás" finds "nicolas"), curly
 * quotes and apostrophes made straight, dashes made '-', every kind of space and line end
 * made ' '. The fold keeps the length (one UTF-16 code unit in, one out), so an offset found
 * in the folded text is the same offset in the original: a match can be shown in place.
 */
const UNKNOWN = 0xffff;
let table: Uint16Array | undefined;

const SPECIAL: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u00b4': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};

function foldUnit(code: number): number {
  // Lone surrogates (halves of emoji and other astral characters) stay as they are.
  if (isSurrogate(code)) return code;
  const ch = String.fromCharCode(code);
  const special = SPECIAL[ch];
  if (special) return special.charCodeAt(0);
  if (/\s/u.test(ch)) return 32;
  // Drop accents only: keep a character whose decomposition is not "base + marks" (Hangul).
  const decomposed = ch.normalize('NFD');
  const base = decomposed.length > 1 && /^\P{M}\p{M}+$/u.test(decomposed) ? decomposed[0]! : ch;
  const lower = base.toLowerCase();
  // "İ".toLowerCase() is two units; the first keeps the length and still reads as "i".
  return lower.charCodeAt(0);
}

/** Fold one string for searching; `fold(s).length === s.length` always. */
export function fold(text: string): string {
  table ??= new Uint16Array(0x10000).fill(UNKNOWN);
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let folded = table[code]!;
    if (folded === UNKNOWN && code !== UNKNOWN) folded = table[code] = foldUnit(code);
    out[i] = folded === UNKNOWN ? code : folded;
  }
  // In chunks: String.fromCharCode takes its arguments on the stack.
  let result = '';
  for (let i = 0; i < out.length; i += 0x2000) result += String.fromCharCode(...out.subarray(i, i + 0x2000));
  return result;
}

/**
 * A search query as folded terms: words, or "quoted phrases" kept together. Every term must
 * be found for an article to match (in its title or its text).
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  const folded = fold(query);
  for (const m of folded.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const term = (m[1] ?? m[2] ?? '').replace(/ +/g, ' ').trim();
    if (term) terms.push(term);
  }
  return terms;
}
