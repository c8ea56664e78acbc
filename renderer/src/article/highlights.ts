import { coveredAtDepth } from '../../../shared/model/overlaps';
import { TAGS, type Annotation, type Span, type Tag } from '../../../shared/model/types';

/** Where a text offset lives in the DOM; null when it is not rendered. */
export type ResolveOffset = (offset: number) => { node: Node; offset: number } | null;

export const HIGHLIGHT_NAMES: Record<Tag, string> = { claim: 'nm-claim', quote: 'nm-quote', attribution: 'nm-attribution' };
/** Fresh annotations paint in small highlights of their own (styled the same): changing a
 * large highlight makes Chromium repaint every range in it, a small one only its own. */
export const FRESH_NAMES: Record<Tag, string> = { claim: 'nm-claim-fresh', quote: 'nm-quote-fresh', attribution: 'nm-attribution-fresh' };
/** Where two annotations of one tag nest, one colour would hide the inner one. */
export const NESTED_NAMES: Record<Tag, string> = { claim: 'nm-claim-nested', quote: 'nm-quote-nested', attribution: 'nm-attribution-nested' };

/** Overlays drawn above the tags, highest priority last. */
export const OVERLAYS = ['nm-version-added', 'nm-stack', 'nm-find', 'nm-find-current', 'nm-linked', 'nm-selected'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/**
 * Paints annotations with the CSS Custom Highlight API: no DOM nodes are added, so the
 * article text rendered by Slate stays one text node per paragraph (docs/architecture.md, Painting). Updates are
 * incremental: annotations are immutable, so only new or replaced objects build ranges.
 * Nesting and stacking overlays are recomputed after the change has painted.
 */
export class HighlightPainter {
  private readonly painted = new Map<string, { annotation: Annotation; ranges: StaticRange[]; layer: Highlight }>();
  private readonly byTag: Record<Tag, Highlight>;
  private readonly fresh: Record<Tag, Highlight>;
  private readonly nested: Record<Tag, Highlight>;
  private readonly overlays = new Map<Overlay, Highlight>();
  private hasPainted = false;
  private settleTimer: number | undefined;
  private depthTimer: number | undefined;
  private selectedId: string | null = null;
  private linkedIds: string[] = [];

  constructor(private readonly resolve: ResolveOffset) {
    const make = () => ({ claim: new Highlight(), quote: new Highlight(), attribution: new Highlight() });
    this.byTag = make();
    this.fresh = make();
    this.nested = make();
    for (const tag of TAGS) {
      CSS.highlights.set(HIGHLIGHT_NAMES[tag], this.byTag[tag]);
      CSS.highlights.set(FRESH_NAMES[tag], this.fresh[tag]);
      this.nested[tag].priority = 1;
      CSS.highlights.set(NESTED_NAMES[tag], this.nested[tag]);
    }
    OVERLAYS.forEach((name, i) => {
      const h = new Highlight();
      h.priority = 10 + i;
      this.overlays.set(name, h);
      CSS.highlights.set(name, h);
    });
  }

  /**
   * Static ranges: a live Range is registered with the document and updated on every DOM
   * change anywhere (a sidebar row, the live region), which with 10,000 annotations made
   * each such change walk them all. The article's text nodes never change, so static ranges
   * stay right; if Slate ever replaced them, reset() rebuilds.
   */
  rangeFor(span: Span): StaticRange | null {
    const start = this.resolve(span.start);
    const end = this.resolve(span.end);
    if (!start || !end) return null;
    return new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
  }

  rangesFor(spans: readonly Span[]): StaticRange[] {
    const out: StaticRange[] = [];
    for (const s of spans) {
      const r = this.rangeFor(s);
      if (r) out.push(r);
    }
    return out;
  }

  update(annotations: readonly Annotation[]): void {
    const seen = new Set<string>();
    let freshAdded = false;
    let changed = false;
    for (const annotation of annotations) {
      seen.add(annotation.id);
      const current = this.painted.get(annotation.id);
      if (current?.annotation === annotation) continue;
      changed = true;
      if (current) this.unpaint(annotation.id);
      const ranges = this.rangesFor(annotation.spans);
      const layer = this.hasPainted ? this.fresh[annotation.tag] : this.byTag[annotation.tag];
      for (const r of ranges) layer.add(r);
      freshAdded ||= layer === this.fresh[annotation.tag];
      this.painted.set(annotation.id, { annotation, ranges, layer });
    }
    if (seen.size !== this.painted.size) {
      changed = true;
      for (const id of [...this.painted.keys()]) if (!seen.has(id)) this.unpaint(id);
    }
    if (changed) {
      this.paintSelection();
      this.scheduleDepth(annotations);
    }
    if (!this.hasPainted) this.paintDepth(annotations);
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

  private scheduleDepth(annotations: readonly Annotation[]): void {
    if (this.depthTimer !== undefined) cancelAnimationFrame(this.depthTimer);
    // Two frames on: the change itself paints first.
    this.depthTimer = requestAnimationFrame(() => {
      this.depthTimer = requestAnimationFrame(() => {
        this.depthTimer = undefined;
        this.paintDepth(annotations);
      });
    });
  }

  /** Same-tag nesting gets a deeper shade; three or more annotations stacked get a marker. */
  private paintDepth(annotations: readonly Annotation[]): void {
    const byTag: Record<Tag, Span[]> = { claim: [], quote: [], attribution: [] };
    const all: Span[] = [];
    for (const a of annotations) {
      for (const s of a.spans) {
        byTag[a.tag].push(s);
        all.push(s);
      }
    }
    for (const tag of TAGS) {
      this.nested[tag].clear();
      for (const r of this.rangesFor(coveredAtDepth(byTag[tag], 2))) this.nested[tag].add(r);
    }
    this.setOverlay('nm-stack', coveredAtDepth(all, 3));
  }

  private unpaint(id: string): void {
    const current = this.painted.get(id);
    if (!current) return;
    for (const r of current.ranges) current.layer.delete(r);
    this.painted.delete(id);
  }

  setOverlay(name: Overlay, spans: readonly Span[]): void {
    const h = this.overlays.get(name)!;
    h.clear();
    for (const r of this.rangesFor(spans)) h.add(r);
  }

  /** The selected annotation, and the ones linked to it (its sources, or what it sources). */
  select(id: string | null, linkedIds: readonly string[] = []): void {
    this.selectedId = id;
    this.linkedIds = [...linkedIds];
    this.paintSelection();
  }

  private paintSelection(): void {
    const spansOf = (id: string | null) => (id ? (this.painted.get(id)?.annotation.spans ?? []) : []);
    this.setOverlay('nm-selected', spansOf(this.selectedId));
    this.setOverlay('nm-linked', this.linkedIds.flatMap((id) => spansOf(id)));
  }

  /** Repaint everything, for when the text nodes were replaced. */
  reset(annotations: readonly Annotation[]): void {
    this.painted.clear();
    for (const tag of TAGS) {
      this.byTag[tag].clear();
      this.fresh[tag].clear();
    }
    this.hasPainted = false;
    this.update(annotations);
  }

  dispose(): void {
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    if (this.depthTimer !== undefined) cancelAnimationFrame(this.depthTimer);
    for (const tag of TAGS) {
      CSS.highlights.delete(HIGHLIGHT_NAMES[tag]);
      CSS.highlights.delete(FRESH_NAMES[tag]);
      CSS.highlights.delete(NESTED_NAMES[tag]);
    }
    for (const name of OVERLAYS) CSS.highlights.delete(name);
    this.painted.clear();
  }
}
