/**
 * brat standoff lines, parsed without interpretation. Offsets are code points, as in the
 * file. https://brat.nlplab.org/standoff.html
 */
export interface BratTextBound {
  kind: 'T';
  line: number;
  id: string;
  type: string;
  fragments: { start: number; end: number }[];
  text: string;
}
export interface BratEvent {
  kind: 'E';
  line: number;
  id: string;
  trigger: { role: string; ref: string };
  args: { role: string; ref: string }[];
}
export interface BratRelation {
  kind: 'R';
  line: number;
  id: string;
  type: string;
  args: { role: string; ref: string }[];
}
export interface BratNote {
  kind: '#';
  line: number;
  id: string;
  type: string;
  target: string;
  text: string;
}
export interface BratOther {
  kind: 'other';
  line: number;
  raw: string;
}
export type BratLine = BratTextBound | BratEvent | BratRelation | BratNote | BratOther;

export type LineResult = { ok: true; value: BratLine | null } | { ok: false; message: string };

const ARG = /^([^\s:]+):(\S+)$/;

function args(parts: string[]): { role: string; ref: string }[] | null {
  const out: { role: string; ref: string }[] = [];
  for (const p of parts) {
    const m = ARG.exec(p);
    if (!m) return null;
    out.push({ role: m[1]!, ref: m[2]! });
  }
  return out;
}

/** One line of a .ann file (1-based `line` for messages); null for blank lines. */
export function parseBratLine(raw: string, line: number): LineResult {
  if (raw.trim() === '') return { ok: true, value: null };
  const tab = raw.split('\t');
  const id = tab[0]!;
  switch (id[0]) {
    case 'T': {
      // Named by its id whenever there is one, so "line 12: T7: …" finds it in any editor.
      const tid = /^T\d+/.exec(id)?.[0];
      const named = (m: string) => ({ ok: false as const, message: tid ? `${tid}: ${m}` : m });
      if (tab.length < 2 && tid) return named('no tab after the id (brat separates the id, "<type> <start> <end>" and the text with tabs)');
      if (!/^T\d+$/.test(id) || tab.length < 2) return named('expected "T<n>\\t<type> <start> <end>[;<start> <end>…]\\t<text>"');
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(tab[1]!);
      if (!m) return named(`bad type and offsets "${tab[1]!.slice(0, 80)}" (expected "<type> <start> <end>[;<start> <end>…]")`);
      const fragments = m[2]!.split(';').map((f) => {
        const [a, b] = f.split(' ').map(Number);
        return { start: a!, end: b! };
      });
      if (fragments.some((f) => !Number.isSafeInteger(f.start) || !Number.isSafeInteger(f.end))) return named('offset is too large');
      if (tab.length < 3) return named('no tab before the span text');
      return { ok: true, value: { kind: 'T', line, id, type: m[1]!, fragments, text: tab.slice(2).join('\t') } };
    }
    case 'E': {
      if (!/^E\d+$/.test(id) || tab.length < 2) return { ok: false, message: 'expected "E<n>\\t<type>:<trigger> <role>:<id>…"' };
      const parsed = args(tab[1]!.trim().split(/ +/));
      if (!parsed || parsed.length === 0) return { ok: false, message: `bad event arguments "${tab[1]!.slice(0, 80)}" (expected <role>:<id> pairs)` };
      return { ok: true, value: { kind: 'E', line, id, trigger: parsed[0]!, args: parsed.slice(1) } };
    }
    case 'R': {
      if (!/^R\d+$/.test(id) || tab.length < 2) return { ok: false, message: 'expected "R<n>\\t<type> Arg1:<id> Arg2:<id>"' };
      const [type, ...rest] = tab[1]!.trim().split(/ +/);
      const parsed = args(rest);
      if (!type || !parsed || parsed.length !== 2) return { ok: false, message: `bad relation "${tab[1]!.slice(0, 80)}" (expected <type> Arg1:<id> Arg2:<id>)` };
      return { ok: true, value: { kind: 'R', line, id, type, args: parsed } };
    }
    case '#': {
      const m = /^(\S+) (\S+)$/.exec(tab[1] ?? '');
      if (!m) return { ok: false, message: 'expected "#<n>\\tAnnotatorNotes <id>\\t<text>"' };
      return { ok: true, value: { kind: '#', line, id, type: m[1]!, target: m[2]!, text: tab.slice(2).join('\t') } };
    }
    case 'A':
    case 'M':
    case 'N':
    case '*':
      return { ok: true, value: { kind: 'other', line, raw } };
    default:
      return { ok: false, message: `not a brat annotation line (starts with ${JSON.stringify(raw.slice(0, 20))})` };
  }
}
