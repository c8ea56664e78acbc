import fs from 'node:fs';
import path from 'node:path';
import { toNewsmarkExport } from '../../shared/formats/newsmark-json';
import type { ExportFormat } from '../../shared/ipc/contract';
import type { ArticleFile } from './store-files';

export interface ExportContent {
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
  content: string;
}

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'article';
}

export function renderExport(file: ArticleFile, format: ExportFormat, options: { includeText: boolean; appVersion: string; now: Date }): ExportContent {
  switch (format) {
    case 'newsmark': {
      const data = toNewsmarkExport(file.article, file.annotations, {
        includeText: options.includeText,
        exporter: { name: 'Newsmark', version: options.appVersion },
        now: options.now.toISOString(),
      });
      return {
        defaultName: `${slugify(file.article.title)}.newsmark.json`,
        filters: [{ name: 'Newsmark JSON', extensions: ['json'] }],
        content: `${JSON.stringify(data, null, 2)}\n`,
      };
    }
  }
}

/** Write through a temp file and a rename, so a crash never leaves half an export. */
export function writeFileAtomic(target: string, content: string): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, target);
}
