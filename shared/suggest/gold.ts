/**
 * PolNeAR's brat files as the model and the scorer see them: spans per role (Source, Cue,
 * Content) and attributions from the E lines. Offsets are turned from code points into
 * UTF-16 so they compare with the model's proposals.
 */
import type { Span } from '../model/types';
import { CodePointMap } from '../text/code-points';

export type Role = 'source' | 'cue' | 'content';
export const ROLES: readonly Role[] = ['source', 'cue', 'content'];

export interface Attribution {
  content: Span[];
  cue: Span[];
  /** Absent for Attribution-no-source (and an E line without a Source argument). */
  source?: Span[];
}

export interface Annotated {
  /** Every fragment of every T line of that role, in file order. */
  spans: Record<Role, Span[][]>;
  attributions: Attribution[];
}

const TYPES: Record<string, Role> = { Source: 'source', Cue: 'cue', Content: 'content' };

/** Lenient: lines it does not understand are skipped (the corpus is the corpus). */
export function readPolnear(text: string, ann: string): Annotated {
  const map = new CodePointMap(text);
  const toUtf16 = (cp: number) => map.toUtf16(Math.min(Math.max(cp, 0), map.codePointLength));
  const spans: Record<Role, Span[][]> = { source: [], cue: [], content: [] };
  const byId = new Map<string, Span[]>();
  const events: string[][] = [];
  for (const line of ann.split(/\r?\n/)) {
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (id.startsWith('T') && cols[1]) {
      const sp = cols[1].indexOf(' ');
      const type = cols[1].slice(0, sp);
      const frags: Span[] = [];
      for (const part of cols[1].slice(sp + 1).split(';')) {
        const [a, b] = part.trim().split(/\s+/).map(Number);
        if (Number.isInteger(a) && Number.isInteger(b) && b! > a!) frags.push({ start: toUtf16(a!), end: toUtf16(b!) });
      }
      byId.set(id, frags);
      const role = TYPES[type];
      if (role && frags.length) spans[role].push(frags);
    } else if (id.startsWith('E') && cols[1]) {
      events.push(cols[1].trim().split(/\s+/));
    }
  }
  const attributions = events.map((args) => {
    const a: Attribution = { content: [], cue: [] };
    for (const arg of args) {
      const [name, ref] = arg.split(':');
      const frags = byId.get(ref ?? '') ?? [];
      if (!name) continue;
      if (name.startsWith('Content')) a.content.push(...frags);
      else if (name.startsWith('Cue')) a.cue.push(...frags);
      else if (name.startsWith('Source')) (a.source ??= []).push(...frags);
    }
    return a;
  });
  return { spans, attributions };
}
