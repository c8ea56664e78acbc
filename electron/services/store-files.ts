import { z } from 'zod';
import { BratKept } from '../../shared/formats/brat-kept';
import { ArticleSummary, ExportPrefs, Theme } from '../../shared/ipc/contract';
import { Annotation, Article, Author } from '../../shared/model/types';
import { Orphan } from '../../shared/transfer/orphans';
import { CurrentVersion, StoredVersion } from '../../shared/versions/history';

/**
 * The shape of each store file, with a schema version and the migrations that bring an
 * older file up to date. A file that fails its schema is moved aside, never reset.
 */
/** 2: exportPrefs may appear. */
export const SETTINGS_VERSION = 2;
/** 2: an entry may carry `trashedAt` (the article is in the trash). */
export const LIBRARY_VERSION = 2;
/** 2: `orphans` (imported annotations left unplaced) and `brat` may appear. 3: `versions` and `current` (the article's earlier versions). */
export const ARTICLE_VERSION = 3;

export const WindowBounds = z
  .object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(200), height: z.number().int().min(200), maximized: z.boolean() })
  .strict();
export type WindowBounds = z.infer<typeof WindowBounds>;

export const SettingsFile = z
  .object({
    schemaVersion: z.literal(SETTINGS_VERSION),
    user: Author,
    theme: Theme,
    lastArticleId: z.string().optional(),
    seeded: z.boolean(),
    windowBounds: WindowBounds.optional(),
    /** v2: the export dialog's last choice. */
    exportPrefs: ExportPrefs.optional(),
  })
  .strict();
export type SettingsFile = z.infer<typeof SettingsFile>;

export const LibraryFile = z.object({ schemaVersion: z.literal(LIBRARY_VERSION), articles: z.array(ArticleSummary) }).strict();
export type LibraryFile = z.infer<typeof LibraryFile>;

export const ArticleFile = z
  .object({
    schemaVersion: z.literal(ARTICLE_VERSION),
    revision: z.number().int().min(0),
    article: Article,
    annotations: z.array(Annotation),
    /** v2: imported annotations that could not be placed (the Unplaced panel); absent = none. */
    orphans: z.array(Orphan).optional(),
    /** v2: what a brat file had beyond its annotations, for a lossless export back to brat. */
    brat: BratKept.optional(),
    /** v3: the earlier versions of the text, oldest first, each frozen with its annotations; absent = none. */
    versions: z.array(StoredVersion).optional(),
    /** v3: which version the article's text is, when it has more than one. */
    current: CurrentVersion.optional(),
  })
  .strict();
export type ArticleFile = z.infer<typeof ArticleFile>;

/**
 * Migrations by the version they start from. Each raises the version, so an older Newsmark
 * reports a newer file and leaves it alone rather than moving it aside for unknown fields.
 * - settings 1 → 2: `exportPrefs` may appear (nothing to convert).
 * - library 1 → 2: entries may carry `trashedAt`; a version 1 index has nothing in the trash.
 * - article 1 → 2: `orphans` and `brat` may appear; a version 1 file gets an empty `orphans` list.
 * - article 2 → 3: `versions` and `current` may appear; a version 2 file has one version (no earlier ones).
 */
const migrations: Record<string, Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {
  settings: { 1: (data) => ({ ...data, schemaVersion: 2 }) },
  library: { 1: (data) => ({ ...data, schemaVersion: 2 }) },
  article: { 1: (data) => ({ ...data, schemaVersion: 2, orphans: [] }), 2: (data) => ({ ...data, schemaVersion: 3, versions: [] }) },
};

export class NewerVersionError extends Error {}

/** Bring a stored object up to `current`, or say why it cannot be. */
export function migrate(kind: keyof typeof migrations, data: Record<string, unknown>, current: number): Record<string, unknown> {
  let version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new Error('schemaVersion is missing or not a whole number');
  if (version > current) throw new NewerVersionError(`written by a newer Newsmark (schema version ${version}, this one reads up to ${current})`);
  let out = data;
  while (version < current) {
    const step = migrations[kind]![version];
    if (!step) throw new Error(`no migration from schema version ${version}`);
    out = step(out);
    version++;
  }
  return out;
}
