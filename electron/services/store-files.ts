import { z } from 'zod';
import { ArticleSummary, Theme } from '../../shared/ipc/contract';
import { Annotation, Article, Author } from '../../shared/model/types';

/**
 * The shape of each store file, with a schema version and the migrations that bring an
 * older file up to date. A file that fails its schema is moved aside, never reset.
 */
export const SETTINGS_VERSION = 1;
/** 2: an entry may carry `trashedAt` (the article is in the trash). */
export const LIBRARY_VERSION = 2;
export const ARTICLE_VERSION = 1;

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
  })
  .strict();
export type ArticleFile = z.infer<typeof ArticleFile>;

/** Migrations by the version they start from. */
const migrations: Record<string, Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {
  settings: {},
  // 1 → 2 adds the optional `trashedAt`: a version 1 index has nothing in the trash.
  library: { 1: (data) => ({ ...data, schemaVersion: 2 }) },
  article: {},
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
