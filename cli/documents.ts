import fs from 'node:fs';
import path from 'node:path';
import { detectHead } from '../shared/article/head';
import { textHash } from '../shared/hash';
import { formatProblems, indent, type Problem } from '../shared/issues';
import { capProblems, PROBLEM_CAP } from '../shared/problem-cap';
import type { Annotation } from '../shared/model/types';
import { canonicalText } from '../shared/text/line-index';
import { exportBrat, importBrat } from '../shared/formats/brat';
import type { BratKept } from '../shared/formats/brat-kept';
import { exportAnnotation, toNewsmarkExport, type ExportedAnnotation, type NewsmarkExport } from '../shared/formats/newsmark-json';
import { parseNewsmarkExport } from '../shared/formats/newsmark-parse';
import { readCsv, toCsv } from '../shared/formats/csv';
import { readW3C, toW3CCollection, toW3CJsonLines } from '../shared/formats/w3c';
import { CodePointMap } from '../shared/text/code-points';
import { detectAnnotationFormat } from '../shared/formats/detect';
import { InputError, UsageError } from './command';

export const FORMATS = ['newsmark', 'w3c', 'brat', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export const VERSION = '0.1.0';

/** Input format from the extension, then from the content. */
export function detectFormat(file: string, content: string): Format {
  const format = detectAnnotationFormat(file, content);
  if (!format) throw new InputError(`${file}: cannot tell its format; name it .json, .jsonl, .ann or .csv`);
  return format;
}

export function readText(file: string): string {
  return canonicalText(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
}

/** The article a brat file annotates: --text, else the .txt of the same name beside it. */
function bratText(file: string, textFile?: string): { text: string; textFile: string } {
  const candidates = textFile ? [textFile] : [file.replace(/\.ann$/i, '.txt')];
  for (const c of candidates) if (fs.existsSync(c)) return { text: readText(c), textFile: c };
  throw new InputError(`${file}: brat needs its article text: put ${path.basename(candidates[0]!)} beside it or pass --text`);
}

/** Everything read from an input file, before anchoring. */
export interface Loaded {
  format: Format;
  /** Selectors in code points, to be anchored onto `text`. */
  annotations: ExportedAnnotation[];
  problems: Problem[];
  text?: string;
  /** The Newsmark export, when the input was one (article metadata). */
  newsmark?: NewsmarkExport;
  brat?: BratKept;
}

export function load(file: string, textFile?: string): Loaded {
  const content = fs.readFileSync(file, 'utf8');
  const format = detectFormat(file, content);
  const given = textFile ? readText(textFile) : undefined;
  switch (format) {
    case 'newsmark': {
      const r = parseNewsmarkExport(content, file);
      if (!r.ok) return { format, annotations: [], problems: r.problems };
      return { format, annotations: r.value.annotations, problems: [], text: given ?? r.value.article.text, newsmark: r.value, ...(r.value.brat ? { brat: r.value.brat } : {}) };
    }
    case 'w3c': {
      const r = readW3C(content, given);
      return r.ok ? { format, annotations: r.value, problems: [], ...(given !== undefined ? { text: given } : {}) } : { format, annotations: [], problems: r.problems };
    }
    case 'csv': {
      const r = readCsv(content);
      return r.ok ? { format, annotations: r.value, problems: [], ...(given !== undefined ? { text: given } : {}) } : { format, annotations: [], problems: r.problems };
    }
    case 'brat': {
      const { text } = bratText(file, textFile);
      const r = importBrat(text, content, { file: path.basename(file), idFor: (t) => `${path.basename(file, '.ann')}#${t}` });
      const map = new CodePointMap(text);
      return { format, annotations: r.annotations.map((a) => exportAnnotation(text, map, a)), problems: r.problems, text, brat: r.kept };
    }
  }
}

/**
 * "<file>: N problems" and the first PROBLEM_CAP of them, each with its excerpt; `all`
 * lists every one.
 */
export function problemsReport(file: string, problems: readonly Problem[], all = false): string {
  const { more } = capProblems(problems, all);
  const listed = formatProblems(problems, all ? Infinity : PROBLEM_CAP);
  const hint = more ? ' (--all lists every one)' : '';
  return `${file}: ${problems.length.toLocaleString('en-US')} problem${problems.length === 1 ? '' : 's'}\n${indent(listed, '  ')}${hint}\n`;
}

export function requireFormat(value: string | undefined): Format {
  if (!value) throw new UsageError('--to is required (newsmark, w3c, brat or csv)');
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--to must be one of ${FORMATS.join(', ')}, not "${value}"`);
  return value as Format;
}

export interface Rendered {
  /** path (or '-' for stdout) → content */
  files: { path: string; content: string }[];
}

/** Render placed annotations in a format; `out` decides names (brat writes .ann and .txt). */
export async function render(format: Format, text: string, annotations: Annotation[], loaded: Loaded, out: string | undefined, source: string): Promise<Rendered> {
  const stem = path.basename(source).replace(/\.(newsmark\.json|json|jsonl|ann|csv)$/i, '');
  const article = {
    id: loaded.newsmark?.article.id ?? stem,
    title: loaded.newsmark?.article.title ?? detectHead(text).title,
    text,
    source: loaded.newsmark?.article.source ?? {},
    textHash: await textHash(text),
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
  switch (format) {
    case 'newsmark': {
      const data = toNewsmarkExport(article, annotations, { includeText: true, exporter: { name: 'newsmark-cli', version: VERSION }, now: new Date().toISOString(), ...(loaded.brat ? { brat: loaded.brat } : {}) });
      return { files: [{ path: out ?? '-', content: `${JSON.stringify(data, null, 2)}\n` }] };
    }
    case 'w3c':
      return {
        files: [{ path: out ?? '-', content: out?.toLowerCase().endsWith('.jsonl') ? toW3CJsonLines(article, annotations) : `${JSON.stringify(toW3CCollection(article, annotations), null, 2)}\n` }],
      };
    case 'csv':
      return { files: [{ path: out ?? '-', content: toCsv(text, annotations) }] };
    case 'brat': {
      const { ann, txt } = exportBrat(text, annotations, loaded.brat);
      if (!out) return { files: [{ path: '-', content: ann }] };
      const annPath = out.toLowerCase().endsWith('.ann') ? out : `${out}.ann`;
      return { files: [{ path: annPath, content: ann }, { path: annPath.replace(/\.ann$/i, '.txt'), content: txt }] };
    }
  }
}

export function write(rendered: Rendered, stdout: (t: string) => void): void {
  for (const f of rendered.files) {
    if (f.path === '-') stdout(f.content);
    else {
      fs.mkdirSync(path.dirname(path.resolve(f.path)), { recursive: true });
      const temp = `${f.path}.${process.pid}.tmp`;
      fs.writeFileSync(temp, f.content);
      fs.renameSync(temp, f.path);
    }
  }
}
