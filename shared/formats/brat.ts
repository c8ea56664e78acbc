import type { Problem } from '../issues';
import { normalizeSpans } from '../model/spans';
import { SourceKind } from '../model/source-kind';
import { TAG_LABELS, type Annotation, type Author, type Span, type Tag } from '../model/types';
import { CodePointMap } from '../text/code-points';
import { emptyKept, type BratKept, type BratKeptEntity, type BratRef } from './brat-kept';
import { parseBratLine, type BratEvent, type BratNote, type BratRelation, type BratTextBound } from './brat-lines';
import { isDirectQuote, quotedMask } from './direct-quote';

/**
 * brat standoff (.ann beside .txt) in and out. See docs/formats.md for the mapping.
 * Labels map to a tag, to 'content' (quote if in quotation marks, else claim), or to null
 * (kept, not imported: Discuss, Discard, event triggers).
 */
export type LabelTarget = Tag | 'content' | null;

export const DEFAULT_LABELS: Readonly<Record<string, LabelTarget>> = {
  Source: 'attribution',
  Cue: 'attribution',
  Content: 'content',
  // a PolNeAR event trigger is kept; an "Attribution" entity no event uses is Newsmark's own
  Attribution: 'attribution',
  'Attribution-no-source': null,
  Discuss: null,
  Discard: null,
  Claim: 'claim',
  Quote: 'quote',
};

export interface BratImportOptions {
  /** Named in each annotation's origin. */
  file?: string;
  /** Extra or overriding label mapping, e.g. { Speaker: 'attribution', Other: null }. */
  labels?: Record<string, LabelTarget>;
  author?: Author;
  /** ISO time stamped on imported annotations (default: now). */
  now?: string;
  /** Id of the annotation made from brat entity `bratId` (default: a random UUID). */
  idFor?: (bratId: string) => string;
}

export interface BratImport {
  annotations: Annotation[];
  problems: Problem[];
  /** What the file had beyond annotations; pass it back to exportBrat for a lossless trip. */
  kept: BratKept;
}

const at = (line: number) => `line ${line}`;
/** The editor's kind of source on an attribution: `A1\tSourceKind T3 media`. */
const SOURCE_KIND_LINE = /^A\d+\tSourceKind (T\d+) (\S+)\s*$/;
const isContentRole = (role: string) => /^Content\d*$/.test(role);

/** brat joins the fragments of a discontinuous span with a space and shows line breaks as spaces. */
function spanText(chars: readonly string[], fragments: readonly { start: number; end: number }[]): string {
  return fragments.map((f) => chars.slice(f.start, f.end).join('')).join(' ');
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\s/g, ' ') === b.replace(/\s/g, ' ');
}

export function importBrat(text: string, ann: string, options: BratImportOptions = {}): BratImport {
  const problems: Problem[] = [];
  const kept = emptyKept();
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  const map = new CodePointMap(text);
  const chars = Array.from(text);
  const mask = quotedMask(text);
  const now = options.now ?? new Date().toISOString();
  const author = options.author ?? { id: 'brat', name: 'brat import' };
  const newId = options.idFor ?? (() => globalThis.crypto.randomUUID());

  const entities: BratTextBound[] = [];
  const events: BratEvent[] = [];
  const relations: BratRelation[] = [];
  const notes: BratNote[] = [];
  const seen = new Map<string, number>();
  const kindLines: { raw: string; line: number }[] = [];
  ann.replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => {
      const r = parseBratLine(raw, i + 1);
      if (!r.ok) return problems.push({ where: at(i + 1), message: r.message });
      const v = r.value;
      if (!v) return;
      if (v.kind !== 'other') {
        const first = seen.get(v.id);
        if (first !== undefined && v.kind !== '#') return problems.push({ where: at(v.line), message: `${v.id} is already defined on line ${first}` });
        seen.set(v.id, v.line);
      }
      if (v.kind === 'T') entities.push(v);
      else if (v.kind === 'E') events.push(v);
      else if (v.kind === 'R') relations.push(v);
      else if (v.kind === '#') notes.push(v);
      else if (SOURCE_KIND_LINE.test(v.raw)) kindLines.push({ raw: v.raw, line: v.line });
      else kept.lines.push(v.raw);
    });

  const triggers = new Set(events.map((e) => e.trigger.ref));
  const byBratId = new Map<string, Annotation>();
  const keptById = new Map<string, BratKeptEntity>();
  const annotations: Annotation[] = [];
  for (const t of entities) {
    const bad = t.fragments.find((f) => f.end <= f.start || f.end > map.codePointLength);
    if (bad) {
      problems.push({ where: at(t.line), message: `${t.id}: offsets ${bad.start} ${bad.end} are not a span inside the text (${map.codePointLength} code points)` });
      continue;
    }
    if (!sameText(spanText(chars, t.fragments), t.text)) {
      problems.push({ where: at(t.line), message: `${t.id}: the text at its offsets is "${spanText(chars, t.fragments).slice(0, 60)}", not "${t.text.slice(0, 60)}"` });
    }
    const sorted = [...t.fragments].sort((a, b) => a.start - b.start);
    if (sorted.some((f, k) => k > 0 && f.start < sorted[k - 1]!.end)) problems.push({ where: at(t.line), message: `${t.id}: its fragments overlap; merged` });
    const cpSpans = normalizeSpans(sorted);
    const target = triggers.has(t.id) ? null : labels[t.type];
    if (target === undefined) problems.push({ where: at(t.line), message: `${t.id}: unknown label "${t.type}"; map it to claim, quote or attribution (kept as is meanwhile)` });
    if (target === null || target === undefined) {
      const e: BratKeptEntity = { id: t.id, type: t.type, spans: cpSpans };
      kept.entities.push(e);
      keptById.set(t.id, e);
      continue;
    }
    const spans: Span[] = cpSpans.map((s) => ({ start: map.toUtf16(s.start), end: map.toUtf16(s.end) }));
    const tag: Tag = target === 'content' ? (isDirectQuote(text, spans, mask) ? 'quote' : 'claim') : target;
    const a: Annotation = {
      id: newId(t.id),
      tag,
      spans,
      note: '',
      links: [],
      author,
      createdAt: now,
      updatedAt: now,
      origin: { kind: 'import', ...(options.file ? { file: options.file } : {}), originalId: t.id, originalType: t.type },
    };
    annotations.push(a);
    byBratId.set(t.id, a);
  }

  const exists = (ref: string) => byBratId.has(ref) || keptById.has(ref);
  const link = (from: Annotation, to: Annotation | undefined) => {
    if (to && to !== from && !from.links.includes(to.id)) from.links.push(to.id);
  };
  for (const e of events) {
    const missing = [e.trigger, ...e.args].filter((r) => !exists(r.ref));
    if (missing.length) {
      problems.push({ where: at(e.line), message: `${e.id} refers to ${missing.map((r) => r.ref).join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not defined` });
      continue;
    }
    kept.events.push({ id: e.id, trigger: e.trigger, args: e.args });
    const others = e.args.filter((r) => !isContentRole(r.role));
    for (const c of e.args.filter((r) => isContentRole(r.role))) {
      const content = byBratId.get(c.ref);
      if (content) for (const o of others) link(content, byBratId.get(o.ref));
    }
  }
  for (const r of relations) {
    const [from, to] = r.args as [BratRef, BratRef];
    if (!exists(from.ref) || !exists(to.ref)) {
      problems.push({ where: at(r.line), message: `${r.id} refers to an entity that is not defined` });
      continue;
    }
    kept.relations.push({ id: r.id, type: r.type, from, to });
    const a = byBratId.get(from.ref);
    if (a) link(a, byBratId.get(to.ref));
  }
  for (const k of kindLines) {
    const [, target, value] = SOURCE_KIND_LINE.exec(k.raw)!;
    const kind = SourceKind.safeParse(value);
    const a = byBratId.get(target!);
    if (!kind.success) problems.push({ where: at(k.line), message: `SourceKind ${value} is not one of ${SourceKind.options.join(', ')}` });
    else if (a?.tag !== 'attribution') problems.push({ where: at(k.line), message: `SourceKind is for attributions; ${target} is not one` });
    else a.sourceKind = kind.data;
  }
  for (const n of notes) {
    const a = byBratId.get(n.target);
    const k = keptById.get(n.target);
    if (n.type !== 'AnnotatorNotes' || (!a && !k)) {
      if (!a && !k && !seen.has(n.target)) problems.push({ where: at(n.line), message: `${n.id} annotates ${n.target}, which is not defined` });
      else kept.lines.push(`${n.id}\t${n.type} ${n.target}\t${n.text}`);
      continue;
    }
    if (a) a.note = a.note ? `${a.note}\n${n.text}` : n.text;
    else k!.note = k!.note ? `${k!.note}\n${n.text}` : n.text;
  }
  return { annotations, problems, kept };
}

/** Is `type` a faithful brat label for an annotation tagged `tag`? */
function labelFits(type: string, tag: Tag): boolean {
  const target = DEFAULT_LABELS[type];
  if (target === undefined) return true; // a caller's own label: trust it
  return target === tag || (target === 'content' && (tag === 'quote' || tag === 'claim'));
}

const clean = (s: string) => s.replace(/[\t\n\r]/g, ' ');

/**
 * Write annotations as brat standoff: original labels and ids when they came from brat and
 * still fit their tag, else Claim/Quote/Attribution with new ids. Links become the kept
 * E lines they came from (restricted to what still exists) or, when new, R lines
 * `AttributedTo Arg1:<annotation> Arg2:<linked>`. Offsets count code points.
 */
export function exportBrat(text: string, annotations: readonly Annotation[], kept: BratKept = emptyKept()): { txt: string; ann: string } {
  const map = new CodePointMap(text);
  const chars = Array.from(text);
  const used = new Set<string>(kept.entities.map((e) => e.id));
  const tid = new Map<string, string>(); // annotation id → T id
  for (const a of annotations) {
    const o = a.origin?.originalId;
    if (o && /^T\d+$/.test(o) && !used.has(o)) {
      used.add(o);
      tid.set(a.id, o);
    }
  }
  const next = (prefix: string, taken: Iterable<string>) => {
    let n = 0;
    for (const id of taken) n = Math.max(n, Number(id.slice(1)) || 0);
    return () => `${prefix}${++n}`;
  };
  const nextT = next('T', used);
  for (const a of annotations) if (!tid.has(a.id)) tid.set(a.id, nextT());

  type Entity = { id: string; type: string; spans: { start: number; end: number }[]; note?: string };
  const entities: Entity[] = [
    ...annotations.map((a) => ({
      id: tid.get(a.id)!,
      type: a.origin?.originalType && labelFits(a.origin.originalType, a.tag) ? a.origin.originalType : TAG_LABELS[a.tag],
      spans: a.spans.map((s) => ({ start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) })),
      note: a.note,
    })),
    ...kept.entities.filter((e) => e.spans.every((s) => s.end <= map.codePointLength)),
  ].sort((x, y) => Number(x.id.slice(1)) - Number(y.id.slice(1)));
  const present = new Set(entities.map((e) => e.id));

  // every link as "fromT toT"; those no kept E or R line carries become new R lines
  const byT = new Map(annotations.map((a) => [tid.get(a.id)!, a]));
  const idToT = new Map(annotations.map((a) => [a.id, tid.get(a.id)!]));
  const linked = new Set<string>();
  for (const a of annotations) for (const l of a.links) if (idToT.has(l)) linked.add(`${idToT.get(a.id)} ${idToT.get(l)}`);
  const pending = new Set(linked);

  const lines: string[] = entities.map((e) => `${e.id}\t${e.type} ${e.spans.map((s) => `${s.start} ${s.end}`).join(';')}\t${clean(spanText(chars, e.spans))}`);
  for (const e of kept.events) {
    if (!present.has(e.trigger.ref)) continue;
    const contents = e.args.filter((r) => isContentRole(r.role) && present.has(r.ref));
    const annotated = contents.filter((c) => byT.has(c.ref));
    // an argument that is an annotation stays only while a content annotation still links to it
    const args = e.args.filter((r) => {
      if (!present.has(r.ref)) return false;
      if (isContentRole(r.role) || !byT.has(r.ref) || annotated.length < contents.length || annotated.length === 0) return true;
      return annotated.some((c) => linked.has(`${c.ref} ${r.ref}`));
    });
    for (const c of contents) for (const r of args) pending.delete(`${c.ref} ${r.ref}`);
    lines.push(`${e.id}\t${[e.trigger, ...args].map((r) => `${r.role}:${r.ref}`).join(' ')}`);
  }
  for (const r of kept.relations) {
    const key = `${r.from.ref} ${r.to.ref}`;
    if (!present.has(r.from.ref) || !present.has(r.to.ref) || (byT.has(r.from.ref) && byT.has(r.to.ref) && !linked.has(key))) continue;
    pending.delete(key);
    lines.push(`${r.id}\t${r.type} ${r.from.role}:${r.from.ref} ${r.to.role}:${r.to.ref}`);
  }
  const nextR = next('R', kept.relations.map((r) => r.id));
  for (const key of pending) {
    const [from, to] = key.split(' ');
    lines.push(`${nextR()}\tAttributedTo Arg1:${from} Arg2:${to}`);
  }
  let note = 0;
  const noteIds = kept.lines.filter((l) => l.startsWith('#')).map((l) => l.split('\t')[0]!);
  for (const id of noteIds) note = Math.max(note, Number(id.slice(1)) || 0);
  for (const e of entities) {
    if (!e.note) continue;
    for (const n of e.note.split('\n')) lines.push(`#${++note}\tAnnotatorNotes ${e.id}\t${clean(n)}`);
  }
  const nextA = next('A', kept.lines.filter((l) => /^A\d+\t/.test(l)).map((l) => l.split('\t')[0]!));
  for (const a of annotations) if (a.sourceKind && a.tag === 'attribution') lines.push(`${nextA()}\tSourceKind ${tid.get(a.id)} ${a.sourceKind}`);
  lines.push(...kept.lines);
  return { txt: text, ann: lines.length ? `${lines.join('\n')}\n` : '' };
}
