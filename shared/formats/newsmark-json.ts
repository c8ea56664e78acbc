import { z } from 'zod';
import { quoteFor } from '../anchoring/quote';
import { compareAnnotations } from '../model/spans';
import { SourceGroup, SourceKind } from '../model/source-kind';
import { Article, ArticleSource, Author, Origin, Tag, type Annotation } from '../model/types';
import { CodePointMap } from '../text/code-points';
import { BratKept } from './brat-kept';

/**
 * Newsmark JSON v1: the product's own export. Offsets count Unicode code points; every
 * span carries its quote (exact, prefix, suffix) so it can be re-attached to a changed text.
 */
export const NEWSMARK_FORMAT = 'newsmark';
export const NEWSMARK_VERSION = 1;

const cp = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ExportedSpan = z
  .object({
    start: cp.describe('Start, in Unicode code points, inclusive'),
    end: cp.describe('End, in Unicode code points, exclusive'),
    exact: z.string().describe('The text of the span'),
    prefix: z.string().describe('Up to 32 characters before the span'),
    suffix: z.string().describe('Up to 32 characters after the span'),
  })
  .strict();
export type ExportedSpan = z.infer<typeof ExportedSpan>;

export const ExportedAnnotation = z
  .object({
    id: z.string().min(1).max(200),
    tag: Tag,
    spans: z.array(ExportedSpan).min(1).max(1000),
    note: z.string().max(100_000),
    links: z.array(z.string().min(1).max(200)).max(1000).describe('Ids of the attribution annotations this one is attributed to'),
    author: Author,
    createdAt: z.string().max(64),
    updatedAt: z.string().max(64),
    origin: Origin.optional(),
    // optional, so every file written before they existed stays valid v1
    sourceKind: SourceKind.optional().describe("Attributions: the kind of source the editor chose (person, organisation, media, document, anonymous, passive, unknown)"),
    sourceGroup: SourceGroup.optional().describe('Attributions: the source group the editor merged it into'),
  })
  .strict();
export type ExportedAnnotation = z.infer<typeof ExportedAnnotation>;

export const NewsmarkExport = z
  .object({
    format: z.literal(NEWSMARK_FORMAT),
    version: z.literal(NEWSMARK_VERSION),
    exporter: z.object({ name: z.string().max(200), version: z.string().max(64) }).strict(),
    exportedAt: z.string().max(64),
    article: z
      .object({
        id: z.string().min(1).max(200),
        title: z.string().max(1000),
        source: ArticleSource,
        textHash: Article.shape.textHash.describe('sha256 of the UTF-8 article text'),
        length: cp.describe('Length of the article text in Unicode code points'),
        text: z.string().optional().describe('The full article text, when exported with it'),
      })
      .strict(),
    annotations: z.array(ExportedAnnotation).max(1_000_000),
    brat: BratKept.optional(),
  })
  .strict();
export type NewsmarkExport = z.infer<typeof NewsmarkExport>;

export interface ExportOptions {
  includeText?: boolean;
  exporter: { name: string; version: string };
  now: string;
  /** What an imported brat file had beyond its annotations, carried along for a lossless trip back. */
  brat?: BratKept;
}

export function toNewsmarkExport(article: Article, annotations: readonly Annotation[], options: ExportOptions): NewsmarkExport {
  const map = new CodePointMap(article.text);
  const sorted = [...annotations].sort(compareAnnotations);
  return {
    format: NEWSMARK_FORMAT,
    version: NEWSMARK_VERSION,
    exporter: options.exporter,
    exportedAt: options.now,
    article: {
      id: article.id,
      title: article.title,
      source: article.source,
      textHash: article.textHash,
      length: map.codePointLength,
      ...(options.includeText ? { text: article.text } : {}),
    },
    annotations: sorted.map((a) => exportAnnotation(article.text, map, a)),
    ...(options.brat ? { brat: options.brat } : {}),
  };
}

/** One annotation with code point offsets and a quote selector per span. */
export function exportAnnotation(text: string, map: CodePointMap, a: Annotation): ExportedAnnotation {
  return {
    id: a.id,
    tag: a.tag,
    spans: a.spans.map((s) => ({
      start: map.toCodePoint(s.start),
      end: map.toCodePoint(s.end),
      ...quoteFor(text, s),
    })),
    note: a.note,
    links: [...a.links],
    author: a.author,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    ...(a.origin ? { origin: a.origin } : {}),
    ...(a.sourceKind ? { sourceKind: a.sourceKind } : {}),
    ...(a.sourceGroup ? { sourceGroup: a.sourceGroup } : {}),
  };
}

export function newsmarkJsonSchema(): object {
  return {
    $id: 'https://newsmark.app/schema/newsmark-v1.schema.json',
    title: 'Newsmark annotations, version 1',
    ...z.toJSONSchema(NewsmarkExport, { target: 'draft-2020-12' }),
  };
}
