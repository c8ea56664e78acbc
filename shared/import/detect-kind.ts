import { MAX_TEXT_LENGTH } from '../model/types';
import { ImportError } from './errors';

/** What a file is read as, decided by its extension (the name is all a drop reliably gives). */
export type FileKind = 'text' | 'markdown' | 'html' | 'json';

const BY_EXTENSION: Record<string, FileKind> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  json: 'json',
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The extension, lower case and without the dot; '' when there is none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function detectKind(name: string): FileKind {
  const ext = extensionOf(name);
  const kind = BY_EXTENSION[ext];
  if (kind) return kind;
  const supported = '.txt, .md, .html, .htm and .json';
  throw new ImportError(
    name,
    'unsupported',
    ext ? `Newsmark cannot import .${ext} files; it reads ${supported} files.` : `the file has no extension, so Newsmark cannot tell what it holds; it reads ${supported} files.`,
  );
}

/**
 * Largest file read at all, per kind. Text and Markdown: UTF-8 takes at most 3 bytes per
 * UTF-16 code unit, so more bytes than this cannot fit in MAX_TEXT_LENGTH. A saved web page
 * carries markup, scripts and inline images around its text; an export carries annotations.
 */
export const MAX_FILE_BYTES: Record<FileKind, number> = {
  text: 3 * MAX_TEXT_LENGTH + 3,
  markdown: 3 * MAX_TEXT_LENGTH + 3,
  html: 50_000_000,
  json: 200_000_000,
};
