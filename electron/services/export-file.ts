import fs from 'node:fs';
import path from 'node:path';
import { exportBrat } from '../../shared/formats/brat';
import { toCsv } from '../../shared/formats/csv';
import { toNewsmarkExport } from '../../shared/formats/newsmark-json';
import { compareAnnotations } from '../../shared/model/spans';
import { toW3CCollection, toW3CJsonLines } from '../../shared/formats/w3c';
import type { ExportFormat } from '../../shared/ipc/contract';
import type { ArticleFile } from './store-files';

export interface ExportContent {
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
  content: string;
  /** Files written beside the chosen one, same name with another extension (brat: the .txt). */
  beside?: { extension: string; content: string }[];
}

/** How each format names its file: the part after the article's slug. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  newsmark: '.newsmark.json',
  w3c: '.w3c.jsonld',
  'w3c-jsonl': '.w3c.jsonl',
  brat: '.ann',
  csv: '.csv',
};

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

/** The UTF-8 byte order mark, so spreadsheet programs read the CSV as UTF-8 (readers skip it). */
const BOM = '\uFEFF';

export function renderExport(file: ArticleFile, format: ExportFormat, options: { includeText: boolean; appVersion: string; now: Date }): ExportContent {
  const { article, annotations } = file;
  const name = `${slugify(article.title)}${EXPORT_EXTENSIONS[format]}`;
  switch (format) {
    case 'newsmark': {
      const data = toNewsmarkExport(article, annotations, {
        includeText: options.includeText,
        exporter: { name: 'Newsmark', version: options.appVersion },
        now: options.now.toISOString(),
        ...(file.brat ? { brat: file.brat } : {}),
      });
      return { defaultName: name, filters: [{ name: 'Newsmark JSON', extensions: ['json'] }], content: `${JSON.stringify(data, null, 2)}\n` };
    }
    case 'w3c':
      return {
        defaultName: name,
        filters: [{ name: 'W3C Web Annotation (JSON-LD)', extensions: ['jsonld', 'json'] }],
        content: `${JSON.stringify(toW3CCollection(article, annotations), null, 2)}\n`,
      };
    case 'w3c-jsonl':
      return { defaultName: name, filters: [{ name: 'W3C Web Annotation (JSON Lines)', extensions: ['jsonl'] }], content: toW3CJsonLines(article, annotations) };
    case 'brat': {
      // New T ids follow the text (T1 first in the article), not the order of tagging.
      const { ann, txt } = exportBrat(article.text, [...annotations].sort(compareAnnotations), file.brat);
      return { defaultName: name, filters: [{ name: 'brat standoff (.ann, with the .txt beside it)', extensions: ['ann'] }], content: ann, beside: [{ extension: '.txt', content: txt }] };
    }
    case 'csv':
      return { defaultName: name, filters: [{ name: 'CSV (spreadsheets)', extensions: ['csv'] }], content: BOM + toCsv(article.text, annotations) };
  }
}

/** Write through a temp file and a rename, so a crash never leaves half an export. */
export function writeFileAtomic(target: string, content: string): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, target);
}
