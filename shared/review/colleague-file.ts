import { wrongArticleMessage } from '../transfer/wrong-article';
import { detectAnnotationFormat } from '../formats/detect';
import { anchorAnnotations, type AnchorCounts } from '../anchoring/anchor';
import { importBrat } from '../formats/brat';
import { readCsv } from '../formats/csv';
import { exportAnnotation, type ExportedAnnotation } from '../formats/newsmark-json';
import { parseNewsmarkExport } from '../formats/newsmark-parse';
import { readW3C } from '../formats/w3c';
import type { Problem } from '../issues';
import type { Annotation, Author, Tag } from '../model/types';
import { annotationProblems } from '../model/validate';
import { CodePointMap } from '../text/code-points';
import { canonicalText } from '../text/line-index';

/**
 * A colleague's file for the article under review, read and placed on the article's text.
 * Pure: the caller reads the bytes (and, for brat, the .txt beside the .ann when there is
 * one) and passes strings; the command line and the app share this path.
 */
export const COLLEAGUE_FORMATS = ['newsmark', 'w3c', 'brat', 'csv'] as const;
export type ColleagueFormat = (typeof COLLEAGUE_FORMATS)[number];

/** The extensions the open dialog offers. */
export const COLLEAGUE_EXTENSIONS = ['json', 'jsonl', 'ann', 'csv'];

/** The file name without folders and without its annotation extension(s). */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.(newsmark\.json|w3c\.json|json|jsonl|ann|csv)$/i, '') || base;
}

/** The format from the extension, then from the content; null when neither tells. */
export const detectColleagueFormat: (name: string, content: string) => ColleagueFormat | null = detectAnnotationFormat;

/** An annotation of the colleague's that could not be placed on the article text. */
export interface OrphanInfo {
  id: string;
  tag: Tag;
  /** What it quoted (its spans' exact text, joined). */
  text: string;
}

export interface ColleagueFile {
  format: ColleagueFormat;
  /** Placed on the article text (UTF-16 offsets), links only to placed annotations. */
  annotations: Annotation[];
  orphans: OrphanInfo[];
  counts: AnchorCounts;
  /** The one author every annotation names, when there is exactly one. */
  author?: Author;
  /** Links dropped because their target could not be placed. */
  droppedLinks: number;
}

export type ColleagueFileRead = { ok: true; value: ColleagueFile } | { ok: false; problems: Problem[] };

export interface ColleagueFileInput {
  /** The file's name or path: for messages, format detection and brat ids. */
  name: string;
  content: string;
  /** The article under review (canonical text). */
  articleText: string;
  /** brat only: the text its offsets count into (the .txt beside it); default the article text. */
  bratText?: string;
  /** ISO time stamped on brat annotations, which carry none. */
  now: string;
  /** The article's textHash: evidence in the message when the file is for another article. */
  articleHash?: string;
}

const fail = (problems: Problem[]): ColleagueFileRead => ({ ok: false, problems });

/** Read one colleague's file and place it on the article text. Never throws on bad input. */
export function readColleagueFile(input: ColleagueFileInput): ColleagueFileRead {
  const content = input.content.replace(/^\uFEFF/, '');
  if (content.trim() === '') return fail([{ where: '$', message: 'the file is empty' }]);
  const format = detectColleagueFormat(input.name, content);
  if (!format) return fail([{ where: '$', message: 'cannot tell its format: Newsmark JSON (.json), W3C (.json, .jsonl), brat (.ann) or Newsmark CSV (.csv) expected' }]);
  const exported = exportedOf(format, input, content);
  if (!exported.ok) return exported;
  const fileHash = format === 'newsmark' ? /"textHash"\s*:\s*"([^"]{1,200})"/.exec(content)?.[1] : undefined;
  const file = input.name.split(/[\\/]/).pop() ?? input.name;
  return place(format, input.articleText, exported.value, { file, articleHash: input.articleHash, fileHash });
}

function exportedOf(format: ColleagueFormat, input: ColleagueFileInput, content: string): { ok: true; value: ExportedAnnotation[] } | { ok: false; problems: Problem[] } {
  switch (format) {
    case 'newsmark': {
      const r = parseNewsmarkExport(content, input.name);
      if (!r.ok) return r;
      const file = input.name.split(/[\\/]/).pop() ?? input.name;
      return { ok: true, value: r.value.annotations.map((a) => (a.origin ? a : { ...a, origin: { kind: 'import' as const, file } })) };
    }
    case 'w3c':
      return readW3C(content, input.articleText);
    case 'csv':
      return readCsv(content);
    case 'brat': {
      const text = input.bratText !== undefined ? canonicalText(input.bratText.replace(/^\uFEFF/, '')) : input.articleText;
      const stem = fileStem(input.name);
      const author: Author = { id: `file:${stem}`.slice(0, 200), name: stem.slice(0, 200) };
      const r = importBrat(text, content, { file: input.name.split(/[\\/]/).pop() ?? input.name, author, now: input.now, idFor: (t) => `${stem}#${t}`.slice(0, 200) });
      if (r.problems.length) {
        const hint =
          input.bratText === undefined && r.problems.some((p) => /the text at its offsets/.test(p.message))
            ? [
                {
                  where: '$',
                  message:
                    "its offsets do not fit this article's text: is it for another article? If it was made on another version of the text, put that .txt beside the .ann (same name) so it can be re-anchored",
                },
              ]
            : [];
        return { ok: false, problems: [...hint, ...r.problems] };
      }
      const map = new CodePointMap(text);
      return { ok: true, value: r.annotations.map((a) => exportAnnotation(text, map, a)) };
    }
  }
}

function place(
  format: ColleagueFormat,
  articleText: string,
  exported: ExportedAnnotation[],
  evidence: { file: string; articleHash: string | undefined; fileHash: string | undefined },
): ColleagueFileRead {
  const anchored = anchorAnnotations(articleText, exported);
  // the same rule as Import Annotations: refused when almost nothing places
  const wrong = wrongArticleMessage(evidence.file, { total: exported.length, placed: anchored.placed.length }, evidence.articleHash ?? 'unknown', evidence.fileHash);
  if (wrong) return fail([{ where: '$', message: wrong }]);
  const placedIds = new Set(anchored.placed.map((p) => p.annotation.id));
  let droppedLinks = 0;
  const annotations = anchored.placed.map(({ annotation }) => {
    const links = annotation.links.filter((l) => placedIds.has(l));
    droppedLinks += annotation.links.length - links.length;
    return links.length === annotation.links.length ? annotation : { ...annotation, links };
  });
  const problems = annotationProblems(articleText.length, annotations);
  if (problems.length) return fail(problems);
  const authors = new Map(annotations.map((a) => [`${a.author.id}\u0000${a.author.name}`, a.author]));
  const orphans = anchored.orphans.map((o) => ({ id: o.id, tag: o.tag, text: o.spans.map((s) => s.exact).join(' … ') }));
  return {
    ok: true,
    value: {
      format,
      annotations,
      orphans,
      counts: anchored.counts,
      ...(authors.size === 1 ? { author: [...authors.values()][0]! } : {}),
      droppedLinks,
    },
  };
}

/** Names that say nothing about who annotated: the file name is shown instead. */
const GENERIC_NAMES = new Set(['', 'editor', 'brat import', 'unknown', 'anonymous']);

/**
 * What to call a colleague in the review: the author their file names, when it names one
 * person by a real name; otherwise the file's name without its extension.
 */
export function colleagueLabel(fileName: string, author: Author | undefined): string {
  const name = author?.name.trim() ?? '';
  if (author && !author.id.startsWith('file:') && !GENERIC_NAMES.has(name.toLowerCase())) return name.slice(0, 200);
  return fileStem(fileName).slice(0, 200) || 'colleague';
}

/** `label`, or `label (2)`, `label (3)`… so it differs from every name in `taken`. */
export function uniqueLabel(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(label)) return label;
  for (let n = 2; ; n++) if (!used.has(`${label} (${n})`)) return `${label} (${n})`;
}

/**
 * Short names for display: labels made from file names often share a long prefix (the
 * article's name: `story_2016-03-20_ted-cruz_4b22`, `…_4e07`). With two or more, the
 * common prefix up to a separator is dropped, leaving `4b22`, `4e07`.
 */
export function shortNames(labels: readonly string[]): string[] {
  if (labels.length < 2) return [...labels];
  let prefix = labels[0]!;
  for (const l of labels) while (!l.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const cut = Math.max(...['_', '-', ' ', '.'].map((sep) => prefix.lastIndexOf(sep))) + 1;
  if (cut <= 0) return [...labels];
  const short = labels.map((l) => l.slice(cut));
  return short.every((s) => s.length > 0) && new Set(short).size === short.length ? short : [...labels];
}
