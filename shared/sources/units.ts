import type { SourceKind } from '../model/source-kind';
import type { Annotation } from '../model/types';
import { proposeKind, words, type KindProposal } from './classify';
import { CUE_WORDS, PERSON_PRONOUNS, OTHER_PRONOUNS } from './lexicon';

/**
 * One attribution as the Sources panel sees it: the annotation naming the source (or, when
 * there is none, the cue alone), the cue that goes with it, and the quotes and claims that
 * rest on it. A brat/PolNeAR import gives Source and Cue as separate attribution
 * annotations joined through their content; an attribution tagged by hand holds both
 * ("Trump stated") and is split here at its first cue word.
 */
export interface SourceUnit {
  /** The id of the annotation that stands for this attribution. */
  id: string;
  /** Every annotation of it: the source and its cue annotations. */
  annotationIds: string[];
  /** Where it starts (UTF-16), for order and for jumping to it. */
  start: number;
  end: number;
  words: string;
  cue: string;
  proposed: KindProposal;
  /** The editor's kind, if any of its annotations carries one. */
  editorKind?: SourceKind;
  /** The editor's group, if set by a merge or a split. */
  editorGroup?: string;
  /** The kind that counts: the editor's, else the proposal. */
  kind: SourceKind;
  pronoun: boolean;
  quoteIds: string[];
  claimIds: string[];
}

/** An attribution annotation that is the cue of another (from brat's Cue label). */
export function isCue(a: Annotation): boolean {
  return a.tag === 'attribution' && a.origin?.originalType === 'Cue';
}

const CUES = new Set(CUE_WORDS);

/** The text of an annotation's spans, fragments joined by a space. */
export function annotationText(text: string, a: Annotation): string {
  return a.spans.map((s) => text.slice(s.start, s.end)).join(' ');
}

/** The sentence text before `at` (back to . ! ? or a line break). */
function sentenceBefore(text: string, at: number): string {
  const from = Math.max(0, at - 200);
  const chunk = text.slice(from, at);
  const m = /[.!?]["”’]?\s+(?=[^.!?]*$)|\n(?=[^\n]*$)/.exec(chunk);
  return m ? chunk.slice(m.index + m[0].length) : chunk;
}

/**
 * Split hand-tagged words into source and cue: "U.S. media reported" → "U.S. media" +
 * "reported"; "It was claimed" → "It" + "was claimed"; "According to the source" →
 * "the source" + "According to"; "said Trump" → "Trump" + "said".
 */
export function splitCue(s: string): { words: string; cue: string } {
  const m = /^\s*(according to)\s+/i.exec(s);
  if (m) return { words: s.slice(m[0].length).trim(), cue: m[1]! };
  const tokens = [...s.matchAll(/\S+/g)];
  const k = tokens.findIndex((t) => CUES.has(t[0].toLowerCase().replace(/[.,;:!?"”]+$/, '')));
  if (k < 0) return { words: s.trim(), cue: '' };
  let from = k;
  while (from > 0 && /^(is|are|was|were|be|been|being|has|have|had|will|would|could|may|might|also|later|then|widely|not|never|first|publicly|previously|repeatedly|had|reportedly)$/i.test(tokens[from - 1]![0])) from--;
  const cutAt = tokens[from]!.index;
  const before = s.slice(0, cutAt).trim();
  const cue = s.slice(cutAt).trim();
  if (before === '' && tokens.length > k + 1) {
    // inverted order: "said Trump", "according to him"
    const after = s.slice(tokens[k]!.index + tokens[k]![0].length).trim();
    return { words: after, cue: tokens[k]![0] };
  }
  return { words: before, cue };
}

const PRONOUNS = new Set([...PERSON_PRONOUNS, ...OTHER_PRONOUNS]);

export function isPronoun(s: string): boolean {
  const ws = words(s);
  return ws.length === 1 && PRONOUNS.has(ws[0]!.toLowerCase()) && !/^(it|there)$/i.test(ws[0]!);
}

/** Every attribution of an article as a unit, in document order. */
export function sourceUnits(text: string, annotations: readonly Annotation[]): SourceUnit[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const contents = annotations.filter((a) => a.tag !== 'attribution');
  const linkedBy = new Map<string, Annotation[]>(); // attribution id → contents linking it
  for (const c of contents) {
    for (const l of c.links) {
      const target = byId.get(l);
      if (target?.tag !== 'attribution') continue;
      const list = linkedBy.get(l) ?? [];
      list.push(c);
      linkedBy.set(l, list);
    }
  }
  // a cue attaches to the sources its contents also link to
  const cuesOf = new Map<string, Annotation[]>();
  const attached = new Set<string>();
  for (const a of annotations) {
    if (!isCue(a)) continue;
    const sources = new Set<string>();
    for (const c of linkedBy.get(a.id) ?? []) for (const l of c.links) if (l !== a.id && byId.get(l)?.tag === 'attribution' && !isCue(byId.get(l)!)) sources.add(l);
    for (const s of sources) {
      cuesOf.set(s, [...(cuesOf.get(s) ?? []), a]);
      attached.add(a.id);
    }
  }
  const units: SourceUnit[] = [];
  for (const a of annotations) {
    if (a.tag !== 'attribution' || attached.has(a.id)) continue;
    const own = annotationText(text, a);
    const cues = cuesOf.get(a.id) ?? [];
    let w: string;
    let cue: string;
    let cueStart: number;
    if (isCue(a)) {
      w = '';
      cue = own;
      cueStart = a.spans[0]!.start;
    } else if (cues.length) {
      w = own;
      cue = cues.map((c) => annotationText(text, c)).join(' … ');
      cueStart = cues[0]!.spans[0]!.start;
    } else {
      ({ words: w, cue } = splitCue(own));
      cueStart = a.spans[0]!.start + Math.max(0, own.indexOf(cue));
    }
    const before = sentenceBefore(text, cueStart);
    const proposed = proposeKind({ words: w, cue, before });
    const all = [a, ...cues];
    const editorKind = all.find((x) => x.sourceKind)?.sourceKind;
    const editorGroup = a.sourceGroup;
    const ids = new Set<string>();
    const quoteIds: string[] = [];
    const claimIds: string[] = [];
    for (const x of all) {
      for (const c of linkedBy.get(x.id) ?? []) {
        if (ids.has(c.id)) continue;
        ids.add(c.id);
        (c.tag === 'quote' ? quoteIds : claimIds).push(c.id);
      }
    }
    units.push({
      id: a.id,
      annotationIds: all.map((x) => x.id),
      start: a.spans[0]!.start,
      end: a.spans[a.spans.length - 1]!.end,
      words: w,
      cue,
      proposed,
      ...(editorKind ? { editorKind } : {}),
      ...(editorGroup ? { editorGroup } : {}),
      kind: editorKind ?? proposed.kind,
      pronoun: isPronoun(w),
      quoteIds,
      claimIds,
    });
  }
  return units.sort((x, y) => x.start - y.start || x.end - y.end);
}
