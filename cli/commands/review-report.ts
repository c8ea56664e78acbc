import fs from 'node:fs';
import { restoreDecisions, type DecisionLog, type ReviewDecision } from '../../shared/review/decisions';
import { pairAnnotations } from '../../shared/review/pair';
import { reportCsv, reportJson, reviewReport } from '../../shared/review/report';
import { InputError, parse, UsageError, type Command } from '../command';
import { write } from '../documents';
import { loadOnOneText } from './agree';

function readDecisions(file: string): ReviewDecision[] {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const ok = (d: unknown): d is ReviewDecision => {
    const x = d as ReviewDecision | null;
    return typeof x?.pairId === 'string' && typeof x.decidedAt === 'string' && ['accept', 'reject', 'merge', 'edit'].includes(x.decision?.kind);
  };
  if (!Array.isArray(value)) throw new InputError(`${file}: expected an array of decisions`);
  const bad = value.findIndex((d) => !ok(d));
  if (bad >= 0) throw new InputError(`${file}: $[${bad}] is not a decision ({ pairId, decision: { kind }, decidedAt })`);
  return value as ReviewDecision[];
}

export const reviewReportCommand: Command = {
  name: 'review-report',
  summary: "Write the review report of my annotations against a colleague's (CSV or JSON)",
  help: `
Usage: newsmark review-report <mine> <theirs> [-o report.csv|report.json] [--text article.txt] [--decisions decisions.json]

One row per pair of annotations, in document order: pair id, category (agree, tag-conflict,
boundary-conflict, only-mine, only-theirs), link status, each side's id, tag, spans (code
points) and text, and the decision taken on it. The extension of -o chooses CSV (RFC 4180)
or JSON; without -o the JSON goes to standard output. See docs/review.md.

Options:
  -o, --out <file>          report.csv or report.json
  --text <file>             the article text (needed for brat, W3C and CSV inputs)
  --decisions <file>        saved review decisions ([{ pairId, decision: { kind }, decidedAt }])

Example:
  newsmark review-report mine.json anna.json -o review.csv
`,
  async run(args, io) {
    const { values, positionals } = parse(args, { out: { type: 'string', short: 'o' }, text: { type: 'string' }, decisions: { type: 'string' } });
    if (positionals.length !== 2) throw new UsageError('expected two annotation files: mine and theirs');
    const out = values.out;
    const csv = out !== undefined && /\.csv$/i.test(out);
    if (out !== undefined && !csv && !/\.json$/i.test(out)) throw new UsageError(`-o must end in .csv or .json, not "${out}"`);
    const { text, sets } = loadOnOneText(positionals, values.text, io);
    const pairing = pairAnnotations(sets[0]!.annotations, sets[1]!.annotations);
    let log: DecisionLog = {};
    if (values.decisions) {
      const restored = restoreDecisions(pairing, readDecisions(values.decisions));
      log = restored.log;
      if (restored.stale.length) io.stderr(`${restored.stale.length} saved decisions match no pair any more: ${restored.stale.map((d) => d.pairId).join(', ')}\n`);
    }
    const rows = reviewReport(text, pairing, log);
    write({ files: [{ path: out ?? '-', content: csv ? reportCsv(rows) : reportJson(rows) }] }, io.stdout);
    if (out) io.stderr(`${out}: ${rows.length} rows\n`);
    return 0;
  },
};
