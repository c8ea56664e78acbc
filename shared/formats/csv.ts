import { quoteFor } from '../anchoring/quote';
import type { Problem } from '../issues';
import { compareAnnotations } from '../model/spans';
import { SourceKind } from '../model/source-kind';
import { Tag, type Annotation } from '../model/types';
import { CodePointMap } from '../text/code-points';
import { csvRecord, parseCsv } from './csv-rfc4180';
import type { ExportedAnnotation } from './newsmark-json';
import type { ParseResult } from './newsmark-parse';

/**
 * CSV for spreadsheets: one row per fragment (span) of an annotation, offsets in code
 * points, the quote with its context so rows can be re-anchored. Note, links, author and
 * dates repeat on every fragment row of an annotation and must agree on import.
 */
export const CSV_COLUMNS = ['id', 'tag', 'fragment', 'start', 'end', 'exact', 'prefix', 'suffix', 'note', 'links', 'author_id', 'author_name', 'created', 'updated', 'source_kind'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/**
 * Spreadsheets run a cell starting with = + - @ (or a tab/CR) as a formula. Such text is
 * written with a leading apostrophe, and one apostrophe is removed on import, so the data
 * survives the round trip and never executes.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const defuse = (s: string) => (FORMULA.test(s) ? `'${s}` : s);
const restore = (s: string) => (s.startsWith("'") && FORMULA.test(s) ? s.slice(1) : s);

export function toCsv(text: string, annotations: readonly Annotation[]): string {
  const map = new CodePointMap(text);
  let out = csvRecord(CSV_COLUMNS);
  for (const a of [...annotations].sort(compareAnnotations)) {
    a.spans.forEach((s, i) => {
      const q = quoteFor(text, s);
      out += csvRecord([
        a.id,
        a.tag,
        String(i + 1),
        String(map.toCodePoint(s.start)),
        String(map.toCodePoint(s.end)),
        defuse(q.exact),
        defuse(q.prefix),
        defuse(q.suffix),
        defuse(a.note),
        a.links.join(' '),
        defuse(a.author.id),
        defuse(a.author.name),
        a.createdAt,
        a.updatedAt,
        a.sourceKind ?? '',
      ]);
    });
  }
  return out;
}

const where = (row: number, column?: Column) => (column ? `row ${row}, column ${column}` : `row ${row}`);
/** Columns a hand-made sheet must have; the others default to empty. */
const REQUIRED: readonly Column[] = ['id', 'tag', 'fragment', 'start', 'end', 'exact'];
const TEXT_COLUMNS: readonly Column[] = ['exact', 'prefix', 'suffix', 'note', 'author_id', 'author_name'];

/** Read a Newsmark CSV back into exported annotations (selectors in code points), ready to anchor. */
export function readCsv(raw: string): ParseResult<ExportedAnnotation[]> {
  const parsed = parseCsv(raw);
  if (!parsed.ok) {
    const name = parsed.header?.[parsed.field]?.trim().toLowerCase() || String(parsed.field + 1);
    return { ok: false, problems: [{ where: `row ${parsed.row}, column ${name}`, message: `${parsed.message} (the field starts on line ${parsed.line})` }] };
  }
  const [header, ...rows] = parsed.rows;
  if (!header) return { ok: false, problems: [{ where: 'row 1', message: 'the file is empty' }] };
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) return { ok: false, problems: [{ where: 'row 1', message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` }] };
  const problems: Problem[] = [];
  const byId = new Map<string, ExportedAnnotation & { fragments: number[]; row: number }>();
  rows.forEach((cells, r) => {
    const rowNo = r + 2;
    if (cells.length === 1 && cells[0] === '') return;
    const get = (c: Column) => {
      const i = index.get(c);
      const v = i === undefined ? '' : (cells[i] ?? '');
      return TEXT_COLUMNS.includes(c) ? restore(v) : v;
    };
    const int = (c: Column) => {
      const v = get(c);
      if (!/^\d{1,15}$/.test(v)) {
        problems.push({ where: where(rowNo, c), message: `expected a whole number, found ${JSON.stringify(v.slice(0, 40))}` });
        return null;
      }
      return Number(v);
    };
    const id = get('id');
    if (!id || id.length > 200) return problems.push({ where: where(rowNo, 'id'), message: 'an id of 1 to 200 characters is required' });
    const tag = Tag.safeParse(get('tag'));
    if (!tag.success) return problems.push({ where: where(rowNo, 'tag'), message: `expected claim, quote or attribution, found ${JSON.stringify(get('tag').slice(0, 40))}` });
    const start = int('start');
    const end = int('end');
    const fragment = int('fragment');
    if (start === null || end === null || fragment === null) return;
    if (end <= start) return problems.push({ where: where(rowNo, 'end'), message: 'end must be greater than start' });
    const exact = get('exact');
    if (Array.from(exact).length !== end - start) return problems.push({ where: where(rowNo, 'exact'), message: `has ${Array.from(exact).length} code points but start..end covers ${end - start}` });
    const kindCell = get('source_kind');
    const kind = kindCell ? SourceKind.safeParse(kindCell) : null;
    if (kind && !kind.success) return problems.push({ where: where(rowNo, 'source_kind'), message: `expected person, organisation, media, document, anonymous, passive or unknown, found ${JSON.stringify(kindCell.slice(0, 40))}` });
    const span = { start, end, exact, prefix: get('prefix'), suffix: get('suffix') };
    const links = get('links').split(' ').filter(Boolean);
    const fields = { tag: tag.data, note: get('note'), links, author: { id: get('author_id') || 'unknown', name: get('author_name') }, createdAt: get('created'), updatedAt: get('updated'), ...(kind?.success ? { sourceKind: kind.data } : {}) };
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, { id, ...fields, spans: [span], fragments: [fragment], row: rowNo });
      return;
    }
    for (const c of ['tag', 'note', 'links', 'author_id', 'author_name', 'created', 'updated'] as const) {
      const mine = c === 'links' ? links.join(' ') : get(c);
      const theirs = c === 'links' ? seen.links.join(' ') : c === 'tag' ? seen.tag : c === 'note' ? seen.note : c === 'author_id' ? seen.author.id : c === 'author_name' ? seen.author.name : c === 'created' ? seen.createdAt : seen.updatedAt;
      if (mine !== theirs) problems.push({ where: where(rowNo, c), message: `differs from row ${seen.row}, an earlier fragment of ${id}` });
    }
    if (seen.fragments.includes(fragment)) problems.push({ where: where(rowNo, 'fragment'), message: `fragment ${fragment} of ${id} appears twice` });
    seen.spans.push(span);
    seen.fragments.push(fragment);
  });
  const out: ExportedAnnotation[] = [];
  for (const a of byId.values()) {
    const order = a.fragments.map((f, i) => ({ f, s: a.spans[i]! })).sort((x, y) => x.f - y.f);
    const spans = order.map((o) => o.s);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]!.start < spans[i - 1]!.end) problems.push({ where: where(a.row, 'start'), message: `fragments of ${a.id} overlap or are out of order` });
    }
    for (const l of a.links) if (!byId.has(l)) problems.push({ where: where(a.row, 'links'), message: `links to ${l}, which is not in the file` });
    out.push({ id: a.id, tag: a.tag, spans, note: a.note, links: a.links, author: a.author, createdAt: a.createdAt, updatedAt: a.updatedAt, ...(a.sourceKind ? { sourceKind: a.sourceKind } : {}) });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}
