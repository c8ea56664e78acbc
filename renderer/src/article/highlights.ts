import { TAGS, type Annotation, type Tag } from '../../../shared/model/types';

/** Where a text offset lives in the DOM; null when it is not rendered. */
export type ResolveOffset = (offset: number) => { node: Node; offset: number } | null;

export const HIGHLIGHT_NAMES: Record<Tag, string> = { claim: 'nm-claim', quote: 'nm-quote', attribution: 'nm-attribution' };
/** Fresh annotations paint in small highlights of their own (styled the same): changing a
 * large highlight makes Chromium repaint every range in it, a small one only its own. */
export const FRESH_NAMES: Record<Tag, string> = { claim: 'nm-claim-fresh', quote: 'nm-quote-fresh', attribution: 'nm-attribution-fresh' };
export const SELECTED_HIGHLIGHT = 'nm-selected';

/**
 * Paints annotations with the CSS Custom Highlight API: no DOM nodes are added, so the
 * article text rendered by Slate stays one text node per paragraph (design §8). Updates are
 * incremental: annotations are immutable, so only new or replaced objects build ranges.
 */
export class HighlightPainter {
  private readonly painted = new Map<string, { annotation: Annotation; ranges: Range[]; layer: Highlight }>();
  private readonly byTag: Record<Tag, Highlight>;
  private readonly fresh: Record<Tag, Highlight>;
  private hasPainted = false;
  private settleTimer: number | undefined;
  private readonly selected = new Highlight();
  private selectedId: string | null = null;

  constructor(private readonly resolve: ResolveOffset) {
    this.byTag = { claim: new Highlight(), quote: new Highlight(), attribution: new Highlight() };
    this.fresh = { claim: new Highlight(), quote: new Highlight(), attribution: new Highlight() };
    for (const tag of TAGS) {
      CSS.highlights.set(HIGHLIGHT_NAMES[tag], this.byTag[tag]);
      CSS.highlights.set(FRESH_NAMES[tag], this.fresh[tag]);
    }
    this.selected.priority = 10;
    CSS.highlights.set(SELECTED_HIGHLIGHT, this.selected);
  }

  rangesFor(annotation: Annotation): Range[] {
    const ranges: Range[] = [];
    for (const span of annotation.spans) {
      const start = this.resolve(span.start);
      const end = this.resolve(span.end);
      if (!start || !end) continue;
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      ranges.push(range);
    }
    return ranges;
  }

  update(annotations: readonly Annotation[]): void {
    const seen = new Set<string>();
    let freshAdded = false;
    for (const annotation of annotations) {
      seen.add(annotation.id);
      const current = this.painted.get(annotation.id);
      if (current?.annotation === annotation) continue;
      if (current) this.unpaint(annotation.id);
      const ranges = this.rangesFor(annotation);
      const layer = this.hasPainted ? this.fresh[annotation.tag] : this.byTag[annotation.tag];
      for (const r of ranges) layer.add(r);
      freshAdded ||= layer === this.fresh[annotation.tag];
      this.painted.set(annotation.id, { annotation, ranges, layer });
      if (annotation.id === this.selectedId) this.paintSelected();
    }
    if (seen.size !== this.painted.size) {
      for (const id of [...this.painted.keys()]) if (!seen.has(id)) this.unpaint(id);
    }
    this.hasPainted = true;
    if (freshAdded) this.scheduleSettle();
  }

  /** Move fresh ranges into the bulk highlights when the user pauses (one repaint, off the key path). */
  private scheduleSettle(): void {
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(() => {
      this.settleTimer = undefined;
      for (const entry of this.painted.values()) {
        const bulk = this.byTag[entry.annotation.tag];
        if (entry.layer === bulk) continue;
        for (const r of entry.ranges) {
          entry.layer.delete(r);
          bulk.add(r);
        }
        entry.layer = bulk;
      }
    }, 1500);
  }

  private unpaint(id: string): void {
    const current = this.painted.get(id);
    if (!current) return;
    for (const r of current.ranges) current.layer.delete(r);
    this.painted.delete(id);
    if (id === this.selectedId) this.selected.clear();
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.paintSelected();
  }

  private paintSelected(): void {
    this.selected.clear();
    const current = this.selectedId ? this.painted.get(this.selectedId) : undefined;
    for (const r of current?.ranges ?? []) this.selected.add(r);
  }

  /** Repaint everything, for when the text nodes were replaced. */
  reset(annotations: readonly Annotation[]): void {
    this.painted.clear();
    for (const tag of TAGS) {
      this.byTag[tag].clear();
      this.fresh[tag].clear();
    }
    this.selected.clear();
    this.hasPainted = false;
    this.update(annotations);
  }

  dispose(): void {
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    for (const tag of TAGS) {
      CSS.highlights.delete(HIGHLIGHT_NAMES[tag]);
      CSS.highlights.delete(FRESH_NAMES[tag]);
    }
    CSS.highlights.delete(SELECTED_HIGHLIGHT);
    this.painted.clear();
  }
}
