import fs from 'node:fs/promises';
import path from 'node:path';
import { anchorAnnotations } from '../../../shared/anchoring/anchor';
import { NewsmarkExport } from '../../../shared/formats/newsmark-json';
import { newsmarkProblems } from '../../../shared/formats/newsmark-parse';
import { ImportError } from '../../../shared/import/errors';
import { checkFileSize } from '../../../shared/import/text';
import type { ImportOutcome } from '../../../shared/ipc/contract';
import { formatProblems, zodProblems, type Problem } from '../../../shared/issues';
import { canonicalText } from '../../../shared/text/line-index';
import { ServiceError } from '../errors';
import type { Library } from '../library';
import { importFile } from './import-file';

/** Problems listed in a refusal's message (all of them travel in `problems`). */
const LISTED_PROBLEMS = 8;

type Failure = Extract<ImportOutcome, { status: 'failed' }>;

function failed(file: string, code: string, reason: string, problems?: Problem[]): Failure {
  return { status: 'failed', file, code, reason, ...(problems?.length ? { problems } : {}) };
}

/**
 * One file into the library: an article from a text, Markdown or web page file, or the
 * article and its annotations from a Newsmark export. Never throws: a refusal says which
 * file and why, and stores nothing.
 */
export async function importIntoLibrary(library: Library, input: { name: string; bytes: Uint8Array }): Promise<ImportOutcome> {
  const { name } = input;
  try {
    const imported = await importFile(input);
    if (imported.kind === 'article') {
      const article = await library.create({ text: imported.text, ...(imported.title ? { title: imported.title } : {}), source: imported.source });
      return { status: 'imported', file: name, article, annotations: 0, restored: false };
    }
    return await restoreExport(library, name, imported.export);
  } catch (error) {
    if (error instanceof ImportError) return failed(error.file, error.code, error.reason);
    if (error instanceof ServiceError) return failed(name, error.code, lowerFirst(error.message), error.problems);
    console.error(`[newsmark] importing ${name} failed`, error);
    return failed(name, 'internal', `Newsmark hit an unexpected error: ${(error as Error)?.message ?? error}`);
  }
}

/**
 * A Newsmark export with its text: validated whole (every problem with its JSON path), then
 * its annotations re-anchored on the text (code points → UTF-16) and stored with the article
 * exactly as they were exported (ids, authors, notes, links, times).
 */
async function restoreExport(library: Library, name: string, value: unknown): Promise<ImportOutcome> {
  const parsed = NewsmarkExport.safeParse(value);
  const problems = parsed.success ? newsmarkProblems(parsed.data) : zodProblems(parsed.error.issues);
  if (!parsed.success || problems.length > 0) return invalidExport(name, problems);
  const exported = parsed.data;
  // recogniseNewsmarkExport has made sure the text is there.
  const text = canonicalText(exported.article.text!);
  const anchored = anchorAnnotations(text, exported.annotations);
  if (anchored.orphans.length > 0) {
    const orphanProblems = anchored.orphans.map((orphan) => {
      const i = exported.annotations.indexOf(orphan);
      return { where: `$.annotations[${i}]`, message: `(${orphan.id}) could not be placed on the article text: “${orphan.spans[0]!.exact.slice(0, 60)}” was not found where it should be` };
    });
    return invalidExport(name, orphanProblems);
  }
  const annotations = anchored.placed.map((p) => p.annotation);
  const article = await library.create({
    text,
    ...(exported.article.title.trim() ? { title: exported.article.title } : {}),
    source: exported.article.source,
    annotations,
    preferredId: exported.article.id,
  });
  return { status: 'imported', file: name, article, annotations: annotations.length, restored: true };
}

function invalidExport(name: string, problems: Problem[]): Failure {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return failed(name, 'invalid-export', `this Newsmark export has ${count}, so nothing was imported:\n${formatProblems(problems, LISTED_PROBLEMS)}`, problems);
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/**
 * A file the user chose in the open dialog, read here in main. Its size is checked before
 * it is read, so a huge file is refused without loading it.
 */
export async function importChosenFile(library: Library, filePath: string): Promise<ImportOutcome> {
  const name = path.basename(filePath);
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) return failed(name, 'unreadable', 'this is not a file.');
    checkFileSize(name, stat.size);
    bytes = new Uint8Array(await fs.readFile(filePath));
  } catch (error) {
    if (error instanceof ImportError) return failed(error.file, error.code, error.reason);
    return failed(name, 'unreadable', `the file could not be read (${describeIoError(error)}).`);
  }
  return importIntoLibrary(library, { name, bytes });
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'it no longer exists';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (error as Error)?.message ?? String(error);
}
