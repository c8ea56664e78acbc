import { anchorAnnotations, type AnchorResult } from '../anchoring/anchor';
import { zodProblems, type Problem } from '../issues';
import { annotationProblems } from '../model/validate';
import { NewsmarkExport, type ExportedAnnotation } from './newsmark-json';
import { parseJsonSafely } from './json-safety';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Checks zod cannot express: offsets inside the article, spans in order, ids and links, quotes. */
export function newsmarkProblems(value: NewsmarkExport): Problem[] {
  const { article, annotations } = value;
  const problems = annotationProblems(article.length, annotations);
  if (article.text !== undefined && codePointLength(article.text) !== article.length) {
    problems.push({ where: '$.article.length', message: `is ${article.length} but the included text has ${codePointLength(article.text)} code points` });
  }
  const chars = article.text !== undefined ? Array.from(article.text) : null;
  annotations.forEach((a, i) =>
    a.spans.forEach((s, j) => {
      const where = `$.annotations[${i}].spans[${j}]`;
      if (s.end <= s.start) problems.push({ where: `${where}.end`, message: 'end must be greater than start' });
      else if (codePointLength(s.exact) !== s.end - s.start) {
        problems.push({ where: `${where}.exact`, message: `has ${codePointLength(s.exact)} code points but the span covers ${s.end - s.start}` });
      } else if (chars && s.end <= chars.length && chars.slice(s.start, s.end).join('') !== s.exact) {
        problems.push({ where: `${where}.exact`, message: 'differs from the article text at start..end' });
      }
    }),
  );
  value.brat?.entities.forEach((e, i) =>
    e.spans.forEach((s, j) => {
      if (s.end <= s.start || s.end > article.length) problems.push({ where: `$.brat.entities[${i}].spans[${j}]`, message: `${s.start}..${s.end} is not inside the article (${article.length})` });
    }),
  );
  return problems;
}

/**
 * Read a Newsmark JSON export from untrusted text. Every problem is returned with where it
 * is (line and column for syntax, a JSON path otherwise); nothing throws.
 */
export function parseNewsmarkExport(raw: string, file?: string): ParseResult<NewsmarkExport> {
  if (raw.trim() === '') return { ok: false, problems: [{ where: '$', message: `${file ?? 'the file'} is empty` }] };
  const json = parseJsonSafely(raw);
  if (!json.ok) return json;
  const head = json.value as { format?: unknown } | null;
  if (head === null || typeof head !== 'object' || Array.isArray(head)) return { ok: false, problems: [{ where: '$', message: 'expected a JSON object (a Newsmark export)' }] };
  if (head.format !== 'newsmark') return { ok: false, problems: [{ where: '$.format', message: `${file ?? 'this file'} is not a Newsmark export (format must be "newsmark")` }] };
  const parsed = NewsmarkExport.safeParse(json.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues) };
  const problems = newsmarkProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/**
 * The export's annotations placed on `text` (the same article, possibly edited since):
 * UTF-16 spans for those that anchor, orphans kept whole. Annotations without an origin
 * get one naming the file they were imported from.
 */
export function newsmarkAnnotations(value: NewsmarkExport, text: string, file?: string): AnchorResult<ExportedAnnotation> {
  const withOrigin = value.annotations.map((a) => (a.origin ? a : { ...a, origin: { kind: 'import' as const, ...(file ? { file } : {}) } }));
  return anchorAnnotations(text, withOrigin);
}
