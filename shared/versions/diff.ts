import { diffArrays, diffWordsWithSpace } from 'diff';
import { quotedMask, quotedWords } from './quotes';
import { splitSentences, type Sentence } from './sentences';
import type { Range, SentenceChange, VersionDiff, WordPart } from './types';

/** An annotation's words, for telling which changes touch it (UTF-16 spans into one text). */
export interface SpannedId {
  id: string;
  spans: readonly Range[];
}

export interface DiffOptions {
  /** Annotations on the old text (spans into it). */
  oldAnnotations?: readonly SpannedId[];
  /** Annotations placed on the new text. */
  newAnnotations?: readonly SpannedId[];
}

/** Two sentences at least this similar (Dice over their words) are one sentence reworded. */
export const REWORD_SIMILARITY = 0.5;
/** How far ahead among the added sentences a removed one looks for its rewording. */
const PAIR_LOOKAHEAD = 4;
/** A sentence diff that needs more edits than this is not worth finding: everything changed. */
const MAX_EDIT_LENGTH = 20_000;

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length + wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/**
 * The edits between two versions of an article, sentence by sentence: the sentence lists
 * are diffed with jsdiff (Myers), and within each changed stretch a removed sentence and an
 * added one that share most of their words become one reworded sentence. In document order.
 */
export function diffVersions(oldText: string, newText: string, options: DiffOptions = {}): VersionDiff {
  const olds = splitSentences(oldText);
  const news = splitSentences(newText);
  const parts = diffArrays(
    olds.map((s) => s.text),
    news.map((s) => s.text),
    { maxEditLength: MAX_EDIT_LENGTH },
  ) ?? [
    { value: olds.map((s) => s.text), removed: true, added: false, count: olds.length },
    { value: news.map((s) => s.text), removed: false, added: true, count: news.length },
  ];

  const changes: Omit<SentenceChange, 'index' | 'annotations'>[] = [];
  const oldMask = quotedMask(oldText);
  const newMask = quotedMask(newText);
  let oi = 0;
  let ni = 0;
  let same = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if (!part.added && !part.removed) {
      oi += part.count;
      ni += part.count;
      same += part.count;
      continue;
    }
    // a changed stretch: removed sentences, then added ones (either may be empty)
    let removed: Sentence[] = [];
    let added: Sentence[] = [];
    if (part.removed) {
      removed = olds.slice(oi, oi + part.count);
      oi += part.count;
      const next = parts[p + 1];
      if (next?.added) {
        added = news.slice(ni, ni + next.count);
        ni += next.count;
        p++;
      }
    } else {
      added = news.slice(ni, ni + part.count);
      ni += part.count;
    }
    const markerAt = ni < news.length ? news[ni]!.start : newText.length;
    pairStretch(removed, added, markerAt, (c) => changes.push(c));
  }

  for (const c of changes) {
    if (c.kind !== 'reworded') continue;
    c.parts = wordParts(c.oldText!, c.newText!);
    const before = quotedWords(oldText, oldMask, c.old!.start, c.old!.end);
    const after = quotedWords(newText, newMask, c.new!.start, c.new!.end);
    if (before && before !== after) c.quote = { before, after };
  }

  const oldTouch = touchFinder(options.oldAnnotations ?? []);
  const newTouch = touchFinder(options.newAnnotations ?? []);
  const out: SentenceChange[] = changes.map((c, index) => {
    const ids = new Set<string>();
    if (c.old) oldTouch(c.old, ids);
    if (c.new) newTouch(c.new, ids);
    return { index, ...c, annotations: [...ids] };
  });
  return {
    changes: out,
    counts: {
      added: out.filter((c) => c.kind === 'added').length,
      removed: out.filter((c) => c.kind === 'removed').length,
      reworded: out.filter((c) => c.kind === 'reworded').length,
      quotes: out.filter((c) => c.quote).length,
      touching: out.filter((c) => c.annotations.length > 0).length,
    },
    sameSentences: same,
    oldSentences: olds.length,
    newSentences: news.length,
  };
}

/** Pair the removed and added sentences of one stretch in order; the rest stay removed or added. */
function pairStretch(removed: Sentence[], added: Sentence[], markerAt: number, emit: (c: Omit<SentenceChange, 'index' | 'annotations'>) => void): void {
  let j = 0;
  const emitAdded = (upTo: number) => {
    for (; j < upTo; j++) {
      const a = added[j]!;
      emit({ kind: 'added', new: { start: a.start, end: a.end }, at: a.start, newText: a.text });
    }
  };
  for (const r of removed) {
    let best = -1;
    let bestScore = REWORD_SIMILARITY;
    for (let k = j; k < Math.min(added.length, j + PAIR_LOOKAHEAD); k++) {
      const s = similarity(r.text, added[k]!.text);
      if (s >= bestScore) {
        best = k;
        bestScore = s;
      }
    }
    if (best === -1) {
      const at = j < added.length ? added[j]!.start : markerAt;
      emit({ kind: 'removed', old: { start: r.start, end: r.end }, at, oldText: r.text });
      continue;
    }
    emitAdded(best);
    const a = added[best]!;
    emit({ kind: 'reworded', old: { start: r.start, end: r.end }, new: { start: a.start, end: a.end }, at: a.start, oldText: r.text, newText: a.text });
    j = best + 1;
  }
  emitAdded(added.length);
}

function wordParts(before: string, after: string): WordPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/** For ranges of one text, which annotations overlap them: spans sorted by start, searched by bisection. */
function touchFinder(annotations: readonly SpannedId[]): (range: Range, into: Set<string>) => void {
  const spans: { start: number; end: number; id: string }[] = [];
  let longest = 0;
  for (const a of annotations) {
    for (const s of a.spans) {
      spans.push({ start: s.start, end: s.end, id: a.id });
      longest = Math.max(longest, s.end - s.start);
    }
  }
  spans.sort((x, y) => x.start - y.start);
  const firstAtOrAfter = (pos: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (range, into) => {
    for (let i = firstAtOrAfter(range.start - longest); i < spans.length && spans[i]!.start < range.end; i++) {
      const s = spans[i]!;
      if (s.end > range.start) into.add(s.id);
    }
  };
}

/** The changes as the panel lists them: those touching an annotation first, each group in document order. */
export function panelOrder(changes: readonly SentenceChange[]): SentenceChange[] {
  return [...changes.filter((c) => c.annotations.length > 0), ...changes.filter((c) => c.annotations.length === 0)];
}
