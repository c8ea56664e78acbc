/** A PolNeAR split folder (text/*.txt, attributions/<article>_<annotator>.ann) for eval and training. */
import fs from 'node:fs';
import path from 'node:path';
import { readPolnear, type Annotated } from '../shared/suggest/gold';
import { InputError } from './command';

export interface SplitArticle {
  name: string;
  text: string;
  /** One per annotator file. */
  golds: Annotated[];
}

export function readSplit(dir: string): SplitArticle[] {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  for (const d of [textDir, annDir]) {
    if (!fs.existsSync(d) || !fs.statSync(d).isDirectory()) throw new InputError(`${dir}: expected a PolNeAR split folder with text/ and attributions/ (missing ${path.basename(d)}/)`);
  }
  const anns = fs.readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const out: SplitArticle[] = [];
  for (const t of fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = t.slice(0, -4);
    // Annotator files are <article>_<annotator>.ann; the annotator id has no underscore.
    const mine = anns.filter((a) => a.slice(0, a.lastIndexOf('_')) === name);
    if (!mine.length) continue;
    const text = fs.readFileSync(path.join(textDir, t), 'utf8');
    out.push({ name, text, golds: mine.map((a) => readPolnear(text, fs.readFileSync(path.join(annDir, a), 'utf8'))) });
  }
  if (!out.length) throw new InputError(`${dir}: no article in text/ has an annotation file in attributions/`);
  return out;
}
