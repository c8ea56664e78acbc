import type { Problem } from '../issues';
import type { ArticleSource } from '../model/types';

/**
 * What an article's details may hold, checked the same way in the window (as the user types)
 * and in the main process (before anything is stored).
 */
export const LIMITS = { title: 1000, outlet: 500, byline: 500, url: 4096 } as const;

/** An absolute http(s) address: the only kind the app shows as a link. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The published time as stored: `2025-03-14`, `2025-03-14T07:45`, or a full ISO time with
 * seconds and a zone (`2025-03-14T07:45:00+00:00`, as web pages give it).
 */
const PUBLISHED = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface PublishedParts {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM`, when the value has a time. */
  time?: string;
  /** What follows the minutes (`:00+00:00`), kept when only the date or time is edited. */
  rest?: string;
}

/** Split a stored published time for the date and time fields; undefined when it is not one. */
export function publishedParts(value: string | undefined): PublishedParts | undefined {
  if (!value) return undefined;
  const m = PUBLISHED.exec(value.trim());
  if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return { date };
  const rest = value.trim().slice(date.length + 6);
  return { date, time: `${m[4]}:${m[5]}`, ...(rest ? { rest } : {}) };
}

/** Date and time fields back to one stored value; the zone of `previous` is kept. */
export function composePublished(date: string, time: string, previous?: string): string | undefined {
  if (!date) return undefined;
  const before = publishedParts(previous);
  if (before && before.date === date && (before.time ?? '') === time) return previous!.trim();
  if (!time) return date;
  return `${date}T${time}${before?.time && before.rest ? before.rest : ''}`;
}

function realDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Every problem with a title and source the user is about to save, each naming its field. */
export function detailsProblems(details: { title?: string; source: ArticleSource }): Problem[] {
  const problems: Problem[] = [];
  const { title, source } = details;
  if (title !== undefined) {
    if (title.trim() === '') problems.push({ where: 'title', message: 'The title cannot be empty.' });
    else if (title.length > LIMITS.title) problems.push({ where: 'title', message: `The title is longer than ${LIMITS.title} characters.` });
  }
  if (source.outlet !== undefined && source.outlet.length > LIMITS.outlet) problems.push({ where: 'outlet', message: `The outlet is longer than ${LIMITS.outlet} characters.` });
  if (source.byline !== undefined && source.byline.length > LIMITS.byline) problems.push({ where: 'byline', message: `The byline is longer than ${LIMITS.byline} characters.` });
  if (source.url !== undefined && source.url !== '') {
    if (source.url.length > LIMITS.url) problems.push({ where: 'url', message: `The URL is longer than ${LIMITS.url} characters.` });
    else if (!isWebUrl(source.url)) problems.push({ where: 'url', message: 'The URL must be a web address starting with http:// or https:// (for example https://example.com/story).' });
  }
  if (source.published !== undefined && source.published !== '' && !publishedParts(source.published)) {
    problems.push({ where: 'published', message: `“${source.published.slice(0, 40)}” is not a date Newsmark can read; use a date such as 2025-03-14, with a time if you know it.` });
  }
  return problems;
}

/** A source with its fields trimmed and empty ones left out. */
export function cleanSource(source: ArticleSource): ArticleSource {
  const out: ArticleSource = {};
  for (const key of ['outlet', 'url', 'byline', 'published'] as const) {
    const value = source[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}
