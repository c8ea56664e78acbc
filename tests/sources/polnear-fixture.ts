import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importBrat } from '../../shared/formats/brat';
import type { SourceKind } from '../../shared/model/source-kind';
import type { Annotation } from '../../shared/model/types';
import { POLNEAR_DEV } from '../corpus/paths';

/** A PolNeAR dev article imported as Newsmark would, with the kinds we labelled by hand. */
export interface PolnearLabels {
  ann: string;
  /** Labelled after the rules were written and never tuned on. */
  heldOut?: boolean;
  /** Per attribution (keyed by the UTF-16 start of its source, or of its cue when it has none). */
  units: { at: number; words: string; cue: string; kind: SourceKind }[];
}

export const POLNEAR_LABELS = path.resolve(import.meta.dirname, 'labels', 'polnear');

export function loadPolnear(ann: string): { text: string; annotations: Annotation[] } {
  const stem = ann.replace(/_[0-9a-f]{4}\.ann$/, '');
  const text = readFileSync(path.join(POLNEAR_DEV, 'text', `${stem}.txt`), 'utf8');
  const raw = readFileSync(path.join(POLNEAR_DEV, 'attributions', ann), 'utf8');
  let n = 0;
  const { annotations } = importBrat(text, raw, { now: '2026-12-03T00:00:00.000Z', idFor: (t) => `${t}-${++n}` });
  return { text, annotations };
}
