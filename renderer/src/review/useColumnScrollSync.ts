import { useCallback, useRef } from 'react';

/**
 * Side by side, the two texts scroll together: scrolling one column scrolls the other to
 * the same place, and the echo of that scroll is ignored.
 */
export function useColumnScrollSync(): (event: React.UIEvent<HTMLElement>) => void {
  const following = useRef<Element | null>(null);
  return useCallback((event: React.UIEvent<HTMLElement>) => {
    const el = event.currentTarget;
    if (following.current === el) {
      following.current = null;
      return;
    }
    const other = el.parentElement?.querySelector(el.classList.contains('review-column-mine') ? '.review-column-theirs' : '.review-column-mine');
    if (other && Math.abs(other.scrollTop - el.scrollTop) > 1) {
      following.current = other;
      other.scrollTop = el.scrollTop;
    }
  }, []);
}
