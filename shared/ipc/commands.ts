/**
 * The zod-free part of the IPC contract: the sandboxed preload bundles this, so it stays
 * small and dependency-free.
 */

/** Commands the main process sends to the window (native menu items). */
export const COMMANDS = [
  'new-article',
  'open-article',
  'article-info',
  'open-library',
  'export-annotations',
  'export-all',
  'import-annotations',
  'import-as-article',
  'new-version',
  'export-versions',
  'delete-article',
  'undo',
  'redo',
  'show-shortcuts',
  'find',
  'review-mode',
  'review-open-colleague',
  'review-export-report',
  'review-agreement',
  'review-curation',
  // The context menu on selected article text: tag the selection, as the 1/2/3 keys do.
  'tag-claim',
  'tag-quote',
  'tag-attribution',
  /** Not a menu item: main says the desk changed (status, a colleague's annotations, an article arrived). */
  'desk-changed',
] as const;
export type Command = (typeof COMMANDS)[number];
export const COMMAND_CHANNEL = 'newsmark:command';

export const ERROR_CODES = ['invalid-request', 'unknown-channel', 'not-found', 'stale', 'conflict', 'io', 'internal', 'bad-file'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What every channel returns: a value, or an error the window can show as it is. */
export type Envelope<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; message: string; problems?: { where: string; message: string; excerpt?: string }[] } };
