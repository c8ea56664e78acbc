import fs from 'node:fs';
import path from 'node:path';
import { importBrat } from '../shared/formats/brat';
import { toW3CCollection, toW3CJsonLines } from '../shared/formats/w3c';
import { POLNEAR_DEV } from './corpus/paths';

/**
 * Broken annotation files made from real exports: a PolNeAR article's annotations written
 * as a pretty-printed W3C collection (as `newsmark convert --to w3c` writes it), then one
 * character broken deep inside. Built at test time, so nothing generated is committed.
 */
export const BROKEN_ARTICLE = 'breitbart_2016-09-30_the-latest-trump-urges-supporter';
const NOW = '2025-12-01T12:00:00.000Z';

export function polnearAnnotations(article = BROKEN_ARTICLE) {
  const dir = path.join(POLNEAR_DEV, 'attributions');
  const ann = fs.readdirSync(dir).find((f) => f.startsWith(`${article}_`))!;
  const text = fs.readFileSync(path.join(POLNEAR_DEV, 'text', `${article}.txt`), 'utf8');
  const { annotations } = importBrat(text, fs.readFileSync(path.join(dir, ann), 'utf8'), { now: NOW, idFor: (t) => `${ann}#${t}` });
  return { text, annotations, textFile: path.join(POLNEAR_DEV, 'text', `${article}.txt`) };
}

/** The W3C collection of `article`, pretty-printed, and its JSON Lines form. */
export function w3cExport(article = BROKEN_ARTICLE): { text: string; textFile: string; collection: string; jsonLines: string } {
  const { text, annotations, textFile } = polnearAnnotations(article);
  const doc = { id: article, text };
  return { text, textFile, collection: `${JSON.stringify(toW3CCollection(doc, annotations), null, 2)}\n`, jsonLines: toW3CJsonLines(doc, annotations) };
}

/**
 * A stray quote before the key on the first `"type": "TextQuoteSelector"` line at or after
 * `fromLine`: `""type"` is an empty string followed by `type`, so the parser stops on that
 * line, at the `t` (1-based line and column returned).
 */
export function strayQuote(json: string, fromLine: number): { broken: string; line: number; column: number } {
  const lines = json.split('\n');
  const i = lines.findIndex((l, k) => k >= fromLine - 1 && /^\s*"type": "TextQuoteSelector"/.test(l));
  if (i === -1) throw new Error(`no selector line after line ${fromLine}`);
  const indent = /^\s*/.exec(lines[i]!)![0].length;
  lines[i] = `${lines[i]!.slice(0, indent)}"${lines[i]!.slice(indent)}`;
  return { broken: lines.join('\n'), line: i + 1, column: indent + 3 };
}

/** Grow a collection to about `bytes` by repeating its annotations (fresh ids), then break its last selector line. */
export function bigBrokenCollection(bytes: number): { broken: string; line: number; column: number } {
  const { text, annotations } = polnearAnnotations();
  const doc = { id: BROKEN_ARTICLE, text };
  const perCopy = JSON.stringify(toW3CCollection(doc, annotations), null, 2).length;
  const many = [];
  for (let copy = 0; copy * perCopy < bytes; copy++) {
    for (const a of annotations) many.push({ ...a, id: `${a.id}-${copy}`, links: a.links.map((l) => `${l}-${copy}`) });
  }
  const json = `${JSON.stringify(toW3CCollection(doc, many), null, 2)}\n`;
  const last = json.slice(0, json.lastIndexOf('"type": "TextQuoteSelector"')).split('\n').length;
  return strayQuote(json, last);
}
