import { prng } from '../../prng';

/**
 * Deterministic edits of an article, for testing and benchmarking anchoring: every
 * character of the result remembers which character of the original it was (-1 for new
 * text), so a test knows exactly where each annotated word went or that it was deleted.
 */
export type EditKind = 'insert-words' | 'delete-words' | 'delete-sentence' | 'rewrite-sentence' | 'move-paragraph' | 'split-paragraph' | 'fix-typo' | 'copy-sentence';

export const EDIT_KINDS: readonly EditKind[] = ['insert-words', 'delete-words', 'delete-sentence', 'rewrite-sentence', 'move-paragraph', 'split-paragraph', 'fix-typo', 'copy-sentence'];

export interface EditedText {
  text: string;
  /** origin[i] = index in the original text of the character now at i, or -1 if inserted. */
  origin: Int32Array;
  /** For characters of a copied sentence, the original character they copy; else -1. */
  copyOf: Int32Array;
  applied: Record<EditKind, number>;
}

interface Cell {
  ch: string;
  src: number;
  copy?: number;
}

const FILLER = ['reportedly', 'the', 'officials', 'said', 'on Tuesday', 'however', 'according to', 'new', 'campaign', 'Trump', 'Clinton'];

export function simulateEdits(original: string, seed: number, count: number): EditedText {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let cells: Cell[] = Array.from({ length: original.length }, (_, src) => ({ ch: original[src]!, src }));
  const applied = Object.fromEntries(EDIT_KINDS.map((k) => [k, 0])) as Record<EditKind, number>;
  const fresh = (s: string): Cell[] => Array.from(s, (ch) => ({ ch, src: -1 }));
  const str = () => cells.map((c) => c.ch).join('');

  const wordStarts = (): number[] => {
    const out: number[] = [];
    for (let i = 0; i < cells.length; i++) if (/\S/.test(cells[i]!.ch) && (i === 0 || /\s/.test(cells[i - 1]!.ch))) out.push(i);
    return out;
  };
  /** [start, end) of sentences: runs ending with . ! ? followed by a space, inside one paragraph. */
  const sentences = (): [number, number][] => {
    const s = str();
    const out: [number, number][] = [];
    const re = /[^\n.!?]+[.!?]+["”’]?/g;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const lead = m[0].length - m[0].trimStart().length;
      out.push([m.index + lead, m.index + m[0].length]);
    }
    return out.filter(([a, b]) => b - a > 20);
  };
  const paragraphs = (): [number, number][] => {
    const s = str();
    const out: [number, number][] = [];
    let start = 0;
    for (let i = 0; i <= s.length; i++) {
      if (i === s.length || s[i] === '\n') {
        if (i > start) out.push([start, i]);
        start = i + 1;
      }
    }
    return out;
  };

  /**
   * A deletion could equally have removed a neighbouring copy of its text when it can slide:
   * "said said" minus one "said". Sliding across spaces only changes which space went, not
   * which words, so only a slide across a visible character makes the truth a coin toss, and
   * such edits are not made. Insertions likewise.
   */
  const visible = (ch: string) => /\S/.test(ch);
  const slides = (a: number, b: number): boolean => {
    for (let l = 0; a - 1 - l >= 0 && l < b - a && cells[a - 1 - l]!.ch === cells[b - 1 - l]!.ch; l++) if (visible(cells[a - 1 - l]!.ch)) return true;
    for (let r = 0; b + r < cells.length && r < b - a && cells[a + r]!.ch === cells[b + r]!.ch; r++) if (visible(cells[a + r]!.ch)) return true;
    return false;
  };
  const insertSlides = (at: number, text: string): boolean => {
    for (let l = 0; at - 1 - l >= 0 && l < text.length && cells[at - 1 - l]!.ch === text[text.length - 1 - l]; l++) if (visible(text[text.length - 1 - l]!)) return true;
    for (let r = 0; at + r < cells.length && r < text.length && cells[at + r]!.ch === text[r]; r++) if (visible(text[r]!)) return true;
    return false;
  };

  for (let n = 0, attempts = 0; n < count && attempts < count * 20; attempts++) {
    const kind = pick(EDIT_KINDS);
    let made = true;
    switch (kind) {
      case 'insert-words': {
        const at = pick(wordStarts());
        const words = `${pick(FILLER)} ${rand() < 0.5 ? `${pick(FILLER)} ` : ''}`;
        if (insertSlides(at, words)) made = false;
        else cells.splice(at, 0, ...fresh(words));
        break;
      }
      case 'delete-words': {
        const ws = wordStarts();
        const i = Math.floor(rand() * (ws.length - 3));
        const words = 1 + Math.floor(rand() * 3);
        if (slides(ws[i]!, ws[i + words]!)) made = false;
        else cells.splice(ws[i]!, ws[i + words]! - ws[i]!);
        break;
      }
      case 'delete-sentence': {
        const [a, s] = pick(sentences());
        const b = s + (cells[s]?.ch === ' ' ? 1 : 0);
        if (slides(a, b)) made = false;
        else cells.splice(a, b - a);
        break;
      }
      case 'rewrite-sentence': {
        // new wording from the article's own vocabulary ("said", names, ...): the same
        // words now stand in other company, a trap for anchoring on words alone
        const [a, b] = pick(sentences());
        const vocabulary = original.split(/\s+/).filter(Boolean);
        const words: string[] = [];
        for (let len = 0; len < b - a; len += words[words.length - 1]!.length + 1) words.push(pick(vocabulary));
        cells.splice(a, b - a, ...fresh(`${words.join(' ')}.`));
        break;
      }
      case 'move-paragraph': {
        const ps = paragraphs();
        if (ps.length < 3) break;
        const [a, b] = pick(ps);
        const moved = cells.splice(a, b - a + 1); // with its newline
        if (moved[moved.length - 1]?.ch !== '\n') moved.push(...fresh('\n'));
        const rest = paragraphs();
        const [c] = pick(rest);
        cells.splice(c, 0, ...moved);
        break;
      }
      case 'split-paragraph': {
        const [, b] = pick(sentences());
        if (cells[b]?.ch === ' ') cells[b] = { ch: '\n', src: -1 };
        break;
      }
      case 'fix-typo': {
        const ws = wordStarts();
        const at = pick(ws);
        let end = at;
        while (end < cells.length && /\p{L}/u.test(cells[end]!.ch)) end++;
        if (end - at < 4) break;
        const i = at + 1 + Math.floor(rand() * (end - at - 2));
        // swap two neighbouring letters: both become "new" characters
        const x = cells[i]!.ch;
        const y = cells[i + 1]!.ch;
        if (x === y) break;
        cells[i] = { ch: y, src: -1 };
        cells[i + 1] = { ch: x, src: -1 };
        break;
      }
      case 'copy-sentence': {
        // a pull quote: the sentence again as its own paragraph elsewhere, so exact quotes
        // occur twice and context and position must decide
        const [a, b] = pick(sentences());
        const copy: Cell[] = [...cells.slice(a, b).map((c) => ({ ch: c.ch, src: -1, copy: c.src >= 0 ? c.src : (c.copy ?? -1) })), ...fresh('\n')];
        const [at] = pick(paragraphs());
        cells.splice(at, 0, ...copy);
        break;
      }
    }
    if (made) {
      applied[kind]++;
      n++;
    }
  }
  cells = cells.filter((c) => c.ch.length > 0);
  return { text: str(), origin: Int32Array.from(cells, (c) => c.src), copyOf: Int32Array.from(cells, (c) => c.copy ?? -1), applied };
}

/**
 * Judges a placement against the truth. A placed span is made of characters that came from
 * the annotated words (or, once those are deleted, from a verbatim copy of them), from
 * other words, or from text inserted inside the annotated run.
 */
export interface Verdict {
  /** Share of the annotated characters that survive the edits. */
  survived: number;
  /** Share of the placed characters that are the annotated characters themselves. */
  precision: number;
  /** Share of the surviving annotated characters that the placement covers. */
  recall: number;
  /** Share of the placed characters that are a verbatim copy of the annotated words (a pull quote). */
  copy: number;
}

export class EditTracker {
  private readonly newIndex: Int32Array;
  constructor(originalLength: number, readonly edited: EditedText) {
    this.newIndex = new Int32Array(originalLength).fill(-1);
    edited.origin.forEach((src, i) => {
      if (src >= 0) this.newIndex[src] = i;
    });
  }

  /** Share of the original spans' characters still in the text. */
  survived(spans: readonly { start: number; end: number }[]): number {
    let kept = 0;
    let all = 0;
    for (const s of spans) {
      for (let i = s.start; i < s.end; i++) if (this.newIndex[i]! >= 0) kept++;
      all += s.end - s.start;
    }
    return all ? kept / all : 0;
  }

  /**
   * Whether the span's text still exists as one piece: at least 90% of its characters
   * survive, in one stretch no longer than a quarter over its old length (words inserted
   * inside, or a typo, are fine; half of it moved to another paragraph is not).
   */
  exists(span: { start: number; end: number }): boolean {
    const n = span.end - span.start;
    let lo = Infinity;
    let hi = -1;
    let kept = 0;
    for (let i = span.start; i < span.end; i++) {
      const j = this.newIndex[i]!;
      if (j < 0) continue;
      kept++;
      lo = Math.min(lo, j);
      hi = Math.max(hi, j);
    }
    return kept >= 0.9 * n && hi - lo + 1 <= n + Math.floor(n / 4);
  }

  verdict(original: readonly { start: number; end: number }[], placed: readonly { start: number; end: number }[]): Verdict {
    const mine = (src: number) => src >= 0 && original.some((s) => src >= s.start && src < s.end);
    const { origin, copyOf } = this.edited;
    let first = Infinity;
    let last = -1;
    for (const p of placed) {
      for (let i = p.start; i < p.end; i++) {
        if (mine(origin[i]!)) {
          first = Math.min(first, i);
          last = Math.max(last, i);
        }
      }
    }
    let own = 0;
    let copied = 0;
    let counted = 0;
    const covered = new Set<number>();
    for (const p of placed) {
      for (let i = p.start; i < p.end; i++) {
        const src = origin[i]!;
        if (mine(src)) {
          own++;
          covered.add(src);
        } else if (mine(copyOf[i]!)) copied++;
        else if (src < 0 && i > first && i < last) continue; // inserted inside the annotated run: neutral
        counted++;
      }
      counted += 0;
    }
    const total = own + copied + (counted - own - copied);
    let target = 0;
    for (const s of original) for (let i = s.start; i < s.end; i++) if (this.newIndex[i]! >= 0) target++;
    return {
      survived: this.survived(original),
      precision: total ? own / total : 0,
      recall: target ? covered.size / target : 0,
      copy: total ? copied / total : 0,
    };
  }
}
