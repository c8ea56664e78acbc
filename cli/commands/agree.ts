import path from 'node:path';
import { anchorAnnotations } from '../../shared/anchoring/anchor';
import type { Annotation } from '../../shared/model/types';
import { TAGS } from '../../shared/model/types';
import { agreement, formatScore, multiAgreement, type Agreement, type Prf } from '../../shared/review/metrics';
import { tokenize } from '../../shared/review/tokens';
import { InputError, parse, UsageError, type Command, type Io } from '../command';
import { load, problemsReport, readText } from '../documents';

export interface AnnotatorSet {
  file: string;
  annotations: Annotation[];
}

/**
 * Read every file and place its annotations on one article text: --text when given,
 * otherwise the text the first file carries (a Newsmark export with its text, or the .txt
 * beside a brat file). Annotations that cannot be placed are reported on stderr and left out.
 */
export function loadOnOneText(files: readonly string[], textFile: string | undefined, io: Io): { text: string; sets: AnnotatorSet[] } {
  const loaded = files.map((file) => ({ file, ...load(file, textFile) }));
  for (const l of loaded) if (l.problems.length) throw new InputError(problemsReport(l.file, l.problems).trimEnd());
  const text = textFile !== undefined ? readText(textFile) : loaded.find((l) => l.text !== undefined)?.text;
  if (text === undefined) throw new UsageError('none of the files carries the article text; pass it with --text');
  const sets = loaded.map((l) => {
    const r = anchorAnnotations(text, l.annotations);
    if (r.orphans.length) io.stderr(`${l.file}: ${r.orphans.length} of ${r.counts.total} annotations could not be placed on the text and are left out\n`);
    return { file: l.file, annotations: r.placed.map((p) => p.annotation) };
  });
  return { text, sets };
}

const num = formatScore;
const prfCells = (p: Prf): string[] => [num(p.precision), num(p.recall), num(p.f1)];

/** Aligned columns: the first `textColumns` to the left, numbers to the right. */
function table(rows: string[][], textColumns = 1): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

/** The two-file view: pair counts, then P/R/F1 and kappa per tag and overall, then links. */
export function agreementTable(a: Agreement): string {
  const c = a.counts;
  const rows = [['', 'exact P', 'exact R', 'exact F1', 'overlap P', 'overlap R', 'overlap F1', 'kappa', 'mine', 'theirs']];
  for (const tag of TAGS) {
    const t = a.perTag[tag];
    rows.push([tag, ...prfCells(t.exact), ...prfCells(t.overlap), num(t.kappa), String(t.mine), String(t.theirs)]);
  }
  const o = a.overall;
  const total = (side: 'mine' | 'theirs'): string => String(TAGS.reduce((n, tag) => n + a.perTag[tag][side], 0));
  rows.push(['overall', ...prfCells(o.exact), ...prfCells(o.overlap), num(o.kappa), total('mine'), total('theirs')]);
  return [
    `pairs: ${c.agree} agree, ${c['tag-conflict']} tag conflict, ${c['boundary-conflict']} boundary conflict, ${c['only-mine']} only mine, ${c['only-theirs']} only theirs`,
    `tokens: ${a.tokens} (kappa is Cohen's over word tokens; precision reads theirs against mine)`,
    '',
    table(rows),
    '',
    `links: P ${num(a.links.precision)}  R ${num(a.links.recall)}  F1 ${num(a.links.f1)}  (${a.links.matched} matched; ${a.links.mine} mine, ${a.links.theirs} theirs)`,
  ].join('\n');
}

export const agree: Command = {
  name: 'agree',
  summary: 'Measure how well annotators agree on one article (F1, kappa)',
  help: `
Usage: newsmark agree <mine> <theirs> [more…] [--text article.txt] [--json]

Compares annotation files of the same article. For two files: exact-span and overlap-span
precision, recall and F1 per tag and overall, Cohen's kappa over word tokens, and link F1.
For three or more: the same for every pair of files, and Fleiss' kappa over all of them.
Precision reads the second file of a pair against the first. See docs/review.md.

Files may be Newsmark JSON, W3C (.json, .jsonl), CSV or brat .ann. The article text is
taken from --text, else from the first file that carries it (a Newsmark export saved with
its text, or the .txt beside a .ann file).

Options:
  --text <file>  the article text
  --json         print the numbers as JSON

Example:
  newsmark agree story_anna.ann story_ben.ann story_cleo.ann --text story.txt
`,
  async run(args, io) {
    const { values, positionals } = parse(args, { text: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length < 2) throw new UsageError('expected at least two annotation files');
    const { text, sets } = loadOnOneText(positionals, values.text, io);
    const tokens = tokenize(text);
    const pairs: { mine: string; theirs: string; agreement: Agreement }[] = [];
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        pairs.push({ mine: sets[i]!.file, theirs: sets[j]!.file, agreement: agreement(text, sets[i]!.annotations, sets[j]!.annotations, { tokens }) });
      }
    }
    const fleiss = sets.length >= 3 ? multiAgreement(text, sets.map((s) => s.annotations), tokens) : undefined;

    if (values.json) {
      const files = sets.map((s) => ({ file: s.file, annotations: s.annotations.length }));
      io.stdout(`${JSON.stringify({ files, tokens: tokens.count, pairs, ...(fleiss ? { fleiss } : {}) }, null, 2)}\n`);
      return 0;
    }
    const name = (f: string): string => path.basename(f);
    if (pairs.length === 1) {
      io.stdout(`mine:   ${positionals[0]}\ntheirs: ${positionals[1]}\n${agreementTable(pairs[0]!.agreement)}\n`);
      return 0;
    }
    const rows = [['mine', 'theirs', 'exact F1', 'overlap F1', 'kappa', 'link F1']];
    for (const p of pairs) {
      const o = p.agreement.overall;
      rows.push([name(p.mine), name(p.theirs), num(o.exact.f1), num(o.overlap.f1), num(o.kappa), num(p.agreement.links.f1)]);
    }
    const perTag = TAGS.map((t) => `${t} ${num(fleiss!.perTag[t])}`).join(', ');
    io.stdout(`${table(rows, 2)}\n\nFleiss' kappa over ${sets.length} files and ${tokens.count} tokens: ${num(fleiss!.kappa)} (${perTag})\n`);
    return 0;
  },
};
