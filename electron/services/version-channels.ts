import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../../shared/import/detect-kind';
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { versionsExport, versionsReport } from '../../shared/versions/report';
import { ServiceError } from './errors';
import { slugify, writeFileAtomic } from './export-file';
import { ImportError, importFile } from './import/import-file';
import type { Library } from './library';
import type { Ports } from './ports';
import { changesBetween, currentOf, versionAt, versionList, type IncomingVersion } from './versions';

/**
 * The versions channels. A new version is read from a file chosen in main's open dialog
 * (text, Markdown, web page); when it looks like another article, nothing changes and the
 * window is given a token to confirm with, so the file is not chosen twice.
 */
export function versionChannelsImpl(library: Library, ports: Ports) {
  const pending = new Map<string, { articleId: string; incoming: IncomingVersion }>();

  const readVersion = async (filePath: string): Promise<IncomingVersion> => {
    const name = path.basename(filePath);
    const imported = await importFile({ name, bytes: new Uint8Array(await fs.readFile(filePath)) });
    if (imported.kind !== 'article') throw new ImportError(name, 'unsupported', 'a Newsmark export is not a text; choose the new version as a text, Markdown or web page file.');
    return { text: imported.text, label: name, source: imported.source, ...(imported.title ? { title: imported.title } : {}) };
  };

  const add = async (request: RequestOf<'versions:add'>): Promise<ResponseOf<'versions:add'>> => {
    let incoming: IncomingVersion;
    const confirmed = request.confirm !== undefined;
    if (request.confirm !== undefined) {
      const held = pending.get(request.confirm);
      if (!held || held.articleId !== request.articleId) throw new ServiceError('not-found', 'That new version is no longer waiting for confirmation; choose the file again.');
      pending.delete(request.confirm);
      incoming = held.incoming;
    } else {
      const title = library.article(request.articleId).article.title.slice(0, 80);
      const chosen = (await ports.dialogs.showOpen({ title: `New version of “${title}”`, filters: [{ name: 'Articles', extensions: SUPPORTED_EXTENSIONS.filter((e) => e !== 'json') }], multi: false }))?.[0];
      if (!chosen) return { canceled: true };
      try {
        incoming = await readVersion(chosen);
      } catch (error) {
        if (error instanceof ImportError) return { status: 'failed', file: error.file, reason: error.reason };
        return { status: 'failed', file: path.basename(chosen), reason: `the file could not be read (${(error as Error).message}).` };
      }
    }
    const result = await library.addVersion(request.articleId, incoming, confirmed);
    if (result.status === 'different') {
      const token = randomUUID();
      pending.set(token, { articleId: request.articleId, incoming });
      return { ...result, file: incoming.label, token };
    }
    return { ...result, file: incoming.label };
  };

  return {
    'versions:add': add,
    'versions:list': (r: RequestOf<'versions:list'>): ResponseOf<'versions:list'> => {
      const file = library.article(r.articleId);
      const current = currentOf(file);
      return { versions: versionList(file), current: current.number, unconfirmed: current.unconfirmed };
    },
    'versions:open': (r: RequestOf<'versions:open'>): ResponseOf<'versions:open'> => versionAt(library.article(r.articleId), r.number),
    'versions:changes': (r: RequestOf<'versions:changes'>): ResponseOf<'versions:changes'> => {
      const d = changesBetween(library.article(r.articleId), r.from, r.to);
      return { changes: d.changes, counts: d.counts };
    },
    'versions:undo': (r: RequestOf<'versions:undo'>): ResponseOf<'versions:undo'> => {
      library.undoVersion(r.articleId, r.number);
      return { current: currentOf(library.article(r.articleId)).number };
    },
    'versions:confirm': (r: RequestOf<'versions:confirm'>): ResponseOf<'versions:confirm'> => ({ unconfirmed: library.confirmPlacements(r.articleId, r.ids) }),
    'versions:export': async (r: RequestOf<'versions:export'>): Promise<ResponseOf<'versions:export'>> => {
      const file = library.article(r.articleId);
      const list = versionList(file);
      const last = list[list.length - 1]!.number;
      const diff = list.length > 1 ? { from: last - 1, to: last, diff: changesBetween(file, last - 1, last) } : null;
      const data = versionsExport({ id: file.article.id, title: file.article.title }, list, diff, (ports.now?.() ?? new Date()).toISOString());
      const chosen = await ports.dialogs.showSave({ title: 'Export version history', defaultName: `${slugify(file.article.title)}.versions.json`, filters: [{ name: 'JSON', extensions: ['json'] }] });
      if (!chosen) return { canceled: true };
      const target = path.extname(chosen) ? chosen : `${chosen}.json`;
      const report = `${target.replace(/\.json$/i, '')}.md`;
      writeFileAtomic(target, `${JSON.stringify(data, null, 2)}\n`);
      writeFileAtomic(report, versionsReport(data));
      return { path: target, files: [target, report] };
    },
  };
}
