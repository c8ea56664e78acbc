import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_KINDS, type SourceKind } from '../../shared/model/source-kind';
import { sourceUnits } from '../../shared/sources';
import { loadPolnear, POLNEAR_LABELS, type PolnearLabels } from './polnear-fixture';
import { sampleFixture } from './sample-fixture';

/**
 * How often the kind rules agree with our hand labels: per gold kind, the share of its
 * attributions the rules give that kind (recall), and what they said instead.
 * Run `npx tsx tests/sources/accuracy.ts` for the README table.
 */
export interface KindRow {
  kind: SourceKind;
  labelled: number;
  right: number;
  /** Proposed kinds of the misses. */
  misses: Partial<Record<SourceKind, number>>;
}

export interface Accuracy {
  articles: number;
  rows: KindRow[];
  total: number;
  right: number;
  /** Proposals of a definite kind that were wrong (not "unknown"). */
  wrongGuesses: number;
}

/** `set`: 'tuned' = the sample and the articles the rules were written against; 'held-out' = labelled after, never tuned on. */
export function measure(set: 'tuned' | 'held-out' | 'all' = 'all'): Accuracy {
  const pairs: { gold: SourceKind; got: SourceKind }[] = [];
  let articles = 0;
  if (set !== 'held-out') {
    articles++;
    const sample = sampleFixture();
    for (const u of sourceUnits(sample.text, sample.annotations)) pairs.push({ gold: sample.kinds.get(u.id)!, got: u.proposed.kind });
  }
  const files = readdirSync(POLNEAR_LABELS).filter((f) => f.endsWith('.json')).sort();
  for (const f of files) {
    const labels = JSON.parse(readFileSync(path.join(POLNEAR_LABELS, f), 'utf8')) as PolnearLabels;
    if (set !== 'all' && (labels.heldOut === true) !== (set === 'held-out')) continue;
    articles++;
    const { text, annotations } = loadPolnear(labels.ann);
    const units = sourceUnits(text, annotations);
    const byAt = new Map(units.map((u) => [u.start, u]));
    for (const l of labels.units) {
      const u = byAt.get(l.at);
      if (!u) throw new Error(`${f}: no attribution starts at ${l.at} ("${l.words}")`);
      pairs.push({ gold: l.kind, got: u.proposed.kind });
    }
  }
  const rows: KindRow[] = SOURCE_KINDS.map((kind) => ({ kind, labelled: 0, right: 0, misses: {} }));
  for (const p of pairs) {
    const row = rows.find((r) => r.kind === p.gold)!;
    row.labelled++;
    if (p.got === p.gold) row.right++;
    else row.misses[p.got] = (row.misses[p.got] ?? 0) + 1;
  }
  return {
    articles,
    rows: rows.filter((r) => r.labelled > 0),
    total: pairs.length,
    right: pairs.filter((p) => p.got === p.gold).length,
    wrongGuesses: pairs.filter((p) => p.got !== p.gold && p.got !== 'unknown').length,
  };
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`;

export function markdownTable(a: Accuracy): string {
  const lines = ['| Kind (our label) | Attributions | Rules agree | Accuracy | What the rules said instead |', '| --- | ---: | ---: | ---: | --- |'];
  for (const r of a.rows) {
    const misses = Object.entries(r.misses).map(([k, n]) => `${k} ${n}`).join(', ') || '—';
    lines.push(`| ${r.kind} | ${r.labelled} | ${r.right} | ${pct(r.right, r.labelled)} | ${misses} |`);
  }
  lines.push(`| **all** | ${a.total} | ${a.right} | ${pct(a.right, a.total)} | ${a.wrongGuesses} wrong guesses, ${a.total - a.right - a.wrongGuesses} "unknown" |`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const set of ['tuned', 'held-out', 'all'] as const) {
    const a = measure(set);
    console.log(`\n${set}: ${a.articles} articles, ${a.total} attributions\n`);
    console.log(markdownTable(a));
  }
}
