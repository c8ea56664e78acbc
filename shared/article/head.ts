/**
 * Recognise an article's head without changing its text:
 * - a dateline first line (`01.12.2025 13:06`, `2025-12-01 13:06`) is the publication time;
 * - a headline is a short first line followed by a blank line (PolNeAR, our own HTML and
 *   Markdown imports). A headline ending in `;` or `:` with a second line before the blank
 *   line is headline plus deck, and the title joins them (USA Today items in PolNeAR);
 * - otherwise the title is the first sentence, shortened at a word.
 */
export interface ArticleHead {
  title: string;
  /** ISO 8601 local date-time (no zone: the dateline carries none), when a dateline was found. */
  published?: string;
  /** How the title was found. */
  titleFrom: 'headline' | 'first-sentence' | 'none';
}

/** Longest line still taken for a headline; longer first lines are paragraphs. */
export const HEADLINE_MAX = 200;
/** A title made from the first sentence is shortened to this many characters. */
export const TITLE_MAX = 90;
export const UNTITLED = 'Untitled article';

const DMY = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2}))?$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/;

function pad(n: string | number): string {
  return String(n).padStart(2, '0');
}

/** `01.12.2025 13:06` (day first, as in the sample) or `2025-12-01 13:06` → `2025-12-01T13:06`. */
export function parseDateline(line: string): string | undefined {
  const s = line.trim();
  let m = DMY.exec(s);
  let parts: (string | undefined)[] | undefined;
  if (m) parts = [m[3], m[2], m[1], m[4], m[5]];
  else if ((m = YMD.exec(s))) parts = [m[1], m[2], m[3], m[4], m[5]];
  if (!parts) return undefined;
  const [y, mo, d, h, mi] = parts;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // Date.UTC rolls 31.02 over to March: compare back to refuse impossible dates.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59)) return undefined;
  const date = `${y}-${pad(month)}-${pad(day)}`;
  return h === undefined ? date : `${date}T${pad(h)}:${mi}`;
}

/** Words that end in a full stop without ending a sentence ("U.S. President", "Mr. Trump"). */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st sen rep gov gen lt col sgt capt cmdr adm jr sr prof rev hon pres inc co corp ltd bros no nos vs etc approx dept est fig mt ft ave blvd jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

function isAbbreviation(word: string): boolean {
  // Initials and dotted acronyms: "J.", "U.S.", "N.Y."
  if (/^(?:\p{L}\.)+\p{L}?$/u.test(`${word}.`) || /^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Where the first sentence of `text` ends (index after its punctuation and closing quotes). */
export function firstSentenceEnd(text: string): number {
  const re = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]*[\p{Lu}\p{N}])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('.') && m[0].length === 1) {
      const word = /[\p{L}.]+$/u.exec(text.slice(0, m.index))?.[0] ?? '';
      if (isAbbreviation(word)) continue;
    }
    return m.index + m[0].length;
  }
  return text.length;
}

/** First sentence of a paragraph, cut at a word boundary when longer than `max`. */
export function firstSentence(paragraph: string, max = TITLE_MAX): string {
  const text = collapse(paragraph);
  return shorten(text.slice(0, firstSentenceEnd(text)), max);
}

export function shorten(text: string, max = TITLE_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

function collapse(text: string): string {
  return text.trim().replace(/[ \t]+/g, ' ');
}

/**
 * One-sentence headlines carry no full stop; PolNeAR adds one to each ("…Bad Optics.",
 * "…‘in Their Heads.’"). Drop it, but keep "U.S.", an ellipsis, and the stop of a
 * headline made of sentences ("Virginian could make history. Again.").
 */
export function stripFinalStop(title: string): string {
  const m = /(?<!\.)\.(["'”’)]*)$/u.exec(title);
  if (!m) return title;
  const before = title.slice(0, m.index);
  const word = /[\p{L}.]+$/u.exec(before)?.[0] ?? '';
  if (word && isAbbreviation(word)) return title;
  if (firstSentenceEnd(before) < before.length) return title;
  return before + m[1];
}

const DECK_SEPARATOR = /[;:]\s*$/;

export function detectHead(text: string): ArticleHead {
  const lines = text.split('\n');
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i]!.trim() === '') i++;
  };
  skipBlank();
  const published = i < lines.length ? parseDateline(lines[i]!) : undefined;
  if (published !== undefined) {
    i++;
    skipBlank();
  }
  const withDate = (head: Omit<ArticleHead, 'published'>): ArticleHead => (published ? { ...head, published } : head);
  const first = collapse(lines[i] ?? '');
  if (!first) return withDate({ title: UNTITLED, titleFrom: 'none' });

  const blankAt = (k: number) => k >= lines.length || lines[k]!.trim() === '';
  const short = (line: string) => line.length <= HEADLINE_MAX;
  if (short(first) && blankAt(i + 1) && i + 1 < lines.length) {
    return withDate({ title: stripFinalStop(first), titleFrom: 'headline' });
  }
  const second = collapse(lines[i + 1] ?? '');
  if (DECK_SEPARATOR.test(first) && second && short(first) && short(second) && blankAt(i + 2) && i + 2 < lines.length) {
    return withDate({ title: stripFinalStop(`${first} ${second}`), titleFrom: 'headline' });
  }
  return withDate({ title: stripFinalStop(firstSentence(first)), titleFrom: 'first-sentence' });
}
