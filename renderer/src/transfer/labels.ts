import type { ExportFormat, ExportPrefs } from '../../../shared/ipc/contract';
import type { ImportCounts } from '../../../shared/transfer/prepare-import';
import { plural } from '../common/format';

/** The export dialog's choices, in the order shown. */
export const FORMAT_CHOICES: { format: ExportFormat; label: string; detail: string }[] = [
  { format: 'newsmark', label: 'Newsmark JSON', detail: 'Newsmark’s own format: every annotation with its quote, offsets in code points.' },
  { format: 'w3c', label: 'W3C Web Annotation', detail: 'JSON-LD, one AnnotationCollection: read by annotation tools.' },
  { format: 'w3c-jsonl', label: 'W3C Web Annotation, JSON Lines', detail: 'One annotation per line: for NLP pipelines and streams.' },
  { format: 'brat', label: 'brat standoff', detail: 'A .ann file with the article text as .txt beside it.' },
  { format: 'csv', label: 'CSV', detail: 'One row per span, for spreadsheets.' },
];

export const DEFAULT_PREFS: ExportPrefs = { format: 'newsmark', includeText: false };

export function formatLabel(format: ExportFormat, includeText = false): string {
  const label = FORMAT_CHOICES.find((c) => c.format === format)!.label;
  return format === 'newsmark' && includeText ? `${label} with the article text` : label;
}

/**
 * What an exported file holds, counted as the file counts it: W3C writes one annotation
 * per tagged span and one per link, so 14 tags with 2 links are "16 annotations (14
 * spans, 2 links)"; the other formats hold one record per annotation.
 */
export function exportedWhat(format: ExportFormat, annotations: readonly { links: readonly string[] }[]): string {
  const links = annotations.reduce((n, a) => n + a.links.length, 0);
  if ((format !== 'w3c' && format !== 'w3c-jsonl') || links === 0) return plural(annotations.length, 'annotation');
  return `${plural(annotations.length + links, 'annotation')} (${plural(annotations.length, 'span')}, ${plural(links, 'link')})`;
}

/** "Imported 12 annotations from story.ann: 10 placed exactly, 1 placed fuzzily, 1 left unplaced." */
export function importSummary(file: string, c: ImportCounts): string {
  if (c.total === 0) return `${file} has no annotations; nothing was imported.`;
  const parts = [`${c.exact.toLocaleString('en-US')} placed exactly`, `${c.fuzzy.toLocaleString('en-US')} placed fuzzily`, `${c.unplaced.toLocaleString('en-US')} left unplaced`];
  let out = `Imported ${plural(c.total, 'annotation')} from ${file}: ${parts.join(', ')}.`;
  if (c.duplicates) out += ` ${c.duplicates.toLocaleString('en-US')} ${c.duplicates === 1 ? 'was' : 'were'} already on this article and not added again.`;
  if (c.renamed) out += ` ${plural(c.renamed, 'id')} clashed with this article’s and got new ones.`;
  return out;
}

/** Exports keep 32 characters of context; a shorter one reached the edge of the text. */
const CUT = 31;
/** Context cut at whole words: "…cops could accompany her, " rather than "efore cops…". */
export function contextBefore(prefix: string): string {
  const flat = prefix.replace(/\s+/g, ' ');
  return prefix.length >= CUT ? `…${flat.replace(/^\S*\s/, '')}` : flat;
}
export function contextAfter(suffix: string): string {
  const flat = suffix.replace(/\s+/g, ' ');
  return suffix.length >= CUT ? `${flat.replace(/\s\S*$/, '')}…` : flat;
}
