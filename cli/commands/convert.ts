import { anchorAnnotations } from '../../shared/anchoring/anchor';
import { InputError, parse, UsageError, type Command } from '../command';
import { load, problemsReport, render, requireFormat, write } from '../documents';

export const convert: Command = {
  name: 'convert',
  summary: 'Convert annotations between Newsmark JSON, W3C, brat and CSV',
  help: `
Usage: newsmark convert <input> --to newsmark|w3c|brat|csv [--text article.txt] [-o out]

The input format is detected from the extension (.json, .jsonl, .ann, .csv) and content.
Annotations are re-attached to the article text first; if any cannot be placed, nothing
is written (use "newsmark anchor" for a text that has changed).

Options:
  --to <format>     newsmark, w3c (JSON-LD collection; JSON Lines when -o ends in .jsonl), brat, csv
  --text <file>     the article text (needed for W3C and CSV input; brat looks for <name>.txt
                    beside the .ann; Newsmark JSON may include it)
  -o, --out <file>  output file (brat writes <out>.ann and <out>.txt); default: standard output
  --all             list every problem of a bad input (by default the first 20)

Example:
  newsmark convert story_4b22.ann --text story.txt --to w3c -o story.jsonld
`,
  async run(args, io) {
    const { values, positionals } = parse(args, { to: { type: 'string' }, text: { type: 'string' }, out: { type: 'string', short: 'o' }, all: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('expected exactly one input file');
    const to = requireFormat(values.to);
    const input = positionals[0]!;
    const loaded = load(input, values.text);
    if (loaded.problems.length) {
      io.stderr(problemsReport(input, loaded.problems, values.all));
      return 1;
    }
    if (loaded.text === undefined) throw new InputError(`${input}: needs the article text: pass --text article.txt`);
    const result = anchorAnnotations(loaded.text, loaded.annotations);
    if (result.orphans.length) {
      io.stderr(`${input}: ${result.orphans.length} annotation(s) do not fit this text:\n${result.orphans.map((o) => `  ${o.id}: "${o.spans[0]!.exact.slice(0, 60)}"`).join('\n')}\nNothing written. Use "newsmark anchor" to re-attach to a changed text.\n`);
      return 1;
    }
    write(await render(to, loaded.text, result.placed.map((p) => p.annotation), loaded, values.out, input), io.stdout);
    if (values.out) io.stderr(`${result.placed.length} annotations written as ${to}\n`);
    return 0;
  },
};
