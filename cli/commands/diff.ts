import { anchorAnnotations } from '../../shared/anchoring/anchor';
import { textHash } from '../../shared/hash';
import type { Annotation } from '../../shared/model/types';
import { carryOver } from '../../shared/versions/carry-over';
import { diffVersions } from '../../shared/versions/diff';
import { changeListText } from '../../shared/versions/report';
import { judgeVersion } from '../../shared/versions/verdict';
import { InputError, parse, UsageError, type Command } from '../command';
import { load, problemsReport, readText } from '../documents';

export const diff: Command = {
  name: 'diff',
  summary: 'List what changed between two versions of an article, sentence by sentence',
  help: `
Usage: newsmark diff <old.txt> <new.txt> [--annotations <file>] [--json]

Lists the sentences added, removed and reworded from the old text to the new, in
document order, and calls out a reworded direct quote (the words inside the quotation
marks changed). With --annotations (Newsmark JSON, W3C, brat or CSV made on the old
text), the changes that touch an annotation come first, and the annotations are carried
over to the new text: placed exactly, placed fuzzily, or unplaced.

Options:
  --annotations <file>  annotations on the old text
  --json                print the change list (and the carry-over) as JSON

Offsets in the JSON are UTF-16 code units into each text, as in the app's export.

Example:
  newsmark diff story-v1.txt story-v2.txt --annotations story.newsmark.json
`,
  async run(args, io) {
    const { values, positionals } = parse(args, { annotations: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length !== 2) throw new UsageError('expected two texts: the old version and the new');
    const [oldFile, newFile] = positionals as [string, string];
    const oldText = readText(oldFile);
    const newText = readText(newFile);
    let annotations: Annotation[] = [];
    if (values.annotations) {
      const file = values.annotations;
      const loaded = load(file, oldFile);
      if (loaded.problems.length) {
        io.stderr(problemsReport(file, loaded.problems));
        return 1;
      }
      // the file's selectors are put onto the old text first: that is what they annotate
      const onOld = anchorAnnotations(oldText, loaded.annotations);
      if (onOld.orphans.length) throw new InputError(`${file}: ${onOld.orphans.length} of ${loaded.annotations.length} annotations do not match ${oldFile} (first: ${onOld.orphans[0]!.id}); are they made on that text?`);
      annotations = onOld.placed.map((p) => p.annotation);
    }
    const carried = carryOver(oldText, newText, annotations, { now: new Date().toISOString(), version: 2 });
    const d = diffVersions(oldText, newText, { oldAnnotations: annotations, newAnnotations: carried.annotations });
    const verdict = judgeVersion(await textHash(oldText), await textHash(newText), d, annotations.length ? carried.counts : undefined);
    if (values.json) {
      const out = {
        verdict,
        counts: d.counts,
        changes: d.changes,
        ...(values.annotations ? { annotations: { counts: carried.counts, fuzzy: carried.fuzzy, unplaced: carried.orphans.map((o) => o.id) } } : {}),
      };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    if (verdict === 'different') io.stdout(`Warning: ${newFile} shares almost nothing with ${oldFile}; it looks like a different article, not a new version.\n`);
    io.stdout(changeListText(d));
    if (values.annotations) {
      const c = carried.counts;
      io.stdout(`\nAnnotations: ${c.total}: ${c.exact} placed exactly, ${c.fuzzy} placed fuzzily (to confirm), ${c.unplaced} unplaced\n`);
      for (const o of carried.orphans) io.stdout(`  unplaced ${o.id} (${o.tag}): "${o.spans.map((s) => s.exact).join(' … ').slice(0, 80)}"\n`);
    }
    return 0;
  },
};
