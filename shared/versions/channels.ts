import { z } from 'zod';
import { Annotation } from '../model/types';
import { Orphan } from '../transfer/orphans';
import { VersionInfo } from './history';

/** The IPC channels of article versions, spread into the contract in shared/ipc/contract.ts. */
const Id = z.string().min(1).max(200);
const Number_ = z.number().int().min(1);
const Counts = z.object({ total: z.number().int(), exact: z.number().int(), fuzzy: z.number().int(), unplaced: z.number().int() }).strict();
const ChangeCounts = z.object({ added: z.number().int(), removed: z.number().int(), reworded: z.number().int(), quotes: z.number().int(), touching: z.number().int() }).strict();
const Range = z.object({ start: z.number().int(), end: z.number().int() }).strict();

export const SentenceChangeSchema = z
  .object({
    index: z.number().int(),
    kind: z.enum(['added', 'removed', 'reworded']),
    old: Range.optional(),
    new: Range.optional(),
    at: z.number().int(),
    oldText: z.string().optional(),
    newText: z.string().optional(),
    parts: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() }).strict()).optional(),
    quote: z.object({ before: z.string(), after: z.string() }).strict().optional(),
    annotations: z.array(z.string()),
  })
  .strict();

export const AddVersionResponse = z.union([
  z.object({ canceled: z.literal(true) }).strict(),
  z.object({ status: z.literal('failed'), file: z.string(), reason: z.string() }).strict(),
  z.object({ status: z.literal('identical'), file: z.string() }).strict(),
  /** Looks like another article: nothing changed; send `confirm` with the token to add it anyway. */
  z.object({ status: z.literal('different'), file: z.string(), token: Id, sharedSentences: z.number().int(), counts: Counts }).strict(),
  z.object({ status: z.literal('added'), file: z.string(), number: Number_, counts: Counts, changes: ChangeCounts }).strict(),
]);
export type AddVersionResponse = z.infer<typeof AddVersionResponse>;

export const versionChannels = {
  /** File → New Version of This Article…: choose a file (or send a token to confirm a "different" one). */
  'versions:add': {
    request: z.object({ articleId: Id, confirm: Id.optional() }).strict(),
    response: AddVersionResponse,
  },
  'versions:list': {
    request: z.object({ articleId: Id }).strict(),
    response: z.object({ versions: z.array(VersionInfo), current: Number_, unconfirmed: z.array(z.string()) }).strict(),
  },
  /** An earlier version's text with its annotations as they were (read-only). */
  'versions:open': {
    request: z.object({ articleId: Id, number: Number_ }).strict(),
    response: z.object({ number: Number_, text: z.string(), annotations: z.array(Annotation), orphans: z.array(Orphan) }).strict(),
  },
  'versions:changes': {
    request: z.object({ articleId: Id, from: Number_, to: Number_ }).strict(),
    response: z.object({ changes: z.array(SentenceChangeSchema), counts: ChangeCounts }).strict(),
  },
  /** Undo the latest version's arrival (only while its annotations are untouched). */
  'versions:undo': {
    request: z.object({ articleId: Id, number: Number_ }).strict(),
    response: z.object({ current: Number_ }).strict(),
  },
  'versions:confirm': {
    request: z.object({ articleId: Id, ids: z.union([z.array(Id).max(100_000), z.literal('all')]) }).strict(),
    response: z.object({ unconfirmed: z.array(z.string()) }).strict(),
  },
  /** The history and the latest changes as JSON with a readable report (.md) beside it. */
  'versions:export': {
    request: z.object({ articleId: Id }).strict(),
    response: z.union([z.object({ path: z.string(), files: z.array(z.string()) }).strict(), z.object({ canceled: z.literal(true) }).strict()]),
  },
} as const;
