/**
 * User Timing marks for `npm run bench`: when an article open starts, and when the
 * highlights it changed have been painted (the frame after the update).
 */
export const OPEN_MARK = 'newsmark:open';
export const PAINTED_MARK = 'newsmark:painted';

export function markOpen(): void {
  performance.mark(OPEN_MARK);
}

export const LOADED_MARK = 'newsmark:loaded';

/** The article's data arrived from the main process (the rest of an open is rendering). */
export function markLoaded(): void {
  performance.mark(LOADED_MARK);
}

export function markPaintedNextFrame(count: number): void {
  afterNextPaint(() => performance.mark(PAINTED_MARK, { detail: { count } }));
}

/**
 * Run `fn` once the next frame has been painted: work that can wait a frame (the sidebar,
 * counts, moving the caret) goes here so a tag shows up on the very next frame.
 */
export function afterNextPaint(fn: () => void): void {
  // rAF runs just before the frame is rendered; a message posted there runs right after it.
  // Messages keep their order, so the paint mark always precedes the deferred work.
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(null);
  });
}
