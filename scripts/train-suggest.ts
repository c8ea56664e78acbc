// `npm run train -- --corpus <polnear dir>`: train the attribution model on <dir>/train, tune
// the decoder on <dir>/dev, print the dev table and write resources/models/attribution.json.
// Deterministic: the same corpus and seed give the same file.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSplit } from '../cli/polnear-split';
import { evaluate } from '../shared/suggest/evaluate';
import { loadSuggester } from '../shared/suggest/load';
import { DEFAULT_DECODER, type DecoderOptions, type ModelJson } from '../shared/suggest/model';
import { prf, scoreTable } from '../shared/suggest/score';
import { prepare, trainModel } from '../shared/suggest/train';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    out: { type: 'string', default: path.resolve(import.meta.dirname, '../resources/models/attribution.json') },
    epochs: { type: 'string', default: '12' },
    seed: { type: 'string', default: '1' },
    prune: { type: 'string', default: '0.05' },
    'min-count': { type: 'string', default: '3' },
    'no-tune': { type: 'boolean', default: false },
  },
});

if (!values.corpus) {
  process.stderr.write(
    'npm run train: no corpus given.\nUsage: npm run train -- --corpus <polnear dir> [--out file] [--epochs 12] [--seed 1]\n' +
      '<polnear dir> must hold train/ and dev/, each with text/*.txt and attributions/*.ann (PolNeAR 1.0).\n',
  );
  process.exit(2);
}
for (const split of ['train', 'dev']) {
  if (!fs.existsSync(path.join(values.corpus, split))) {
    process.stderr.write(`npm run train: ${values.corpus} has no ${split}/ folder (expected ${split}/text and ${split}/attributions)\n`);
    process.exit(1);
  }
}

const t0 = performance.now();
const log = (l: string) => process.stderr.write(`${l}\n`);
const train = readSplit(path.join(values.corpus, 'train'));
const dev = readSplit(path.join(values.corpus, 'dev'));
const docs = prepare(train.flatMap((a) => a.golds.map((gold) => ({ text: a.text, gold }))));
log(`train: ${train.length} articles, ${docs.length} annotation files; dev: ${dev.length} articles`);
const seed = Number(values.seed);
const month = '2026-12';
const json = trainModel(docs, {
  epochs: Number(values.epochs),
  seed,
  prune: Number(values.prune),
  minCount: Number(values['min-count']),
  scale: 100,
  version: `attribution perceptron ${month} (PolNeAR train, seed ${seed})`,
  log,
});

function score(model: ModelJson) {
  const r = loadSuggester(model);
  if (!r.ok) throw new Error(r.error);
  return evaluate(r.suggester, dev);
}

// Tune the decoder on dev: one setting at a time, keeping what raises the mean of
// content exact F1 and attribution F1 (the two the tagger alone does worst on).
const objective = (m: ModelJson) => {
  const { counts } = score(m);
  return (prf(counts.exact.content).f + prf(counts.attribution).f) / 2;
};
let decoder: DecoderOptions = { ...DEFAULT_DECODER };
if (!values['no-tune']) {
  const grid: { [K in keyof DecoderOptions]: DecoderOptions[K][] } = {
    maxCueDistance: [8, 12, 20, 30],
    maxSourceDistance: [4, 6, 10],
    snapToSentenceEnd: [0, 1, 2, 3],
    snapToSentenceStart: [0, 1, 2],
    mergeGap: [0, 1, 2, 3, 5],
    joinSplitContents: [true, false],
  };
  let best = objective({ ...json, decoder });
  for (const key of Object.keys(grid) as (keyof DecoderOptions)[]) {
    for (const v of grid[key]) {
      const trial = { ...decoder, [key]: v } as DecoderOptions;
      const s = objective({ ...json, decoder: trial });
      if (s > best + 1e-9) {
        best = s;
        decoder = trial;
      }
    }
  }
  log(`decoder tuned on dev: ${JSON.stringify(decoder)}`);
}
const model: ModelJson = { ...json, decoder };
const { counts, files } = score(model);
fs.mkdirSync(path.dirname(values.out), { recursive: true });
fs.writeFileSync(values.out, `${JSON.stringify(model)}\n`);
const mb = fs.statSync(values.out).size / 1e6;
console.log(`\nDev split (${dev.length} articles):\n${scoreTable(counts, files)}`);
console.log(`\nWrote ${values.out} (${mb.toFixed(1)} MB, ${model.features.length} features) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
