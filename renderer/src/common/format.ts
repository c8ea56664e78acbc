import { publishedParts } from '../../../shared/article/source';

// Formatters are costly to make: one each, shared by every row of a long library.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A stored ISO time (updated, opened, trashed) for people. */
export function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** The published time as the article gives it (wall-clock time, no zone conversion). */
export function formatPublished(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const parts = publishedParts(value);
  if (!parts) return value;
  const [y, m, d] = parts.date.split('-').map(Number) as [number, number, number];
  const [h, mi] = (parts.time ?? '00:00').split(':').map(Number) as [number, number];
  const date = new Date(y, m - 1, d, h, mi);
  return (parts.time ? dateTime : dateOnly).format(date);
}

/** Compact published time for a library row: `2025-12-01 13:06`. */
export function shortPublished(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const parts = publishedParts(value);
  return parts ? [parts.date, parts.time].filter(Boolean).join(' ') : value;
}

export { plural } from '../../../shared/text/plural';
const OPENING = /^["'“‘«„‚‹]/;
const CLOSING = /(["'”’»›]|…)$/;

/**
 * Words in curly quotes, unless they already open with a quotation mark and close with one
 * (or were cut short with …): a quote's own marks are not doubled.
 */
export function quoted(words: string): string {
  return OPENING.test(words) && CLOSING.test(words) ? words : `“${words}”`;
}
