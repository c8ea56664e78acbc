import { parse, UsageError, type Command } from '../command';
import { load, problemsReport } from '../documents';

export const validate: Command = {
  name: 'validate',
  summary: 'Check an annotation file and list every problem with where it is',
  help: `
Usage: newsmark validate <file> [--text article.txt] [--all]

Checks a Newsmark JSON, W3C (.json/.jsonl), brat (.ann) or CSV file: syntax, schema,
offsets, span order, ids and links. Exits 0 when valid; otherwise exits 1 and lists the
problems with their JSON path, line or row (a syntax error with the line and a caret).

Options:
  --text <file>   the article text (brat looks for <name>.txt beside the .ann)
  --all           list every problem (by default the first 20 and how many more)

Example:
  newsmark validate story.newsmark.json
`,
  async run(args, io) {
    const { values, positionals } = parse(args, { text: { type: 'string' }, all: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('expected exactly one file');
    const file = positionals[0]!;
    const loaded = load(file, values.text);
    if (loaded.problems.length) {
      io.stderr(problemsReport(file, loaded.problems, values.all));
      return 1;
    }
    io.stdout(`${file}: valid ${loaded.format} file, ${loaded.annotations.length} annotation${loaded.annotations.length === 1 ? '' : 's'}\n`);
    return 0;
  },
};
