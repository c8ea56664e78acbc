import { z } from 'zod';
import { quoteFor } from '../anchoring/quote';
import { jsonPath, type Problem } from '../issues';
import { compareAnnotations } from '../model/spans';
import { SourceKind } from '../model/source-kind';
import { Tag, type Annotation } from '../model/types';
import { CodePointMap } from '../text/code-points';
import { parseJsonSafely } from './json-safety';
import { jsonLayout, readJsonLines } from './json-lines';
import type { ExportedAnnotation } from './newsmark-json';
import type { ParseResult } from './newsmark-parse';

/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), JSON-LD.
 * One annotation per tag: motivation "classifying", a TextualBody with purpose "tagging"
 * (the tag), a second with purpose "commenting" (the note). The target is a
 * SpecificResource with a TextQuoteSelector and a TextPositionSelector (code points)
 * describing the same text; an annotation with several spans targets a List of them, in
 * text order (all of them together are the target). Each link is its own annotation,
 * motivation "linking", targets [the annotation, the one it is attributed to].
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const ANNOTATION_URN = 'urn:newsmark:annotation:';
const AUTHOR_URN = 'urn:newsmark:author:';

export interface W3CArticle {
  id: string;
  title?: string;
  text: string;
  source?: { url?: string };
}

type Json = Record<string, unknown>;

export const annotationIri = (id: string) => `${ANNOTATION_URN}${encodeURIComponent(id)}`;
function fromIri(iri: string, prefix: string): string {
  if (!iri.startsWith(prefix)) return iri;
  try {
    return decodeURIComponent(iri.slice(prefix.length));
  } catch {
    return iri; // not percent-encoded by us: keep the IRI itself as the id
  }
}

export function articleIri(article: W3CArticle): string {
  return article.source?.url || `urn:newsmark:article:${encodeURIComponent(article.id)}`;
}

function specificResource(source: string, text: string, map: CodePointMap, s: { start: number; end: number }): Json {
  const q = quoteFor(text, s);
  return {
    type: 'SpecificResource',
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
      { type: 'TextPositionSelector', start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) },
    ],
  };
}

/** The annotations (tags, then links) as W3C annotation objects, without @context. */
export function toW3CAnnotations(article: W3CArticle, annotations: readonly Annotation[]): Json[] {
  const map = new CodePointMap(article.text);
  const source = articleIri(article);
  const sorted = [...annotations].sort(compareAnnotations);
  const tags = sorted.map((a) => {
    const targets = a.spans.map((s) => specificResource(source, article.text, map, s));
    return {
      id: annotationIri(a.id),
      type: 'Annotation',
      motivation: 'classifying',
      created: a.createdAt,
      modified: a.updatedAt,
      creator: { id: `${AUTHOR_URN}${encodeURIComponent(a.author.id)}`, type: 'Person', name: a.author.name },
      body: [
        { type: 'TextualBody', value: a.tag, purpose: 'tagging' },
        ...(a.note ? [{ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' }] : []),
        // the editor's kind of source, on attributions
        ...(a.sourceKind ? [{ type: 'TextualBody', value: a.sourceKind, purpose: 'classifying' }] : []),
      ],
      target: targets.length === 1 ? targets[0] : { type: 'List', items: targets },
    };
  });
  const links = sorted.flatMap((a) =>
    a.links.map((to) => ({
      id: `urn:newsmark:link:${encodeURIComponent(a.id)}:${encodeURIComponent(to)}`,
      type: 'Annotation',
      motivation: 'linking',
      created: a.updatedAt,
      creator: { id: `${AUTHOR_URN}${encodeURIComponent(a.author.id)}`, type: 'Person', name: a.author.name },
      target: [annotationIri(a.id), annotationIri(to)],
    })),
  );
  return [...tags, ...links];
}

export function toW3CCollection(article: W3CArticle, annotations: readonly Annotation[]): Json {
  const items = toW3CAnnotations(article, annotations);
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:newsmark:collection:${encodeURIComponent(article.id)}`,
    type: 'AnnotationCollection',
    ...(article.title ? { label: article.title } : {}),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** JSON Lines: one complete annotation (with @context) per line. */
export function toW3CJsonLines(article: W3CArticle, annotations: readonly Annotation[]): string {
  return toW3CAnnotations(article, annotations)
    .map((a) => JSON.stringify({ '@context': ANNO_CONTEXT, ...a }))
    .join('\n')
    .concat('\n');
}

// ——— import ———

const Str = z.string().max(100_000);
const Quote = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1).max(1_000_000), prefix: Str.optional(), suffix: Str.optional() }).loose();
const Position = z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), end: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).loose();
const OtherSelector = z.object({ type: z.string().refine((t) => t !== 'TextQuoteSelector' && t !== 'TextPositionSelector') }).loose();
const Selector = z.union([Quote, Position, OtherSelector]);
const Resource = z.object({ source: Str.optional(), selector: z.union([Selector, z.array(Selector).min(1).max(10)]) }).loose();
const Target = z.union([Resource, z.object({ type: z.literal('List'), items: z.array(Resource).min(1).max(1000) }).loose(), z.array(Resource).min(1).max(1000)]);
const Body = z.object({ type: z.literal('TextualBody'), value: z.string().max(100_000), purpose: z.string().max(64).optional() }).loose();
const Creator = z.union([z.object({ id: Str.optional(), name: Str.optional() }).loose(), Str]);
const Common = {
  id: z.string().min(1).max(1000),
  type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'))]),
  created: z.string().max(64).optional(),
  modified: z.string().max(64).optional(),
  creator: Creator.optional(),
};
const Classifying = z.object({ ...Common, motivation: z.literal('classifying'), body: z.union([Body, z.array(Body).min(1).max(10)]), target: Target }).loose();
const Linking = z.object({ ...Common, motivation: z.literal('linking'), target: z.tuple([z.string().min(1).max(1000), z.string().min(1).max(1000)]) }).loose();

type Item = { value: unknown; where: (path: readonly PropertyKey[]) => string };

function itemsOf(raw: string): ParseResult<Item[]> {
  if (jsonLayout(raw) === 'lines') {
    const { lines, problems } = readJsonLines(raw);
    if (problems.length) return { ok: false, problems };
    return { ok: true, value: lines.map(({ line, value }) => ({ value, where: (path) => `line ${line}: ${jsonPath(path)}` })) };
  }
  const whole = parseJsonSafely(raw);
  if (!whole.ok) return whole;
  const v = whole.value as Json;
  const at = (prefix: PropertyKey[]) => (path: readonly PropertyKey[]) => jsonPath([...prefix, ...path]);
  if (Array.isArray(v)) return { ok: true, value: v.map((value, i) => ({ value, where: at([i]) })) };
  if (v && typeof v === 'object' && v.type === 'AnnotationCollection') {
    const first = v.first as Json | undefined;
    const items = first && Array.isArray(first.items) ? first.items : null;
    if (!items) return { ok: false, problems: [{ where: '$.first.items', message: 'an AnnotationCollection needs its annotations in first.items' }] };
    return { ok: true, value: items.map((value, i) => ({ value, where: at(['first', 'items', i]) })) };
  }
  if (v && typeof v === 'object' && v.type === 'AnnotationPage' && Array.isArray(v.items)) {
    return { ok: true, value: (v.items as unknown[]).map((value, i) => ({ value, where: at(['items', i]) })) };
  }
  return { ok: true, value: [{ value: v, where: at([]) }] };
}

const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/**
 * Read W3C annotations (an AnnotationCollection, an AnnotationPage, an array, one
 * annotation, or JSON Lines) back into exported annotations with quote selectors, ready
 * to anchor. Only Newsmark's shapes are understood: classifying + tagging, linking.
 */
export function readW3C(raw: string, text?: string): ParseResult<ExportedAnnotation[]> {
  const got = itemsOf(raw);
  if (!got.ok) return got;
  const chars = text !== undefined ? Array.from(text) : undefined;
  const problems: Problem[] = [];
  const byId = new Map<string, ExportedAnnotation>();
  const links: { from: string; to: string; where: string }[] = [];
  for (const item of got.value) {
    const motivation = (item.value as Json | null)?.motivation;
    if (motivation === 'linking') {
      const r = Linking.safeParse(item.value);
      if (!r.success) problems.push(...r.error.issues.map((i) => ({ where: item.where(i.path), message: i.message })));
      else links.push({ from: fromIri(r.data.target[0], ANNOTATION_URN), to: fromIri(r.data.target[1], ANNOTATION_URN), where: item.where(['target']) });
      continue;
    }
    const r = Classifying.safeParse(item.value);
    if (!r.success) {
      problems.push(...r.error.issues.map((i) => ({ where: item.where(i.path), message: i.message })));
      continue;
    }
    const a = r.data;
    const bodies = asArray(a.body);
    const tagBody = bodies.find((b) => b.purpose === 'tagging');
    const tag = Tag.safeParse(tagBody?.value);
    if (!tag.success) {
      problems.push({ where: item.where(['body']), message: 'needs a TextualBody with purpose "tagging" and value claim, quote or attribution' });
      continue;
    }
    const note = bodies.filter((b) => b.purpose === 'commenting').map((b) => b.value).join('\n');
    const kind = SourceKind.safeParse(bodies.find((b) => b.purpose === 'classifying')?.value);
    const resources = Array.isArray(a.target) ? a.target : 'items' in a.target ? (a.target.items as z.infer<typeof Resource>[]) : [a.target];
    const targetPath = (i: number): PropertyKey[] => (Array.isArray(a.target) ? ['target', i] : 'items' in a.target ? ['target', 'items', i] : ['target']);
    const spans: ExportedAnnotation['spans'] = [];
    resources.forEach((res, i) => {
      const sels = asArray(res.selector);
      const quote = sels.find((s) => s.type === 'TextQuoteSelector') as z.infer<typeof Quote> | undefined;
      const pos = sels.find((s) => s.type === 'TextPositionSelector') as z.infer<typeof Position> | undefined;
      const where = item.where([...targetPath(i), 'selector']);
      if (pos && pos.end <= pos.start) return problems.push({ where, message: 'TextPositionSelector end must be greater than start' });
      if (quote) {
        const n = Array.from(quote.exact).length;
        if (pos && pos.end - pos.start !== n) return problems.push({ where, message: `TextQuoteSelector exact has ${n} code points but TextPositionSelector covers ${pos.end - pos.start}` });
        spans.push({ start: pos?.start ?? 0, end: pos?.end ?? n, exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' });
      } else if (pos && chars && pos.end <= chars.length) {
        spans.push({ start: pos.start, end: pos.end, exact: chars.slice(pos.start, pos.end).join(''), prefix: '', suffix: '' });
      } else problems.push({ where, message: 'needs a TextQuoteSelector (or a TextPositionSelector inside the text)' });
    });
    if (spans.length !== resources.length) continue;
    const id = fromIri(a.id, ANNOTATION_URN);
    if (byId.has(id)) {
      problems.push({ where: item.where(['id']), message: `duplicate id ${a.id}` });
      continue;
    }
    const creator = typeof a.creator === 'string' ? { id: a.creator } : a.creator;
    byId.set(id, {
      id,
      tag: tag.data,
      spans: spans.sort((x, y) => x.start - y.start),
      note,
      links: [],
      author: { id: fromIri(creator?.id || 'unknown', AUTHOR_URN).slice(0, 200) || 'unknown', name: (creator?.name ?? '').slice(0, 200) },
      createdAt: a.created ?? '',
      updatedAt: a.modified ?? a.created ?? '',
      ...(kind.success ? { sourceKind: kind.data } : {}),
    });
  }
  for (const l of links) {
    const from = byId.get(l.from);
    if (!from || !byId.has(l.to)) problems.push({ where: l.where, message: `links ${l.from} to ${l.to}, but ${from ? l.to : l.from} is not in the file` });
    else if (!from.links.includes(l.to)) from.links.push(l.to);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: [...byId.values()] };
}
