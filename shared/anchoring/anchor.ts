import { normalizeSpans } from '../model/spans';
import type { SourceKind } from '../model/source-kind';
import type { Annotation, Author, Origin, Span, Tag } from '../model/types';
import { toTarget } from './context';
import { AnchorText, matchExactNear, matchPosition, matchSearch } from './anchor-span';
import { HOW_RANK, type AnchorHow, type QuoteSelector, type SpanMatch, type Target } from './types';

/** An annotation as exported: spans are quote selectors in code points. */
export interface AnchorableAnnotation {
  id: string;
  tag: Tag;
  spans: QuoteSelector[];
  note: string;
  links: string[];
  author: Author;
  createdAt: string;
  updatedAt: string;
  origin?: Origin;
  sourceKind?: SourceKind;
  sourceGroup?: string;
}

export interface Placed {
  annotation: Annotation;
  /** The least certain step any of its spans needed. */
  how: AnchorHow;
}

export interface AnchorCounts {
  total: number;
  position: number;
  exact: number;
  fuzzy: number;
  orphan: number;
}

export interface AnchorResult<T extends AnchorableAnnotation = AnchorableAnnotation> {
  placed: Placed[];
  /** Could not be placed with confidence: kept whole, with their selectors, never dropped. */
  orphans: T[];
  counts: AnchorCounts;
}

/** How many distinct recent shifts pass 1 tries. */
const RECENT_SHIFTS = 4;

interface Item {
  ann: number;
  span: number;
  sel: Target;
  match: SpanMatch | null;
}

/**
 * Re-attach exported annotations to `text`. Each span tries its stored position, then the
 * quote near where it is expected, then the whole text exactly, then fuzzily; see
 * docs/formats.md. Spans are visited in their old order so the shift seen at one span
 * predicts the next (edits move whole stretches of text); what fails is retried with the
 * shifts of its nearest placed neighbours on both sides. An annotation with any span left
 * unplaced, or whose spans would overlap, is an orphan.
 */
export function anchorAnnotations<T extends AnchorableAnnotation>(text: string, exported: readonly T[]): AnchorResult<T> {
  const doc = new AnchorText(text);
  const items: Item[] = [];
  exported.forEach((a, ann) => a.spans.forEach((sel, span) => items.push({ ann, span, sel: toTarget(sel), match: null })));
  items.sort((x, y) => x.sel.start - y.sel.start || x.sel.end - y.sel.end);

  // Pass 1: cheap steps near where the last few placed spans say text has moved to (an
  // edit shifts everything after it; a moved paragraph shifts its own spans differently).
  const recent: number[] = [0];
  for (const it of items) {
    it.match = matchPosition(doc, it.sel) ?? matchExactNear(doc, it.sel, recent.map((s) => doc.utf16At(it.sel.start + s)));
    if (!it.match) continue;
    const shift = doc.codePointAt(it.match.start) - it.sel.start;
    const known = recent.indexOf(shift);
    if (known !== -1) recent.splice(known, 1);
    recent.unshift(shift);
    if (recent.length > RECENT_SHIFTS) recent.pop();
  }

  // Pass 2: full search, expecting the shifts of the nearest placed neighbours.
  const before = shiftsFrom(doc, items, 1);
  const after = shiftsFrom(doc, items, -1);
  items.forEach((it, i) => {
    if (it.match) return;
    const shifts = new Set([before[i] ?? 0, after[i] ?? 0, 0]);
    const expected = [...shifts].map((s) => doc.utf16At(it.sel.start + s));
    it.match = matchSearch(doc, it.sel, expected);
  });

  return collect(exported, items);
}

/** For each item, the shift of the nearest placed item before it (dir 1) or after it (dir -1). */
function shiftsFrom(doc: AnchorText, items: readonly Item[], dir: 1 | -1): (number | undefined)[] {
  const out: (number | undefined)[] = new Array(items.length);
  let last: number | undefined;
  for (let k = 0; k < items.length; k++) {
    const i = dir === 1 ? k : items.length - 1 - k;
    out[i] = last;
    const m = items[i]!.match;
    if (m) last = doc.codePointAt(m.start) - items[i]!.sel.start;
  }
  return out;
}

function collect<T extends AnchorableAnnotation>(exported: readonly T[], items: readonly Item[]): AnchorResult<T> {
  const matches: (SpanMatch | null)[][] = exported.map((a) => new Array(a.spans.length).fill(null));
  for (const it of items) matches[it.ann]![it.span] = it.match;
  const placed: Placed[] = [];
  const orphans: T[] = [];
  const counts: AnchorCounts = { total: exported.length, position: 0, exact: 0, fuzzy: 0, orphan: 0 };
  exported.forEach((a, i) => {
    const found = matches[i]!;
    const ms = found.filter((m): m is SpanMatch => m !== null);
    const spans = ms.length === found.length && ms.length > 0 ? canonical(ms) : null;
    if (!spans) {
      orphans.push(a);
      counts.orphan++;
      return;
    }
    const how = ms.reduce<AnchorHow>((w, m) => (HOW_RANK[m.how] > HOW_RANK[w] ? m.how : w), 'position');
    counts[how]++;
    placed.push({ annotation: toAnnotation(a, spans), how });
  });
  return { placed, orphans, counts };
}

/** Spans sorted; null when two of them landed on overlapping text (not the same annotation any more). */
function canonical(ms: readonly SpanMatch[]): Span[] | null {
  const sorted = ms.map((m) => ({ start: m.start, end: m.end })).sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) return null;
  return normalizeSpans(sorted);
}

function toAnnotation(a: AnchorableAnnotation, spans: Span[]): Annotation {
  return {
    id: a.id,
    tag: a.tag,
    spans,
    note: a.note,
    links: [...a.links],
    author: { ...a.author },
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    ...(a.origin ? { origin: { ...a.origin } } : {}),
    ...(a.sourceKind ? { sourceKind: a.sourceKind } : {}),
    ...(a.sourceGroup ? { sourceGroup: a.sourceGroup } : {}),
  };
}
