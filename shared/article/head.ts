/**
 * Recognise an article's head without changing its text: a dateline first line
 * (`01.12.2025 13:06`) is the publication time, a short first line followed by a blank
 * line is the title, otherwise the title is the first sentence, shortened at a word.
 */
export interface ArticleHead {
  title: string;
  /** ISO 8601 local date-time (no zone: the dateline carries none), when a dateline was found. */
  published?: string;
}

const DATELINE = /^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T,]+(\d{1,2}):(\d{2}))?\s*$/;
export const TITLE_MAX = 90;

function pad(n: string | number): string {
  return String(n).padStart(2, '0');
}

export function parseDateline(line: string): string | undefined {
  const m = DATELINE.exec(line);
  if (!m) return undefined;
  const [, d, mo, y, h, mi] = m;
  const day = Number(d);
  const month = Number(mo);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59)) return undefined;
  const date = `${y}-${pad(month)}-${pad(day)}`;
  return h === undefined ? date : `${date}T${pad(h)}:${mi}`;
}

/** First sentence of a paragraph, cut at a word boundary when longer than `max`. */
export function firstSentence(paragraph: string, max = TITLE_MAX): string {
  const text = paragraph.trim().replace(/\s+/g, ' ');
  const end = /[.!?…](?=["'”’)]*\s+[\p{Lu}"“‘'(]|["'”’)]*$)/u.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  return shorten(sentence, max);
}

export function shorten(text: string, max = TITLE_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

export function detectHead(text: string): ArticleHead {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const published = i < lines.length ? parseDateline(lines[i]!) : undefined;
  if (published !== undefined) {
    i++;
    while (i < lines.length && lines[i]!.trim() === '') i++;
  }
  const first = lines[i]?.trim() ?? '';
  const followedByBlank = i + 1 < lines.length && lines[i + 1]!.trim() === '';
  let title: string;
  if (first && followedByBlank && first.length <= 200) title = shorten(first.replace(/\s+/g, ' '));
  else title = first ? firstSentence(first) : 'Untitled article';
  return published ? { title, published } : { title };
}
