import { anchorAnnotations } from '../../shared/anchoring/anchor';
import { parse, UsageError, type Command } from '../command';
import { load, problemsReport, readText, render, write } from '../documents';

export const anchor: Command = {
  name: 'anchor',
  summary: 'Re-attach annotations to a (changed) article text and report what moved',
  help: `
Usage: newsmark anchor <annotations> --text <article.txt> [-o out.json]

Re-attaches each annotation by its position, then its quote and context, then a fuzzy
match; what cannot be placed with confidence is reported, never pinned to other words.
Writes the placed annotations as Newsmark JSON (to -o or standard output) and, with -o,
the unplaced ones unchanged to <out>.orphans.json. The report goes to standard error.

Options:
  --text <file>     the article text to anchor onto (required)
  -o, --out <file>  output file; default: standard output
  --all             list every problem of a bad input (by default the first 20)

Example:
  newsmark anchor old.newsmark.json --text story-v2.txt -o story-v2.newsmark.json
`,
  async run(args, io) {
    const { values, positionals } = parse(args, { text: { type: 'string' }, out: { type: 'string', short: 'o' }, all: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('expected exactly one annotations file');
    if (!values.text) throw new UsageError('--text is required');
    const input = positionals[0]!;
    const loaded = load(input, input.toLowerCase().endsWith('.ann') ? undefined : values.text);
    if (loaded.problems.length) {
      io.stderr(problemsReport(input, loaded.problems, values.all));
      return 1;
    }
    const text = readText(values.text);
    const r = anchorAnnotations(text, loaded.annotations);
    const c = r.counts;
    io.stderr(
      `${c.total} annotations: ${c.position + c.exact} placed exactly (${c.position} at their position, ${c.exact} found by quote), ${c.fuzzy} placed fuzzily, ${c.orphan} unplaced\n` +
        r.orphans.map((o) => `  unplaced ${o.id} (${o.tag}): "${o.spans.map((s) => s.exact).join(' … ').slice(0, 80)}"\n`).join(''),
    );
    // a valid file links only to annotations it contains; the orphans file keeps the rest
    const placedIds = new Set(r.placed.map((p) => p.annotation.id));
    let cut = 0;
    const placed = r.placed.map(({ annotation: a }) => {
      const links = a.links.filter((l) => placedIds.has(l));
      cut += a.links.length - links.length;
      return { ...a, links };
    });
    if (cut) io.stderr(`  ${cut} link(s) to unplaced annotations left out of the output\n`);
    const rendered = await render('newsmark', text, placed, { ...loaded, brat: undefined }, values.out, input);
    if (values.out && r.orphans.length) rendered.files.push({ path: `${values.out.replace(/\.json$/i, '')}.orphans.json`, content: `${JSON.stringify(r.orphans, null, 2)}\n` });
    write(rendered, io.stdout);
    return 0;
  },
};
