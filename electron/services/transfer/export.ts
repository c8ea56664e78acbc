import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { ServiceError } from '../errors';
import { EXPORT_EXTENSIONS, renderExport, slugify, writeFileAtomic, type ExportContent } from '../export-file';
import type { Library } from '../library';
import type { Ports } from '../ports';

/** brat's .txt goes beside the .ann: `story.ann` → `story.txt`. */
function besidePath(target: string, extension: string, main: string): string {
  return target.toLowerCase().endsWith(main) ? target.slice(0, -main.length) + extension : target + extension;
}

/** The chosen path with the format's extension when the user typed a name without one. */
function withExtension(target: string, format: ExportFormat): string {
  if (format === 'brat') return target.toLowerCase().endsWith('.ann') ? target : `${target}.ann`;
  return path.extname(target) ? target : target + EXPORT_EXTENSIONS[format];
}

/**
 * Export the open article in one format through the save dialog. brat writes the .ann
 * and the article text as .txt beside it; a .txt already there with other text is never
 * overwritten (nothing is written then).
 */
export async function exportOne(library: Library, ports: Ports, request: RequestOf<'annotations:export'>): Promise<ResponseOf<'annotations:export'>> {
  const file = library.article(request.articleId);
  const now = ports.now?.() ?? new Date();
  const out = renderExport(file, request.format, { includeText: request.includeText ?? false, appVersion: ports.appVersion, now });
  const chosen = await ports.dialogs.showSave({ title: 'Export annotations', defaultName: out.defaultName, filters: out.filters });
  if (!chosen) return { canceled: true };
  const target = withExtension(chosen, request.format);
  if (target !== chosen && fs.existsSync(target)) {
    throw new ServiceError('conflict', `${target} already exists; nothing was written. Choose another name.`);
  }
  const beside = (out.beside ?? []).map((b) => ({ path: besidePath(target, b.extension, EXPORT_EXTENSIONS[request.format]), content: b.content }));
  for (const b of beside) {
    if (fs.existsSync(b.path) && fs.readFileSync(b.path, 'utf8') !== b.content) {
      throw new ServiceError('conflict', `${b.path} already exists with a different text; nothing was written. Choose another name or folder for the brat files.`);
    }
  }
  try {
    writeFileAtomic(target, out.content);
    for (const b of beside) writeFileAtomic(b.path, b.content);
  } catch (error) {
    throw new ServiceError('io', `Could not write ${target}: ${(error as Error).message}`);
  }
  return beside.length ? { path: target, files: [target, ...beside.map((b) => b.path)] } : { path: target };
}

/** Write a file only if nothing is there (never overwrite); false when the name is taken. */
function writeNew(target: string, content: string): boolean {
  try {
    fs.writeFileSync(target, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * The first free name for `stem` in `folder`: `stem`, `stem-2`, `stem-3`… such that every
 * file the export writes (the main one and those beside it) is free.
 */
export function freeStem(folder: string, stem: string, extensions: readonly string[], reserved: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? stem : `${stem}-${n}`;
    const names = extensions.map((e) => candidate + e);
    if (names.every((name) => !reserved.has(name.toLowerCase()) && !fs.existsSync(path.join(folder, name)))) return candidate;
  }
}

/**
 * Every article of the library into a folder the user chooses, one file per article (brat:
 * .ann and .txt). Names come from the titles; a name already taken, in the folder or by
 * another article of the export, gets -2, -3…: nothing is overwritten.
 */
export async function exportAll(library: Library, ports: Ports, request: RequestOf<'annotations:export-all'>): Promise<ResponseOf<'annotations:export-all'>> {
  const folder = await ports.dialogs.chooseFolder({ title: 'Export all articles to a folder', buttonLabel: 'Export here' });
  if (!folder) return { canceled: true };
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new ServiceError('io', `${folder} is not a folder.`);
  const now = ports.now?.() ?? new Date();
  const main = EXPORT_EXTENSIONS[request.format];
  const files: string[] = [];
  const failed: { title: string; message: string }[] = [];
  const reserved = new Set<string>();
  let count = 0;
  for (const summary of library.list().articles) {
    let out: ExportContent;
    try {
      out = renderExport(library.article(summary.id), request.format, { includeText: request.includeText ?? false, appVersion: ports.appVersion, now });
    } catch (error) {
      failed.push({ title: summary.title, message: (error as Error).message });
      continue;
    }
    const extensions = [main, ...(out.beside ?? []).map((b) => b.extension)];
    const contents = [out.content, ...(out.beside ?? []).map((b) => b.content)];
    try {
      for (let attempt = 0; ; attempt++) {
        const stem = freeStem(folder, slugify(summary.title), extensions, reserved);
        const written: string[] = [];
        const ok = extensions.every((ext, i) => {
          const target = path.join(folder, stem + ext);
          if (!writeNew(target, contents[i]!)) return false;
          written.push(target);
          return true;
        });
        for (const ext of extensions) reserved.add((stem + ext).toLowerCase());
        if (ok) {
          files.push(...written);
          count++;
          break;
        }
        // Someone else wrote one of the names meanwhile: take back ours and try the next name.
        for (const w of written) fs.rmSync(w, { force: true });
        if (attempt > 100) throw new Error('no free file name');
      }
    } catch (error) {
      failed.push({ title: summary.title, message: `could not write: ${(error as Error).message}` });
    }
  }
  return { folder, count, files, failed };
}
