import type { WindowBounds } from './store-files';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the window's top edge must lie on a display for it to be reachable (title bar). */
const MIN_VISIBLE = { width: 120, height: 40 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window, given the saved bounds and the work areas of the displays
 * connected now (screen.getAllDisplays()). Saved bounds whose title bar is on a display are
 * kept (shrunk to fit that display); otherwise, after a monitor was unplugged or rearranged,
 * the position is dropped so the window opens centred on the primary display, at a size
 * that fits it.
 */
export function placeWindow(saved: WindowBounds | undefined, workAreas: Rect[], primary: Rect, defaults: { width: number; height: number }): { width: number; height: number; x?: number; y?: number } {
  const fit = (size: { width: number; height: number }, area: Rect) => ({ width: Math.min(size.width, area.width), height: Math.min(size.height, area.height) });
  if (!saved) return fit(defaults, primary);
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE.height };
  const home = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(MIN_VISIBLE.width, saved.width) && o.height >= Math.min(MIN_VISIBLE.height, saved.height);
  });
  if (!home) return fit(saved, primary);
  const size = fit(saved, home);
  // Shrunk to fit: keep it inside the display it is on.
  const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - size.width);
  const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - size.height);
  return { ...size, x, y };
}
