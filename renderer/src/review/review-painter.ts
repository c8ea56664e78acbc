import { TAGS, type Annotation, type Span, type Tag } from '../../../shared/model/types';

/**
 * Review marks, painted with the CSS Custom Highlight API like the editor (no DOM nodes
 * added to the text). Every mark is told apart without colour:
 * - mine: a line UNDER the text, theirs: a line OVER it, each in its tag's line style
 *   (claim dashed, quote solid, attribution dotted);
 * - a disagreement still to decide: a tinted background;
 * - the current pair: inverted (dark background, light text) where both sides cover the
 *   words, a lighter background where only one does, so a boundary conflict shows its edges.
 * Highlights are document-wide, so one painter paints both columns of the side-by-side
 * layout: mine in the left text, theirs in the right.
 */
export const REVIEW_HIGHLIGHTS = {
  mine: { claim: 'nm-rv-mine-claim', quote: 'nm-rv-mine-quote', attribution: 'nm-rv-mine-attribution' } as Record<Tag, string>,
  theirs: { claim: 'nm-rv-theirs-claim', quote: 'nm-rv-theirs-quote', attribution: 'nm-rv-theirs-attribution' } as Record<Tag, string>,
  todo: 'nm-rv-todo',
  current: 'nm-rv-current',
  currentEdge: 'nm-rv-current-edge',
} as const;

/** Builds DOM ranges for spans in one rendered text (an ArticleText's painter does this). */
/** Builds DOM ranges for spans in one rendered text (the HighlightPainter of a column). */
export interface RangeSource {
  rangesFor(spans: readonly Span[]): AbstractRange[];
}

export interface ReviewPaint {
  mine: readonly Annotation[];
  theirs: readonly Annotation[];
  /** Spans to tint (disagreements still to decide), on my side and theirs. */
  todo: { mine: readonly Span[][]; theirs: readonly Span[][] };
  /** The current pair (or curation group): its spans on each side. */
  current: { mine: readonly Span[][]; theirs: readonly Span[][] };
  /** Parts of the current pair only one side covers (painted lighter, so its edges show). */
  currentEdge?: { mine: readonly Span[][]; theirs: readonly Span[][] };
}

export class ReviewPainter {
  private readonly mine: Record<Tag, Highlight>;
  private readonly theirs: Record<Tag, Highlight>;
  private readonly todo = new Highlight();
  private readonly current = new Highlight();
  private readonly currentEdge = new Highlight();
  private mineSource: RangeSource | null = null;
  private theirSource: RangeSource | null = null;
  /** Ranges per annotation object and source (annotations are immutable). */
  private cache = new WeakMap<object, AbstractRange[]>();
  private theirCache = new WeakMap<object, AbstractRange[]>();
  /** What each layer shows now, so a step to another pair repaints only the current pair. */
  private last: { mine?: readonly Annotation[]; theirs?: readonly Annotation[]; todo?: unknown } = {};

  constructor() {
    this.mine = { claim: new Highlight(), quote: new Highlight(), attribution: new Highlight() };
    this.theirs = { claim: new Highlight(), quote: new Highlight(), attribution: new Highlight() };
    this.todo.priority = 0;
    this.current.priority = 10;
    this.currentEdge.priority = 9;
    for (const tag of TAGS) {
      this.mine[tag].priority = 1;
      this.theirs[tag].priority = 2;
      CSS.highlights.set(REVIEW_HIGHLIGHTS.mine[tag], this.mine[tag]);
      CSS.highlights.set(REVIEW_HIGHLIGHTS.theirs[tag], this.theirs[tag]);
    }
    CSS.highlights.set(REVIEW_HIGHLIGHTS.todo, this.todo);
    CSS.highlights.set(REVIEW_HIGHLIGHTS.current, this.current);
    CSS.highlights.set(REVIEW_HIGHLIGHTS.currentEdge, this.currentEdge);
  }

  /** The texts to paint in: one (together) or two (side by side: mine left, theirs right). */
  setSources(mine: RangeSource | null, theirs: RangeSource | null): void {
    if (mine !== this.mineSource) this.cache = new WeakMap();
    if (theirs !== this.theirSource) this.theirCache = new WeakMap();
    this.mineSource = mine;
    this.theirSource = theirs;
    this.last = {};
  }

  get ready(): boolean {
    return this.mineSource !== null && this.theirSource !== null;
  }

  private ranges(source: RangeSource, cache: WeakMap<object, AbstractRange[]>, annotation: Annotation): AbstractRange[] {
    let r = cache.get(annotation);
    if (!r) {
      r = source.rangesFor(annotation.spans);
      cache.set(annotation, r);
    }
    return r;
  }

  private spanRanges(source: RangeSource, spans: readonly Span[]): AbstractRange[] {
    if (spans.length === 0) return [];
    return source.rangesFor(spans);
  }

  /**
   * Paint the review. Layers whose input is the same object as last time are left alone
   * (`todoKey` stands for the to-decide layer: the same key, the same spans), so stepping
   * to another pair only repaints the current pair.
   */
  paint(p: ReviewPaint, todoKey?: unknown): void {
    const mineSource = this.mineSource;
    const theirSource = this.theirSource;
    if (!mineSource || !theirSource) return;
    if (p.mine !== this.last.mine) {
      for (const tag of TAGS) this.mine[tag].clear();
      for (const a of p.mine) for (const r of this.ranges(mineSource, this.cache, a)) this.mine[a.tag].add(r);
    }
    if (p.theirs !== this.last.theirs) {
      for (const tag of TAGS) this.theirs[tag].clear();
      for (const a of p.theirs) for (const r of this.ranges(theirSource, this.theirCache, a)) this.theirs[a.tag].add(r);
    }
    if (todoKey === undefined || todoKey !== this.last.todo) {
      this.todo.clear();
      for (const spans of p.todo.mine) for (const r of this.spanRanges(mineSource, spans)) this.todo.add(r);
      for (const spans of p.todo.theirs) for (const r of this.spanRanges(theirSource, spans)) this.todo.add(r);
    }
    this.current.clear();
    this.currentEdge.clear();
    for (const spans of p.current.mine) for (const r of this.spanRanges(mineSource, spans)) this.current.add(r);
    for (const spans of p.current.theirs) for (const r of this.spanRanges(theirSource, spans)) this.current.add(r);
    for (const spans of p.currentEdge?.mine ?? []) for (const r of this.spanRanges(mineSource, spans)) this.currentEdge.add(r);
    for (const spans of p.currentEdge?.theirs ?? []) for (const r of this.spanRanges(theirSource, spans)) this.currentEdge.add(r);
    this.last = { mine: p.mine, theirs: p.theirs, todo: todoKey };
  }

  dispose(): void {
    for (const tag of TAGS) {
      CSS.highlights.delete(REVIEW_HIGHLIGHTS.mine[tag]);
      CSS.highlights.delete(REVIEW_HIGHLIGHTS.theirs[tag]);
    }
    CSS.highlights.delete(REVIEW_HIGHLIGHTS.todo);
    CSS.highlights.delete(REVIEW_HIGHLIGHTS.current);
    CSS.highlights.delete(REVIEW_HIGHLIGHTS.currentEdge);
  }
}
