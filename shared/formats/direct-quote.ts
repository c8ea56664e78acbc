import type { Span } from '../model/types';

/**
 * Is a PolNeAR Content span a direct quotation? Yes when at least half of its letters and
 * digits stand inside quotation marks. So “We will win,” he said → quote, and a paraphrase
 * with a few quoted words ("…in order to “keep the details under wraps.”") → claim.
 *
 * Every convention in the corpus is read: curly “…” and ‘…’, straight "…" and '…', the
 * NYT's two apostrophes ''…'' (and ``…''), guillemets «…» ‹…›, „…“, and quotes nested in
 * quotes. Quoted stretches are found per paragraph with a stack of open marks. A mark that
 * can be either (" '' ') opens or closes by what stands beside it, as a typesetter reads
 * it: a space or line start before and a word after opens, a word before and a space or
 * punctuation after closes. A double quote still open at the end of a paragraph runs to
 * its end (news style reopens a long quote in each paragraph); a single one does not, and
 * a single mark inside a word (don't) or closing nothing (voters') is an apostrophe.
 */
type Kind = 'double' | 'single';
type Role = 'open' | 'close' | 'either';
interface Mark {
  kind: Kind;
  role: Role;
  length: number;
}

const FIXED: Readonly<Record<string, Mark>> = {
  '“': { kind: 'double', role: 'open', length: 1 },
  '„': { kind: 'double', role: 'open', length: 1 },
  '«': { kind: 'double', role: 'open', length: 1 },
  '”': { kind: 'double', role: 'close', length: 1 },
  '»': { kind: 'double', role: 'close', length: 1 },
  '"': { kind: 'double', role: 'either', length: 1 },
  '‘': { kind: 'single', role: 'open', length: 1 },
  '‚': { kind: 'single', role: 'open', length: 1 },
  '‹': { kind: 'single', role: 'open', length: 1 },
  '’': { kind: 'single', role: 'close', length: 1 },
  '›': { kind: 'single', role: 'close', length: 1 },
};
const COUNTED = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
/** What may stand before an opening mark: a space, a bracket, a dash, a slash or another mark. */
const BEFORE_OPEN = /[\s([{\-‐–—/"“„«‘‚‹'`]/u;

interface Open {
  kind: Kind;
  at: number;
}

/** The mark starting at text[i], if any. `singleOpen`: a single quote is innermost (splits '''). */
function markAt(text: string, i: number, singleOpen: boolean): Mark | undefined {
  const c = text[i]!;
  if (c === '`') return text[i + 1] === '`' ? { kind: 'double', role: 'open', length: 2 } : { kind: 'single', role: 'open', length: 1 };
  if (c === "'") {
    if (text[i + 1] !== "'" || (singleOpen && text[i + 2] === "'")) return { kind: 'single', role: 'either', length: 1 };
    return { kind: 'double', role: 'either', length: 2 };
  }
  return FIXED[c];
}

/** Open, close, or 'skip' (an apostrophe, or a mark with nothing to tell). */
function roleOf(mark: Mark, before: string, after: string, doubleOpen: boolean): 'open' | 'close' | 'skip' {
  const canOpen = !SPACE.test(after) && BEFORE_OPEN.test(before);
  const canClose = !SPACE.test(before) && !COUNTED.test(after);
  if (mark.role === 'open') return 'open';
  if (mark.role === 'close') return mark.kind === 'double' || canClose ? 'close' : 'skip'; // don’t, ’80s
  if (canOpen !== canClose) return canOpen ? 'open' : 'close';
  if (mark.kind === 'single') return 'skip';
  return doubleOpen ? 'close' : 'open'; // nothing beside it to tell: a straight " toggles
}

/** For each UTF-16 index, whether it lies inside quotation marks (the marks included). */
export function quotedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let stack: Open[] = [];
  const innermost = (kind: Kind) => {
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.kind === kind) return k;
    return -1;
  };
  const endParagraph = (end: number) => {
    const first = stack.findIndex((o) => o.kind === 'double');
    if (first !== -1) mask.fill(1, stack[first]!.at, end);
    stack = [];
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      endParagraph(i);
      continue;
    }
    const top = stack[stack.length - 1];
    const mark = markAt(text, i, top?.kind === 'single');
    if (!mark) continue;
    const before = i > 0 ? text[i - 1]! : '\n';
    const after = i + mark.length < text.length ? text[i + mark.length]! : '\n';
    // „…“: German style closes with “
    const germanClose = text[i] === '“' && top !== undefined && text[top.at] === '„';
    const role = germanClose ? 'close' : roleOf(mark, before, after, innermost('double') !== -1);
    if (role === 'open') stack.push({ kind: mark.kind, at: i });
    else if (role === 'close') {
      const k = innermost(mark.kind);
      // a single mark closes only a single quote opened inside the innermost double one
      if (k !== -1 && (mark.kind === 'double' || k > innermost('double'))) {
        mask.fill(1, stack[k]!.at, i + mark.length);
        stack.length = k;
      }
    }
    i += mark.length - 1;
  }
  endParagraph(text.length);
  return mask;
}

export function isDirectQuote(text: string, spans: readonly Span[], mask: Uint8Array = quotedMask(text)): boolean {
  let inside = 0;
  let all = 0;
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) {
      if (!COUNTED.test(text[i]!)) continue;
      all++;
      inside += mask[i]!;
    }
  }
  return all > 0 && inside * 2 >= all;
}
