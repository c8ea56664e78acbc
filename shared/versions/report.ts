import type { VersionInfo } from './history';
import type { SentenceChange, VersionDiff } from './types';

export const VERSIONS_FORMAT = 'newsmark-versions';

export interface VersionsExport {
  format: typeof VERSIONS_FORMAT;
  version: 1;
  exportedAt: string;
  article: { id: string; title: string };
  versions: VersionInfo[];
  /** The changes between two versions (offsets in UTF-16 code units into each version's text). */
  changes: { from: number; to: number; counts: VersionDiff['counts']; list: SentenceChange[] } | null;
}

export function versionsExport(
  article: { id: string; title: string },
  versions: VersionInfo[],
  diff: { from: number; to: number; diff: VersionDiff } | null,
  exportedAt: string,
): VersionsExport {
  return {
    format: VERSIONS_FORMAT,
    version: 1,
    exportedAt,
    article,
    versions,
    changes: diff && { from: diff.from, to: diff.to, counts: diff.diff.counts, list: diff.diff.changes },
  };
}

const quote = (s: string | undefined, max = 400) => {
  const t = (s ?? '').replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** One change as a line (or two) of text: what the panel says. */
export function describeChange(c: SentenceChange): string[] {
  const touch = c.annotations.length ? ` [touches ${c.annotations.length} annotation${c.annotations.length === 1 ? '' : 's'}]` : '';
  if (c.kind === 'added') return [`Added${touch}: ${quote(c.newText)}`];
  if (c.kind === 'removed') return [`Removed${touch}: ${quote(c.oldText)}`];
  const lines = [`Reworded${touch}: ${quote(c.oldText)}`, `   now: ${quote(c.newText)}`];
  if (c.quote) lines.push(`   reworded direct quote — the words inside the quotation marks changed: “${quote(c.quote.before)}” → “${quote(c.quote.after)}”`);
  return lines;
}

/** The change list as plain text, annotation-touching changes first, for the command line and the report. */
export function changeListText(diff: VersionDiff): string {
  const c = diff.counts;
  const head = `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}: ${c.added} added, ${c.removed} removed, ${c.reworded} reworded (${c.quotes} reworded direct quote${c.quotes === 1 ? '' : 's'}); ${c.touching} touch annotations`;
  if (diff.changes.length === 0) return 'The texts are identical: no changes.\n';
  const touching = diff.changes.filter((x) => x.annotations.length);
  const rest = diff.changes.filter((x) => !x.annotations.length);
  const section = (title: string, list: SentenceChange[]) => (list.length ? [``, title, ...list.flatMap((x) => describeChange(x).map((l, i) => (i === 0 ? `${x.index + 1}. ${l}` : `   ${l}`)))] : []);
  return [head, ...section('Touching annotations:', touching), ...section(touching.length ? 'Other changes:' : 'Changes:', rest)].join('\n') + '\n';
}

/** A readable report of the history and the changes (Markdown). */
export function versionsReport(e: VersionsExport): string {
  const lines = [`# Versions of “${e.article.title}”`, '', `Exported ${e.exportedAt}.`, '', '| Version | Came in | From | Length | Annotations | textHash |', '| --- | --- | --- | --- | --- | --- |'];
  for (const v of e.versions) lines.push(`| ${v.number} | ${v.addedAt} | ${v.label || '—'} | ${v.length} | ${v.annotations} | \`${v.textHash}\` |`);
  if (e.changes) {
    const diff: VersionDiff = { changes: e.changes.list, counts: e.changes.counts, sameSentences: 0, oldSentences: 0, newSentences: 0 };
    lines.push('', `## Changes from version ${e.changes.from} to version ${e.changes.to}`, '', changeListText(diff));
  }
  return lines.join('\n') + '\n';
}
