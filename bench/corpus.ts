import fs from 'node:fs';
import path from 'node:path';
import type { Annotation, Tag } from '../shared/model/types';
import { prng } from '../shared/prng';

/** Real news text for benchmarks, from the PolNeAR dev split beside the repo. */
import { POLNEAR_DEV_TEXT } from '../tests/corpus/paths';

export const POLNEAR_DEV = POLNEAR_DEV_TEXT;

/** Concatenate PolNeAR dev articles (one paragraph a line) until `words` words. */
export function newsText(words: number): string {
  const files = fs.readdirSync(POLNEAR_DEV).filter((f) => f.endsWith('.txt')).sort();
  const paragraphs: string[] = [];
  let count = 0;
  for (let round = 0; count < words; round++) {
    for (const file of files) {
      for (const line of fs.readFileSync(path.join(POLNEAR_DEV, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const n = line.split(/\s+/).filter(Boolean).length;
        if (count + n > words) {
          paragraphs.push(line.split(/\s+/).slice(0, words - count).join(' '));
          return paragraphs.join('\n');
        }
        paragraphs.push(line);
        count += n;
      }
      if (round > 100) throw new Error('corpus too small');
    }
  }
  return paragraphs.join('\n');
}

/**
 * `count` annotations over whole words, 1–8 words long, spread over the text; a share of
 * them (`overlapShare`) overlap their neighbour, as real tagging does.
 */
export function generateAnnotations(text: string, count: number, options: { overlapShare?: number; seed?: number } = {}): Annotation[] {
  const random = prng(options.seed ?? 7);
  const words = [...text.matchAll(/[^\s]+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const tags: Tag[] = ['claim', 'quote', 'attribution'];
  const at = '2026-01-01T00:00:00.000Z';
  const out: Annotation[] = [];
  const stride = words.length / count;
  for (let i = 0; i < count; i++) {
    const overlap = random() < (options.overlapShare ?? 0);
    const first = Math.min(words.length - 1, Math.floor(i * stride + (overlap ? -2 : 0)) < 0 ? 0 : Math.floor(i * stride + (overlap ? -2 : 0)));
    const length = 1 + Math.floor(random() * Math.min(8, overlap ? 8 : Math.max(1, stride - 1)));
    const last = Math.min(words.length - 1, first + length - 1);
    out.push({
      id: `bench-${i}`,
      tag: tags[Math.floor(random() * 3)]!,
      spans: [{ start: words[first]!.start, end: words[last]!.end }],
      note: '',
      links: [],
      author: { id: 'bench', name: 'Bench' },
      createdAt: at,
      updatedAt: at,
    });
  }
  return out;
}
