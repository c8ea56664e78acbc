import { z } from 'zod';
import { Operation } from '../model/operations';
import { Annotation, Article, ArticleSource, Author } from '../model/types';
import { deskContract } from '../desk/contract';
import { reviewContract } from '../review/review-state';
import { ExportFormat, ExportPrefs, transferChannels } from '../transfer/channels';
import { Orphan, OrphanChange } from '../transfer/orphans';
import { versionChannels } from '../versions/channels';

/**
 * The one contract between the window and the main process: every channel, its request
 * and its response. Main registers a handler for exactly these channels (an allow-list)
 * and validates every request with its schema before anything else runs.
 */
const Id = z.string().min(1).max(200);
const Counts = z.object({ claim: z.number().int(), quote: z.number().int(), attribution: z.number().int() }).strict();

export const ArticleSummary = z
  .object({
    id: Id,
    title: z.string(),
    source: ArticleSource,
    counts: Counts,
    length: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    openedAt: z.string().optional(),
    /** Set while the article is in the trash; its file is kept until the trash is emptied. */
    trashedAt: z.string().optional(),
    /** How many versions of the text the article has (absent: one). */
    versions: z.number().int().min(1).optional(),
  })
  .strict();
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** A store file that could not be read: it was moved aside, never reset. */
export const StoreProblem = z
  .object({
    store: z.string(),
    file: z.string(),
    movedTo: z.string().optional(),
    articleId: z.string().optional(),
    title: z.string().optional(),
    reason: z.string(),
  })
  .strict();
export type StoreProblem = z.infer<typeof StoreProblem>;

export const Theme = z.enum(['system', 'light', 'dark']);
export const PublicSettings = z
  .object({
    user: Author,
    theme: Theme,
    lastArticleId: z.string().optional(),
    exportPrefs: ExportPrefs.optional(),
  })
  .strict();
export type PublicSettings = z.infer<typeof PublicSettings>;

export { ExportFormat, ExportPrefs };

export const OpenedArticle = z
  .object({ article: Article, annotations: z.array(Annotation), revision: z.number().int(), orphans: z.array(Orphan).optional() })
  .strict();
export type OpenedArticle = z.infer<typeof OpenedArticle>;

const NoPayload = z.object({}).strict();

/**
 * Largest file the window sends to main (a dropped file, read in the window). Its bytes cross
 * as base64: a string survives every transport unchanged (Electron's structured clone through
 * contextBridge, Playwright's binding in the browser host, JSON). File → Open reads in main.
 */
export const MAX_TRANSFER_BYTES = 50_000_000;
const Base64 = z
  .string()
  .max(Math.ceil(MAX_TRANSFER_BYTES / 3) * 4, { message: `more than ${MAX_TRANSFER_BYTES / 1_000_000} MB` })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' });

const ProblemShape = z.object({ where: z.string(), message: z.string(), excerpt: z.string().optional() }).strict();

/** One file's import: the article it became, or why it was refused (nothing was stored then). */
export const ImportOutcome = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('imported'),
      file: z.string(),
      article: ArticleSummary,
      /** Annotations restored with it (a Newsmark export); 0 for text, Markdown and web pages. */
      annotations: z.number().int(),
      restored: z.boolean(),
    })
    .strict(),
  z
    .object({ status: z.literal('failed'), file: z.string(), code: z.string(), reason: z.string(), problems: z.array(ProblemShape).optional() })
    .strict(),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** Where a search term was found; for the text, the words around the first hit. */
export const SearchMatch = z
  .object({
    id: Id,
    in: z.enum(['title', 'text']),
    snippet: z.object({ before: z.string(), match: z.string(), after: z.string() }).strict().optional(),
  })
  .strict();
export type SearchMatch = z.infer<typeof SearchMatch>;

export const contract = {
  'library:list': {
    request: NoPayload,
    response: z.object({ articles: z.array(ArticleSummary), problems: z.array(StoreProblem) }).strict(),
  },
  'article:create': {
    request: z
      .object({
        text: z.string().max(5_000_000),
        title: z.string().max(1000).optional(),
        outlet: z.string().max(500).optional(),
        url: z.string().max(4096).optional(),
      })
      .strict(),
    response: ArticleSummary,
  },
  'article:open': { request: z.object({ id: Id }).strict(), response: OpenedArticle },
  'article:update': {
    request: z.object({ id: Id, title: z.string().min(1).max(1000).optional(), source: ArticleSource.optional() }).strict(),
    response: ArticleSummary,
  },
  /** Move to the trash: kept, with its annotations, until the trash is emptied. */
  'article:trash': { request: z.object({ id: Id }).strict(), response: ArticleSummary },
  'article:restore': { request: z.object({ id: Id }).strict(), response: ArticleSummary },
  /** Delete for good (an article in the trash, one at a time). */
  'article:delete': { request: z.object({ id: Id }).strict(), response: NoPayload },
  'trash:empty': { request: NoPayload, response: z.object({ deleted: z.number().int() }).strict() },
  'library:search': {
    request: z.object({ query: z.string().max(1000) }).strict(),
    response: z.object({ matches: z.array(SearchMatch) }).strict(),
  },
  /** File → Open: the native open dialog; the chosen files are named by tokens only main can read. */
  'import:choose': {
    request: NoPayload,
    response: z.union([z.object({ files: z.array(z.object({ token: Id, name: z.string() }).strict()) }).strict(), z.object({ canceled: z.literal(true) }).strict()]),
  },
  /** Import one file: one the window read (a drop) or one chosen in the open dialog. */
  'import:file': {
    request: z.union([z.object({ name: z.string().min(1).max(1000), data: Base64 }).strict(), z.object({ token: Id }).strict()]),
    response: ImportOutcome,
  },
  'annotations:apply': {
    request: z.object({ articleId: Id, baseRevision: z.number().int().min(0), operation: Operation, orphans: OrphanChange.optional() }).strict(),
    response: z.object({ revision: z.number().int(), summary: ArticleSummary }).strict(),
  },
  'annotations:export': {
    request: z.object({ articleId: Id, format: ExportFormat, includeText: z.boolean().optional() }).strict(),
    // files: every file written (brat writes the .ann and the .txt beside it)
    response: z.union([z.object({ path: z.string(), files: z.array(z.string()).optional() }).strict(), z.object({ canceled: z.literal(true) }).strict()]),
  },
  ...transferChannels,
  ...versionChannels,
  'settings:get': { request: NoPayload, response: PublicSettings },
  'settings:update': {
    request: z
      .object({ user: Author.optional(), theme: Theme.optional(), lastArticleId: Id.nullable().optional(), exportPrefs: ExportPrefs.optional() })
      .strict(),
    response: PublicSettings,
  },
  ...reviewContract,
  ...deskContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.infer<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<Contract[C]['response']>;
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export { COMMANDS, COMMAND_CHANNEL, ERROR_CODES } from './commands';
export type { Command, Envelope, ErrorCode } from './commands';
