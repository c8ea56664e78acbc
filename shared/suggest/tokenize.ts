/**
 * Tokens and sentences for the attribution model. Offsets are UTF-16 (what the app counts).
 * Quotation marks are tokens of their own, including the `` and '' of older wire copy.
 * Bounded: a "sentence" is cut after MAX_SENTENCE tokens so nothing downstream is quadratic.
 */
export interface Token {
  start: number;
  end: number;
  text: string;
}

export interface Doc {
  text: string;
  tokens: Token[];
  /** Sentence number of every token. */
  sentence: Int32Array;
  /** Paragraph (line) number of every token. */
  paragraph: Int32Array;
  /** [first, end) token index of each sentence. */
  sentences: [number, number][];
}

export const MAX_SENTENCE = 150;

// A word (letters, digits, inner apostrophes, hyphens, periods as in U.S), a number, a
// doubled quote mark, or any other single character that is not space.
const TOKEN = /``|''|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.\-&/][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen lt col sgt capt st jr sr prof rev sept sep oct nov dec jan feb aug inc corp co ltd vs etc no u.s u.k d.c u.n a.m p.m'.split(' '),
);

const END = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', '”', "''", '’', "'", ')', '»']);

export function tokenize(text: string): Doc {
  const tokens: Token[] = [];
  const paragraph: number[] = [];
  let para = 0;
  let lastEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    // Count line breaks between tokens: each new line is a new paragraph.
    for (let i = lastEnd; i < start; i++) if (text.charCodeAt(i) === 10) para++;
    // An abbreviation or initial keeps its period: "Mr.", "J.", "U.S.".
    if (text[end] === '.' && /\p{L}/u.test(m[0][0]!)) {
      const low = m[0].toLowerCase();
      if (ABBREVIATIONS.has(low) || (m[0].length === 1 && /\p{Lu}/u.test(m[0])) || low.includes('.')) end++;
    }
    tokens.push({ start, end, text: text.slice(start, end) });
    paragraph.push(para);
    lastEnd = end;
    TOKEN.lastIndex = end;
  }
  const sentence = new Int32Array(tokens.length);
  const sentences: [number, number][] = [];
  let first = 0;
  const close = (end: number) => {
    if (end > first) sentences.push([first, end]);
    first = end;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (i > first && (paragraph[i] !== paragraph[i - 1] || i - first >= MAX_SENTENCE)) close(i);
    sentence[i] = sentences.length;
    const t = tokens[i]!.text;
    if (END.has(t) || (t.endsWith('.') && t.length > 1 && i + 1 < tokens.length && !ABBREVIATIONS.has(t.slice(0, -1).toLowerCase()) && t.length > 2)) {
      // Closing quotes and brackets after the full stop belong to this sentence.
      let j = i + 1;
      while (j < tokens.length && CLOSERS.has(tokens[j]!.text) && paragraph[j] === paragraph[i]) sentence[j++] = sentences.length;
      const next = tokens[j];
      if (!next || paragraph[j] !== paragraph[i] || /^[\p{Lu}\p{N}"“'`‘(«]/u.test(next.text)) {
        i = j - 1;
        close(j);
      }
    }
  }
  close(tokens.length);
  return { text, tokens, sentence, paragraph: Int32Array.from(paragraph), sentences };
}
