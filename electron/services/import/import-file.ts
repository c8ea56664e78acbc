import { detectHead } from '../../../shared/article/head';
import { decodeText, sniffHtmlCharset } from '../../../shared/import/decode';
import { detectKind } from '../../../shared/import/detect-kind';
import { withFileNameSource } from '../../../shared/import/file-name';
import { markdownToText } from '../../../shared/import/markdown';
import { recogniseNewsmarkExport } from '../../../shared/import/newsmark';
import { checkBytes, checkFileSize, checkLength, checkNotBinary, checkNotEmpty } from '../../../shared/import/text';
import type { ArticleSource } from '../../../shared/model/types';
import { canonicalText } from '../../../shared/text/line-index';
import { extractArticle } from './html';

export { ImportError } from '../../../shared/import/errors';

/** A file ready to become an article, or a Newsmark export to restore with its annotations. */
export type ImportedFile =
  | { kind: 'article'; name: string; text: string; title?: string; source: ArticleSource }
  | { kind: 'newsmark'; name: string; export: unknown };

/**
 * Read one dropped or opened file. Throws ImportError ("<file>: <reason>") for anything
 * that cannot be imported; the article text it returns is canonical (LF line ends).
 */
export async function importFile(input: { name: string; bytes: Uint8Array }): Promise<ImportedFile> {
  const { name, bytes } = input;
  const kind = detectKind(name);
  checkFileSize(name, bytes.length, kind);
  checkBytes(name, bytes);
  const fallback = kind === 'html' ? sniffHtmlCharset(bytes) : undefined;
  const raw = decodeText(bytes, fallback ? { fallback } : {}).text;
  checkNotBinary(name, raw);
  checkNotEmpty(name, raw);
  switch (kind) {
    case 'text':
      return plainText(name, canonicalText(raw));
    case 'markdown':
      return markdown(name, canonicalText(raw));
    case 'html':
      return html(name, raw);
    case 'json':
      // The export's own parser validates it; here we only recognise it.
      return { kind: 'newsmark', name, export: recogniseNewsmarkExport(name, raw) };
  }
}

function plainText(name: string, text: string): ImportedFile {
  checkLength(name, text);
  const head = detectHead(text);
  // a dateline in the text wins over the date in a PolNeAR-style file name
  return { kind: 'article', name, text, title: head.title, source: withFileNameSource(name, head.published ? { published: head.published } : {}) };
}

function markdown(name: string, source: string): ImportedFile {
  const md = markdownToText(source);
  const what = 'the Markdown, once its formatting is removed,';
  checkNotEmpty(name, md.text, what);
  checkLength(name, md.text, what);
  const head = detectHead(md.text);
  const published = md.date ?? head.published;
  const meta: ArticleSource = {};
  if (md.author) meta.byline = md.author.slice(0, 500);
  if (md.url) meta.url = md.url.slice(0, 4096);
  if (published) meta.published = published.slice(0, 64);
  return { kind: 'article', name, text: md.text, title: md.title ?? head.title, source: withFileNameSource(name, meta) };
}

function html(name: string, page: string): ImportedFile {
  const { text, title, source } = extractArticle(name, page);
  checkLength(name, text, 'the article text of this page');
  return { kind: 'article', name, text, title: title ?? detectHead(text).title, source: withFileNameSource(name, source) };
}
