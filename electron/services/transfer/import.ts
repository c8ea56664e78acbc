import path from 'node:path';
import { detectHead } from '../../../shared/article/head';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { ArticleSource } from '../../../shared/model/types';
import { canonicalText } from '../../../shared/text/line-index';
import type { Rejected } from '../../../shared/transfer/channels';
import { prepareImport } from '../../../shared/transfer/prepare-import';
import { wrongArticleMessage } from '../../../shared/transfer/wrong-article';
import { ServiceError } from '../errors';
import type { Library } from '../library';
import type { Ports } from '../ports';
import { parseNewsmarkExport } from '../../../shared/formats/newsmark-parse';
import { badFile, IMPORT_FILTERS, readAnnotationFile, type ReadAnnotations } from './read-file';

/** Read a file; a bad one comes back as `rejected` (every problem located), anything else throws. */
function read(file: string, articleText: string | undefined, options: { requireText?: boolean } = {}): ReadAnnotations | Rejected {
  try {
    return readAnnotationFile(file, articleText, options);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'bad-file') {
      return { rejected: { file: path.basename(file), message: error.message, problems: error.problems } };
    }
    throw error;
  }
}

/**
 * Read an annotation file onto the open article: parsed and checked, re-anchored on the
 * article's text, ids that clash renamed. Nothing is stored here: the window applies the
 * result through annotations:apply, as one step the editor can undo.
 */
export async function importOnto(library: Library, ports: Ports, request: RequestOf<'annotations:import'>): Promise<ResponseOf<'annotations:import'>> {
  const file = library.article(request.articleId);
  const chosen = (await ports.dialogs.showOpen({ title: `Import annotations onto “${file.article.title.slice(0, 80)}”`, filters: IMPORT_FILTERS, multi: false }))?.[0];
  if (!chosen) return { canceled: true };
  const got = read(chosen, file.article.text);
  if ('rejected' in got) return got;
  const now = (ports.now?.() ?? new Date()).toISOString();
  const prepared = prepareImport(file.article.text, file.annotations, file.orphans ?? [], got.annotations, { file: got.name, now, ...(ports.newId ? { newId: ports.newId } : {}) });
  // the same rule as Review: a file for another article is refused before it changes anything
  const c = prepared.counts;
  const wrong = wrongArticleMessage(got.name, { total: c.total, placed: c.total - c.unplaced }, file.article.textHash, got.newsmark?.article.textHash);
  if (wrong) return { rejected: { file: got.name, message: wrong, problems: [] } };
  return { file: got.name, format: got.format, operation: prepared.operation, orphans: prepared.orphans, counts: prepared.counts, ...(got.note ? { note: got.note } : {}) };
}

/**
 * A file that carries its article text becomes a new article with its annotations: a brat
 * .ann with its .txt (the brat structure Newsmark has no annotation for is kept, so export
 * back to brat is lossless), or a Newsmark JSON export that includes the text.
 */
export async function importAsArticle(library: Library, ports: Ports): Promise<ResponseOf<'annotations:import-article'>> {
  const chosen = (await ports.dialogs.showOpen({
    title: 'Import as a new article',
    filters: [
      { name: 'brat (.ann with its .txt) or Newsmark JSON with text', extensions: ['ann', 'json'] },
      { name: 'brat standoff', extensions: ['ann'] },
      { name: 'Newsmark JSON', extensions: ['json'] },
    ],
    multi: false,
  }))?.[0];
  if (!chosen) return { canceled: true };
  const got = read(chosen, undefined, { requireText: true });
  if ('rejected' in got) return got;
  const reject = (message: string) => ({ rejected: { file: got.name, message, problems: [] } });
  if (got.format !== 'brat' && got.format !== 'newsmark') {
    return reject(`${got.name}: ${got.format === 'csv' ? 'a CSV file' : 'a W3C annotation file'} does not carry the article text; open the article first, then use Import Annotations.`);
  }
  if (got.text === undefined) {
    return reject(`${got.name}: this Newsmark export was saved without the article text, so no article can be made from it; open the article and use Import Annotations, or export it again with the text included.`);
  }
  return createArticleFrom(library, ports, got as ReadAnnotations & { text: string });
}

/**
 * Make a new article from a file that carries its text, with the file's annotations placed
 * on it (all or nothing). Shared by File → Import as New Article… and any other way a
 * Newsmark export with text or a brat pair arrives (see articleFromNewsmarkJson).
 */
export async function createArticleFrom(library: Library, ports: Ports, got: ReadAnnotations & { text: string }): Promise<ResponseOf<'annotations:import-article'>> {
  const text = canonicalText(got.text);
  const source: ArticleSource = got.newsmark?.article.source ?? {};
  const title = got.newsmark?.article.title || detectHead(text).title;
  // brat's kept structure counts code points into the text as stored: only valid when unchanged.
  const brat = got.brat && text === got.text ? got.brat : undefined;
  const summary = await library.create(
    { text, title, ...(source.outlet ? { outlet: source.outlet } : {}), ...(source.url ? { url: source.url } : {}) },
    brat ? { brat } : {},
  );
  try {
    if (source.byline || source.published) library.update({ id: summary.id, source });
    const now = (ports.now?.() ?? new Date()).toISOString();
    const prepared = prepareImport(text, [], [], got.annotations, { file: got.name, now, ...(ports.newId ? { newId: ports.newId } : {}) });
    library.apply({ articleId: summary.id, baseRevision: library.article(summary.id).revision, operation: prepared.operation, orphans: prepared.orphans });
    return { articleId: summary.id, title: summary.title, file: got.name, format: got.format, counts: prepared.counts };
  } catch (error) {
    library.delete(summary.id); // all or nothing: no half-imported article stays behind
    throw error;
  }
}

/**
 * A Newsmark JSON export with its text, given as a string (a dropped or opened file), as a
 * new article with its annotations; a bad export comes back as `rejected`.
 */
export async function articleFromNewsmarkJson(library: Library, ports: Ports, name: string, json: string): Promise<ResponseOf<'annotations:import-article'>> {
  const parsed = parseNewsmarkExport(json, name);
  if (!parsed.ok) return { rejected: { file: name, message: badFile(name, parsed.problems).message, problems: parsed.problems.slice(0, 1000) } };
  const { article, annotations, brat } = parsed.value;
  if (article.text === undefined) {
    return { rejected: { file: name, message: `${name}: this Newsmark export was saved without the article text, so no article can be made from it.`, problems: [] } };
  }
  return createArticleFrom(library, ports, { name, format: 'newsmark', annotations, text: article.text, newsmark: parsed.value, ...(brat ? { brat } : {}) });
}
