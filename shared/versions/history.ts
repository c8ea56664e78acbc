import { z } from 'zod';
import { Annotation, Article, ArticleSource } from '../model/types';
import { Orphan } from '../transfer/orphans';

const IsoDate = z.string().max(64);
const Label = z.string().max(4096);

/**
 * An earlier version of an article, frozen as it was when the next one came in: its text
 * and its annotations as they were then. Read-only.
 */
export const StoredVersion = z
  .object({
    number: z.number().int().min(1),
    title: z.string().max(1000),
    text: Article.shape.text,
    textHash: Article.shape.textHash,
    source: ArticleSource,
    /** When this version came into the library. */
    addedAt: IsoDate,
    /** Where it came from (a file name), or "" for the first. */
    label: Label,
    annotations: z.array(Annotation),
    orphans: z.array(Orphan),
  })
  .strict();
export type StoredVersion = z.infer<typeof StoredVersion>;

/** The version being edited (its text and annotations are the article's own). */
export const CurrentVersion = z
  .object({
    number: z.number().int().min(1),
    addedAt: IsoDate,
    label: Label,
    /** The article's revision right after this version came in: undoing it is allowed only from there. */
    revision: z.number().int().min(0),
    /** Annotations placed fuzzily when this version came in, until the editor confirms them. */
    unconfirmed: z.array(z.string().min(1).max(200)),
  })
  .strict();
export type CurrentVersion = z.infer<typeof CurrentVersion>;

/** One row of the version history, without the text (what the header and the export list). */
export const VersionInfo = z
  .object({ number: z.number().int().min(1), textHash: z.string(), addedAt: z.string(), label: z.string(), length: z.number().int(), annotations: z.number().int() })
  .strict();
export type VersionInfo = z.infer<typeof VersionInfo>;

/** "version 3 of 3 · updated 2 h after the first" */
export function versionHeading(number: number, of: number, firstAt: string, thisAt: string): string {
  const head = `version ${number} of ${of}`;
  if (number === 1) return of === 1 ? head : `${head} · the first`;
  const ms = Date.parse(thisAt) - Date.parse(firstAt);
  return Number.isFinite(ms) ? `${head} · updated ${span(ms)} after the first` : head;
}

function span(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.round(h / 24)} days`;
}
