import { anchorAnnotations } from '../../shared/anchoring/anchor';
import { csvRecord } from '../../shared/formats/csv-rfc4180';
import { articleSources, emptyKindCounts, kindsLine, unsourcedLine, weakLine, type ArticleSources } from '../../shared/sources';
import { SOURCE_KINDS } from '../../shared/model/source-kind';
import { InputError, parse, UsageError, type Command, type Io } from '../command';
import { load, problemsReport, readText } from '../documents';

interface FileSources {
  file: string;
  sources: ArticleSources;
}

/** Each file on its own text (--text, or the text it carries); unplaceable annotations are reported and left out. */
function readAll(files: readonly string[], textFile: string | undefined, io: Io): FileSources[] {
  const given = textFile !== undefined ? readText(textFile) : undefined;
  return files.map((file) => {
    const l = load(file, textFile);
    if (l.problems.length) throw new InputError(problemsReport(file, l.problems).trimEnd());
    const text = given ?? l.text;
    if (text === undefined) throw new UsageError(`${file} does not carry the article text; pass it with --text`);
    const r = anchorAnnotations(text, l.annotations);
    if (r.orphans.length) io.stderr(`${file}: ${r.orphans.length} of ${r.counts.total} annotations could not be placed on the text and are left out\n`);
    return { file, sources: articleSources(text, r.placed.map((p) => p.annotation)) };
  });
}

function asJson(all: FileSources[]): unknown {
  return all.map(({ file, sources: { groups, summary } }) => ({
    file,
    summary: { ...summary, line: kindsLine(summary) },
    sources: groups.map((g) => ({
      source: g.label,
      kind: g.kind,
      kindChosenByEditor: g.edited,
      attributions: g.units.map((u) => ({ id: u.id, words: u.words, cue: u.cue, kind: u.kind, proposed: u.proposed.kind, rule: u.proposed.rule })),
      cues: g.cues,
      quotes: g.quoteIds.length,
      claims: g.claimIds.length,
    })),
  }));
}

function asCsv(all: FileSources[]): string {
  let out = csvRecord(['file', 'source', 'kind', 'edited', 'attributions', 'quotes', 'claims', 'cues']);
  for (const { file, sources } of all) {
    for (const g of sources.groups) out += csvRecord([file, g.label, g.kind, g.edited ? 'yes' : 'no', String(g.units.length), String(g.quoteIds.length), String(g.claimIds.length), g.cues.join(' | ')]);
  }
  return out;
}

function asText(all: FileSources[]): string {
  const parts = all.map(({ file, sources: { groups, summary } }) => {
    const lines = [file, `  ${kindsLine(summary)}`, `  ${weakLine(summary)}`, `  ${unsourcedLine(summary)}`];
    for (const g of groups) {
      const counts = `${g.quoteIds.length} quote${g.quoteIds.length === 1 ? '' : 's'}, ${g.claimIds.length} claim${g.claimIds.length === 1 ? '' : 's'}`;
      lines.push(`  ${g.kind.padEnd(12)} ${g.label}${g.edited ? ' (kind chosen by the editor)' : ''} — ${g.units.length}× (${g.cues.join(', ') || 'no cue'}); ${counts}`);
    }
    return lines.join('\n');
  });
  if (all.length > 1) {
    const byKind = emptyKindCounts();
    let n = 0;
    for (const { sources } of all) for (const k of SOURCE_KINDS) { byKind[k] += sources.summary.byKind[k]; n += sources.summary.byKind[k]; }
    parts.push(`all ${all.length} files: ${kindsLine({ attributions: n, byKind })}`);
  }
  return `${parts.join('\n\n')}\n`;
}

export const sources: Command = {
  name: 'sources',
  summary: 'Who each story rests on: sources by kind, anonymous and passive share, claims with no source',
  help: `
Usage: newsmark sources <annotation files…> [--text article.txt] [--json | --csv]

For each file: its attributions grouped into sources, the kind of each (the editor's where
saved, else Newsmark's proposal), the share of quotes and claims resting only on anonymous
or passive sources, and the quotes and claims with no source. See docs/sources.md.

Files may be Newsmark JSON, W3C (.json, .jsonl), CSV or brat .ann; each is read on its own
text: --text when given (for every file), else the text the file carries (a Newsmark
export saved with its text, or the .txt beside a .ann file).

Options:
  --text <file>  the article text
  --json         print everything as JSON
  --csv          one row per source: file, source, kind, edited, attributions, quotes, claims, cues

Example:
  newsmark sources archive/*.ann --csv > sources.csv
`,
  async run(args, io) {
    const { values, positionals } = parse(args, { text: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('expected at least one annotation file');
    if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
    const all = readAll(positionals, values.text, io);
    io.stdout(values.json ? `${JSON.stringify(asJson(all), null, 2)}\n` : values.csv ? asCsv(all) : asText(all));
    return 0;
  },
};
