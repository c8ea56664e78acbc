import { z } from 'zod';
import { SourceGroup, SourceKind } from './source-kind';

/** The three things an editor tags in a news article. */
export const TAGS = ['claim', 'quote', 'attribution'] as const;
export const Tag = z.enum(TAGS);
export type Tag = z.infer<typeof Tag>;

export const TAG_LABELS: Record<Tag, string> = {
  claim: 'Claim',
  quote: 'Quote',
  attribution: 'Attribution',
};

/** A half-open range of UTF-16 code units into the article text (what JS and Slate count). */
export const Span = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .strict()
  .refine((s) => s.end > s.start, { message: 'end must be greater than start' });
export type Span = z.infer<typeof Span>;

export const Author = z.object({ id: z.string().min(1).max(200), name: z.string().max(200) }).strict();
export type Author = z.infer<typeof Author>;

/** Where an annotation came from when the editor did not draw it here. */
export const Origin = z
  .object({
    kind: z.enum(['import', 'suggestion', 'colleague']),
    file: z.string().max(4096).optional(),
    author: Author.optional(),
    originalId: z.string().max(200).optional(),
    originalType: z.string().max(200).optional(),
  })
  .strict();
export type Origin = z.infer<typeof Origin>;

const IsoDate = z.string().max(64);

export const Annotation = z
  .object({
    id: z.string().min(1).max(200),
    tag: Tag,
    spans: z.array(Span).min(1).max(1000),
    note: z.string().max(100_000),
    links: z.array(z.string().min(1).max(200)).max(1000),
    author: Author,
    createdAt: IsoDate,
    updatedAt: IsoDate,
    origin: Origin.optional(),
    /** Attributions only: the kind of source the editor chose (absent: Newsmark's proposal stands). */
    sourceKind: SourceKind.optional(),
    /** Attributions only: the source group the editor put it in by merging or splitting. */
    sourceGroup: SourceGroup.optional(),
  })
  .strict();
export type Annotation = z.infer<typeof Annotation>;

export const ArticleSource = z
  .object({
    outlet: z.string().max(500).optional(),
    url: z.string().max(4096).optional(),
    byline: z.string().max(500).optional(),
    published: z.string().max(64).optional(),
  })
  .strict();
export type ArticleSource = z.infer<typeof ArticleSource>;

/** Article text is at most 5 MB of text; larger inputs are refused at import. */
export const MAX_TEXT_LENGTH = 5_000_000;

export const Article = z
  .object({
    id: z.string().min(1).max(200),
    title: z.string().max(1000),
    text: z.string().max(MAX_TEXT_LENGTH),
    source: ArticleSource,
    textHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .strict();
export type Article = z.infer<typeof Article>;

export type TagCounts = Record<Tag, number>;

export function countTags(annotations: readonly Annotation[]): TagCounts {
  const counts: TagCounts = { claim: 0, quote: 0, attribution: 0 };
  for (const a of annotations) counts[a.tag]++;
  return counts;
}
