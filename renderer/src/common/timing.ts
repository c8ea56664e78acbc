import { afterNextPaint } from '../article/paint-timing';

/**
 * User Timing marks for `npm run bench` (bench/library.bench.ts): the library view shown,
 * a search filtered, a batch of files imported, each marked once the result is painted.
 */
export const LIBRARY_OPEN_MARK = 'newsmark:library-open';
export const LIBRARY_SHOWN_MARK = 'newsmark:library-shown';
export const FILTER_MARK = 'newsmark:filter';
export const FILTERED_MARK = 'newsmark:filtered';
export const IMPORT_START_MARK = 'newsmark:import-start';
export const IMPORT_DONE_MARK = 'newsmark:import-done';

export function mark(name: string, detail?: unknown): void {
  performance.mark(name, detail === undefined ? undefined : { detail });
}

export function markAfterPaint(name: string, detail?: unknown): void {
  afterNextPaint(() => mark(name, detail));
}
