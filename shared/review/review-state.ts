import { z } from 'zod';
import { AnnotationPatch } from '../model/operations';
import { Annotation, Author, Tag } from '../model/types';
import { COLLEAGUE_FORMATS } from './colleague-file';
import { PAIR_CATEGORIES } from './pair';

/**
 * What a review of one article keeps between sessions: the colleagues' files as they were
 * placed on the article, and every decision taken, with the pair as it was when decided
 * (so the report can say "boundary conflict, merged" after the merge changed the pair).
 */
const Id = z.string().min(1).max(200);
const PairIdString = z.string().min(1).max(1000);

export const DecisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept') }).strict(),
  z.object({ kind: z.literal('reject') }).strict(),
  z.object({ kind: z.literal('merge') }).strict(),
  z.object({ kind: z.literal('edit'), patch: AnnotationPatch.pick({ tag: true, spans: true, note: true, links: true }) }).strict(),
]);

export const StoredDecision = z
  .object({
    pairId: PairIdString,
    decision: DecisionSchema,
    decidedAt: z.string().max(64),
    /** The pair when it was decided. */
    category: z.enum(PAIR_CATEGORIES),
    links: z.enum(['none', 'same', 'different']).optional(),
    mine: Annotation.optional(),
    theirs: Annotation.optional(),
  })
  .strict();
export type StoredDecision = z.infer<typeof StoredDecision>;

export const OrphanInfo = z.object({ id: Id, tag: Tag, text: z.string().max(1_000_000) }).strict();

export const AnchorCountsSchema = z
  .object({ total: z.number().int().min(0), position: z.number().int().min(0), exact: z.number().int().min(0), fuzzy: z.number().int().min(0), orphan: z.number().int().min(0) })
  .strict();

export const Colleague = z
  .object({
    id: Id,
    /** Unique among the article's colleagues. */
    label: z.string().min(1).max(200),
    /** The path the file was opened from. */
    file: z.string().max(4096),
    format: z.enum(COLLEAGUE_FORMATS),
    loadedAt: z.string().max(64),
    author: Author.optional(),
    annotations: z.array(Annotation).max(200_000),
    orphans: z.array(OrphanInfo).max(200_000),
    counts: AnchorCountsSchema,
    decisions: z.array(StoredDecision).max(200_000),
    /** The pair the reviewer was on. */
    cursor: PairIdString.optional(),
    /** A desk colleague's live layer (file is `desk:<author id>`), kept up to date by the desk. */
    live: z.boolean().optional(),
  })
  .strict();
export type Colleague = z.infer<typeof Colleague>;

export const REVIEW_LAYOUTS = ['together', 'side-by-side'] as const;
export type ReviewLayout = (typeof REVIEW_LAYOUTS)[number];

export const ReviewState = z
  .object({
    articleId: Id,
    colleagues: z.array(Colleague).max(100),
    activeColleagueId: Id.optional(),
    layout: z.enum(REVIEW_LAYOUTS),
    /** Review mode was open when the app last closed: reopening the article resumes it. */
    reviewing: z.boolean(),
  })
  .strict();
export type ReviewState = z.infer<typeof ReviewState>;

export function emptyReview(articleId: string): ReviewState {
  return { articleId, colleagues: [], layout: 'together', reviewing: false };
}

/** A review file that could not be read: moved aside (or left alone when newer), never reset. */
export const ReviewProblem = z.object({ file: z.string(), movedTo: z.string().optional(), reason: z.string() }).strict();
export type ReviewProblem = z.infer<typeof ReviewProblem>;

export const LoadedColleague = z
  .object({
    colleagueId: Id,
    label: z.string(),
    file: z.string(),
    format: z.enum(COLLEAGUE_FORMATS),
    placed: z.number().int(),
    orphans: z.number().int(),
    fuzzy: z.number().int(),
    droppedLinks: z.number().int(),
    /** The file was loaded before: its annotations were replaced, its decisions kept. */
    replaced: z.boolean(),
  })
  .strict();
export type LoadedColleague = z.infer<typeof LoadedColleague>;

export const ReportFormat = z.enum(['csv', 'json']);
export type ReportFormat = z.infer<typeof ReportFormat>;

const ArticleRef = { articleId: Id };

/** The review channels, spread into the IPC contract (shared/ipc/contract.ts). */
export const reviewContract = {
  /** The article's review: colleagues, decisions, where the reviewer was. */
  'review:get': {
    request: z.object(ArticleRef).strict(),
    response: z.object({ review: ReviewState, problem: ReviewProblem.optional() }).strict(),
  },
  /** Whether the article was left in review mode (cheap: for reopening at launch). */
  'review:status': {
    request: z.object(ArticleRef).strict(),
    response: z.object({ reviewing: z.boolean(), colleagues: z.number().int() }).strict(),
  },
  /** Open dialog (several files), then read, place and keep each colleague's file. All or nothing. */
  'review:load': {
    request: z.object(ArticleRef).strict(),
    response: z.union([
      z.object({ canceled: z.literal(true) }).strict(),
      z.object({ review: ReviewState, loaded: z.array(LoadedColleague) }).strict(),
    ]),
  },
  /** Record (or forget, on undo) one decision, as it is made. */
  'review:decide': {
    request: z
      .object({
        ...ArticleRef,
        colleagueId: Id,
        change: z.union([z.object({ set: StoredDecision }).strict(), z.object({ forget: PairIdString }).strict()]),
      })
      .strict(),
    response: z.object({}).strict(),
  },
  /** Where the reviewer is: the colleague, the pair, the layout, whether review mode is open. */
  'review:update': {
    request: z
      .object({
        ...ArticleRef,
        activeColleagueId: Id.optional(),
        layout: z.enum(REVIEW_LAYOUTS).optional(),
        reviewing: z.boolean().optional(),
        cursor: z.object({ colleagueId: Id, pairId: PairIdString.nullable() }).strict().optional(),
      })
      .strict(),
    response: z.object({}).strict(),
  },
  /** Close a colleague's file (and forget its decisions). */
  'review:remove': {
    request: z.object({ ...ArticleRef, colleagueId: Id }).strict(),
    response: ReviewState,
  },
  /** Save dialog, then the review report against one colleague: every pair, its category and decision. */
  'review:export-report': {
    request: z.object({ ...ArticleRef, colleagueId: Id, format: ReportFormat }).strict(),
    response: z.union([z.object({ path: z.string(), rows: z.number().int() }).strict(), z.object({ canceled: z.literal(true) }).strict()]),
  },
} as const;
