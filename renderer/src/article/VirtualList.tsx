import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { RowLayout } from './row-layout';

/**
 * A list that renders only the rows in view, so a sidebar of 10,000 annotations costs what
 * a screenful does. Rows are as tall as their content: each drawn row is measured and the
 * rows below move (RowLayout); rows not drawn yet count at `estimateHeight`. Measurements
 * are kept by `itemKey` and dropped when the list's width changes (text rewraps).
 * `scrollToIndex` brings a row into view.
 */
export function VirtualList<T>(props: {
  items: readonly T[];
  estimateHeight(item: T): number;
  itemKey(item: T): string;
  renderRow(item: T, index: number, top: number): ReactNode;
  scrollToIndex: number;
  className?: string;
  label: string;
  onKeyDown?(event: React.KeyboardEvent): void;
}) {
  const { items, scrollToIndex, estimateHeight, itemKey } = props;
  const ref = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<HTMLOListElement>(null);
  const [view, setView] = useState({ top: 0, height: 600, width: 0 });
  const [, remeasured] = useReducer((n: number) => n + 1, 0);
  const measured = useRef(new Map<string, number>());
  const overscan = 6;

  const layout = useMemo(() => {
    const l = new RowLayout((i) => estimateHeight(items[i]!));
    l.reset(items.length, (i) => measured.current.get(itemKey(items[i]!)));
    return l;
    // view.width: a new width drops the measurements (see measure), so lay out again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, estimateHeight, itemKey, view.width]);

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    setView((v) => {
      const next = { top: el.scrollTop, height: el.clientHeight || 600, width: el.clientWidth };
      if (next.width !== v.width) measured.current.clear();
      return next.top === v.top && next.height === v.height && next.width === v.width ? v : next;
    });
  }, []);

  useEffect(() => {
    const el = ref.current!;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  const { first, last } = layout.range(view.top, view.height, overscan);

  // Measure the rows just drawn; if any differs from what was assumed, lay out again.
  useLayoutEffect(() => {
    const ol = rowsRef.current;
    if (!ol) return;
    let changed = false;
    const drawn = ol.children;
    for (let k = 0; k < drawn.length; k++) {
      const i = first + k;
      const item = items[i];
      if (item === undefined) break;
      const h = (drawn[k] as HTMLElement).offsetHeight;
      measured.current.set(itemKey(item), h);
      if (layout.set(i, h)) changed = true;
    }
    if (changed) remeasured();
  });

  // Only a new scrollToIndex scrolls (not every edit of the list).
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || scrollToIndex < 0) return;
    const top = layoutRef.current.scrollFor(scrollToIndex, el.scrollTop, el.clientHeight);
    if (top !== el.scrollTop) el.scrollTop = top;
    measure();
  }, [scrollToIndex, measure]);

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(props.renderRow(items[i]!, i, layout.offset(i)));

  return (
    <div ref={ref} className={`virtual-list ${props.className ?? ''}`} onScroll={measure} onKeyDown={props.onKeyDown}>
      <ol ref={rowsRef} className="virtual-rows" aria-label={props.label} style={{ height: layout.total() }}>
        {rows}
      </ol>
    </div>
  );
}
