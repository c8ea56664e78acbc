import { firstSentenceEnd } from '../article/head';

/** A sentence of an article: UTF-16 offsets into the text, end exclusive, without surrounding spaces. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/**
 * Split a text into sentences, paragraph by paragraph (a line break always ends one), with
 * the same sentence-end rule as the article's title (abbreviations and initials do not end
 * a sentence). Spaces between sentences belong to none.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let at = lineStart;
    while (at < lineEnd) {
      while (at < lineEnd && /\s/.test(text[at]!)) at++;
      if (at >= lineEnd) break;
      const rest = text.slice(at, lineEnd);
      let end = at + firstSentenceEnd(rest);
      if (end <= at) end = lineEnd;
      let trimmed = end;
      while (trimmed > at && /\s/.test(text[trimmed - 1]!)) trimmed--;
      out.push({ start: at, end: trimmed, text: text.slice(at, trimmed) });
      at = end;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
