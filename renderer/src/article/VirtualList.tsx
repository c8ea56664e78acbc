import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A list that renders only the rows in view (fixed row height), so a sidebar of 10,000
 * annotations costs what a screenful does. `scrollToIndex` brings a row into view.
 */
export function VirtualList<T>(props: {
  items: readonly T[];
  rowHeight: number;
  renderRow(item: T, index: number): ReactNode;
  scrollToIndex: number;
  className?: string;
  label: string;
  onKeyDown?(event: React.KeyboardEvent): void;
}) {
  const { items, rowHeight, scrollToIndex } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const overscan = 6;

  const measure = useCallback(() => {
    const el = ref.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight || 600 });
  }, []);

  useEffect(() => {
    const el = ref.current!;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    measure();
  }, [scrollToIndex, rowHeight, measure]);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(props.renderRow(items[i]!, i));

  return (
    <div ref={ref} className={`virtual-list ${props.className ?? ''}`} onScroll={measure} onKeyDown={props.onKeyDown}>
      <ol className="virtual-rows" aria-label={props.label} style={{ height: items.length * rowHeight }}>
        {rows}
      </ol>
    </div>
  );
}
