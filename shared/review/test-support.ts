import { prng } from '../prng';
import type { Annotation, Tag } from '../model/types';

/** Compact annotation builder for review tests: `ann('m1', 'claim', [0, 5], [8, 12])`. */
export function ann(id: string, tag: Tag, ...spans: [number, number][]): Annotation {
  return {
    id,
    tag,
    spans: spans.map(([start, end]) => ({ start, end })),
    note: '',
    links: [],
    author: { id: 'u', name: 'U' },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

export function linked(a: Annotation, ...links: string[]): Annotation {
  return { ...a, links };
}

/** Deterministic pseudo-random numbers for generated fixtures and benchmarks. */
export const rng = prng;

const WORDS = ['the', 'minister', 'said', 'that', 'talks', 'would', 'resume', 'according', 'to', 'officials', 'Maduro’s', 'U.S.', '2,500'];

/** A text of `words` words with a newline every ~40 words, and its word offsets. */
export function syntheticText(words: number, random: () => number): { text: string; wordStarts: number[]; wordEnds: number[] } {
  let text = '';
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  for (let i = 0; i < words; i++) {
    if (i > 0) text += i % 40 === 0 ? '\n' : ' ';
    wordStarts.push(text.length);
    text += WORDS[Math.floor(random() * WORDS.length)]!;
    wordEnds.push(text.length);
  }
  return { text, wordStarts, wordEnds };
}

const TAG_LIST: Tag[] = ['claim', 'quote', 'attribution'];

/**
 * Two annotators over the same synthetic text, `count` annotations each: about half
 * identical, the rest with another tag, a longer span, or somewhere else; half the
 * claims and quotes link to the nearest attribution before them.
 */
export function syntheticPair(count: number, words: number, seed: number): { text: string; mine: Annotation[]; theirs: Annotation[] } {
  const random = rng(seed);
  const { text, wordStarts, wordEnds } = syntheticText(words, random);
  return { text, ...annotatorsOver(wordStarts, wordEnds, count, random) };
}

/** The two annotators of syntheticPair over given word offsets (e.g. a real article's tokens). */
export function annotatorsOver(
  wordStarts: ArrayLike<number>,
  wordEnds: ArrayLike<number>,
  count: number,
  random: () => number,
): { mine: Annotation[]; theirs: Annotation[] } {
  const words = wordStarts.length;
  const mine: Annotation[] = [];
  const theirs: Annotation[] = [];
  const step = Math.max(1, Math.floor(words / count));
  for (let k = 0; k < count; k++) {
    const w = Math.min(words - 1, k * step);
    const len = 1 + Math.floor(random() * Math.max(1, step - 1));
    const end = wordEnds[Math.min(words - 1, w + len - 1)]!;
    const tag = TAG_LIST[Math.floor(random() * 3)]!;
    const m = ann(`m${k}`, tag, [wordStarts[w]!, end]);
    const r = random();
    let t: Annotation | undefined;
    if (r < 0.5) t = ann(`t${k}`, tag, [wordStarts[w]!, end]);
    else if (r < 0.65) t = ann(`t${k}`, TAG_LIST[(TAG_LIST.indexOf(tag) + 1) % 3]!, [wordStarts[w]!, end]);
    else if (r < 0.85) t = ann(`t${k}`, tag, [wordStarts[w]!, wordEnds[Math.min(words - 1, w + len)]!]);
    else if (step > 1 && w + step - 1 < words) t = ann(`t${k}`, tag, [wordStarts[w + step - 1]!, wordEnds[w + step - 1]!]);
    mine.push(m);
    if (t) theirs.push(t);
  }
  // Link every non-attribution to the nearest earlier attribution, on both sides.
  for (const list of [mine, theirs]) {
    let lastAttribution: string | undefined;
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      if (a.tag === 'attribution') lastAttribution = a.id;
      else if (lastAttribution && random() < 0.5) list[i] = linked(a, lastAttribution);
    }
  }
  return { mine, theirs };
}
