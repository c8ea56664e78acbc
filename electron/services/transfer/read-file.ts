import { detectAnnotationFormat } from '../../../shared/formats/detect';
import fs from 'node:fs';
import path from 'node:path';
import { importBrat } from '../../../shared/formats/brat';
import type { BratKept } from '../../../shared/formats/brat-kept';
import { readCsv } from '../../../shared/formats/csv';
import { exportAnnotation, type ExportedAnnotation, type NewsmarkExport } from '../../../shared/formats/newsmark-json';
import { parseNewsmarkExport } from '../../../shared/formats/newsmark-parse';
import { readW3C } from '../../../shared/formats/w3c';
import { decodeText } from '../../../shared/import/decode';
import { formatProblems, type Problem } from '../../../shared/issues';
import type { ImportFormat } from '../../../shared/transfer/channels';
import { CodePointMap } from '../../../shared/text/code-points';
import { ServiceError } from '../errors';

/** Annotation files are read whole; this is far above any real one (10,000 annotations ≈ 8 MB). */
export const MAX_ANNOTATION_FILE_BYTES = 256 * 1024 * 1024;
/** What the envelope carries at most; the message says how many more there were. */
const MAX_PROBLEMS = 1000;

export const IMPORT_FILTERS = [
  { name: 'Annotations (Newsmark JSON, W3C, brat, CSV)', extensions: ['json', 'jsonld', 'jsonl', 'ann', 'csv'] },
  { name: 'Newsmark JSON', extensions: ['json'] },
  { name: 'W3C Web Annotation', extensions: ['jsonld', 'jsonl', 'json'] },
  { name: 'brat standoff', extensions: ['ann'] },
  { name: 'CSV', extensions: ['csv'] },
];

/** What was read from an annotation file, before it is placed on any text. */
export interface ReadAnnotations {
  name: string;
  format: ImportFormat;
  /** Quote selectors in code points, to be re-anchored. */
  annotations: ExportedAnnotation[];
  /** The text the file carries (Newsmark JSON with text, brat's .txt), as stored. */
  text?: string;
  newsmark?: NewsmarkExport;
  brat?: BratKept;
  /** How brat offsets were checked, for the summary. */
  note?: string;
}

export function badFile(name: string, problems: readonly Problem[]): ServiceError {
  const shown = problems.slice(0, MAX_PROBLEMS);
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return new ServiceError('bad-file', `${name}: ${count}; nothing was imported.\n${formatProblems(problems, 20)}`, shown);
}

function readBytes(file: string): Uint8Array {
  const name = path.basename(file);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    throw new ServiceError('io', `${name}: could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  if (size > MAX_ANNOTATION_FILE_BYTES) throw new ServiceError('bad-file', `${name}: the file is ${(size / 1024 / 1024).toFixed(0)} MB; Newsmark reads annotation files of up to 256 MB.`);
  return new Uint8Array(fs.readFileSync(file));
}

function readTextFile(file: string): string {
  const bytes = readBytes(file);
  if (bytes.includes(0)) throw new ServiceError('bad-file', `${path.basename(file)}: this is a binary file, not text.`);
  return decodeText(bytes).text;
}

/** The format from the extension, then from the content. */
export function detectFormat(name: string, content: string): ImportFormat {
  const format = detectAnnotationFormat(name, content);
  if (format) return format;
  throw new ServiceError('bad-file', `${name}: Newsmark cannot tell what this file holds; it reads Newsmark JSON (.json), W3C Web Annotation (.jsonld, .jsonl), brat (.ann) and CSV (.csv).`);
}

/**
 * The article text of a brat file: `<name>.txt` beside the .ann; for PolNeAR's
 * `<article>_<annotator>.ann`, also `<article>.txt` beside it or in `../text/`.
 */
export function findBratText(annFile: string): string | undefined {
  const dir = path.dirname(annFile);
  const stem = path.basename(annFile).replace(/\.ann$/i, '');
  const stems = [stem, ...(/_[^_]+$/.test(stem) ? [stem.replace(/_[^_]+$/, '')] : [])];
  const dirs = [dir, path.join(dir, '..', 'text')];
  for (const d of dirs) for (const s of stems) {
    const candidate = path.join(d, `${s}.txt`);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Read and check an annotation file. `articleText` is the open article's text: W3C
 * position-only selectors resolve against it, and a brat file with no .txt beside it is
 * checked against it. Throws a ServiceError listing every problem, located, when the file
 * is not valid; nothing has changed then.
 */
export function readAnnotationFile(file: string, articleText?: string, options: { requireText?: boolean } = {}): ReadAnnotations {
  const name = path.basename(file);
  const content = readTextFile(file);
  if (content.trim() === '') throw new ServiceError('bad-file', `${name}: the file is empty.`);
  const format = detectFormat(name, content);
  switch (format) {
    case 'newsmark': {
      const r = parseNewsmarkExport(content, name);
      if (!r.ok) throw badFile(name, r.problems);
      return { name, format, annotations: r.value.annotations, ...(r.value.article.text !== undefined ? { text: r.value.article.text } : {}), newsmark: r.value, ...(r.value.brat ? { brat: r.value.brat } : {}) };
    }
    case 'w3c': {
      const r = readW3C(content, articleText);
      if (!r.ok) throw badFile(name, r.problems);
      return { name, format, annotations: r.value };
    }
    case 'csv': {
      const r = readCsv(content);
      if (!r.ok) throw badFile(name, r.problems);
      return { name, format, annotations: r.value };
    }
    case 'brat': {
      const textFile = findBratText(file);
      if (!textFile && (options.requireText || articleText === undefined)) {
        throw new ServiceError('bad-file', `${name}: brat keeps the article text in a .txt file beside the .ann, and ${name.replace(/\.ann$/i, '')}.txt was not found there.`);
      }
      const text = textFile ? readTextFile(textFile) : articleText!;
      const note = textFile
        ? `Offsets checked against ${path.basename(textFile)}.`
        : `No ${name.replace(/\.ann$/i, '')}.txt beside it: offsets checked against this article's text.`;
      const r = importBrat(text, content, { file: name });
      if (r.problems.length) throw badFile(name, r.problems.map((p) => ({ ...p, message: textFile ? p.message : `${p.message} (checked against this article's text)` })));
      const map = new CodePointMap(text);
      return { name, format, annotations: r.annotations.map((a) => exportAnnotation(text, map, a)), text, brat: r.kept, note };
    }
  }
}
