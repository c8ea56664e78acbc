import { SOURCE_KINDS, type SourceKind } from '../model/source-kind';
import { words } from './classify';
import { TITLES } from './lexicon';
import type { SourceUnit } from './units';

/** One source: the attributions that name the same person, outlet, body or document. */
export interface SourceGroup {
  key: string;
  /** The fullest way the text names it ("U.S. President Donald Trump"). */
  label: string;
  kind: SourceKind;
  /** True when the kind is the editor's, not Newsmark's proposal. */
  edited: boolean;
  units: SourceUnit[];
  cues: string[];
  quoteIds: string[];
  claimIds: string[];
  start: number;
}

const TITLE = new Set(TITLES);
const GROUPED: ReadonlySet<SourceKind> = new Set(['person', 'organisation', 'media', 'document', 'anonymous']);

/** The words of a name without titles, articles and possessives: "U.S. President Donald Trump's" → ["donald", "trump"]. */
export function nameTokens(s: string): string[] {
  const ws = words(s).map((w) => w.replace(/['’]s?$/i, ''));
  const caps = ws.filter((w) => /^\p{Lu}/u.test(w) && !TITLE.has(w.toLowerCase()));
  return caps.map((w) => w.toLowerCase());
}

/** The normal form of non-person words: no articles, "U.S." = "US", lower case. */
export function normalWords(s: string): string {
  return words(s)
    .map((w) => w.toLowerCase().replace(/['’]s?$/, '').replace(/\./g, ''))
    .filter((w) => !/^(the|a|an|according|to)$/.test(w))
    .join(' ');
}

/**
 * The automatic key of a unit, before the editor's merges: person names by their name words
 * (a lone surname joins the first full name that ends with it: news writing introduces
 * the main actor first, and the editor splits when that is wrong), other kinds by their normal
 * words. Pronouns, passive and unknown attributions are never grouped automatically: each
 * is its own source until the editor says otherwise.
 */
function autoKeys(units: readonly SourceUnit[]): Map<string, string> {
  const keys = new Map<string, string>();
  const fullBySurname = new Map<string, string>(); // surname → the first full name with it
  for (const u of units) {
    if (u.kind !== 'person' || u.pronoun) continue;
    const n = nameTokens(u.words);
    if (n.length >= 2) {
      if (!fullBySurname.has(n[n.length - 1]!)) fullBySurname.set(n[n.length - 1]!, n.join(' '));
    }
  }
  for (const u of units) {
    if (u.pronoun || !GROUPED.has(u.kind)) {
      keys.set(u.id, `own:${u.id}`);
      continue;
    }
    if (u.kind === 'person') {
      const n = nameTokens(u.words);
      if (n.length === 0) keys.set(u.id, `words:${normalWords(u.words)}`);
      else if (n.length === 1) {
        keys.set(u.id, `name:${fullBySurname.get(n[0]!) ?? n[0]}`);
      } else keys.set(u.id, `name:${n.join(' ')}`);
      continue;
    }
    const norm = normalWords(u.words);
    keys.set(u.id, norm ? `words:${norm}` : `own:${u.id}`);
  }
  return keys;
}

/** Most frequent kind; ties go to the kind of the earliest unit. */
function majorityKind(units: readonly SourceUnit[]): SourceKind {
  const counts = new Map<SourceKind, number>();
  for (const u of units) counts.set(u.kind, (counts.get(u.kind) ?? 0) + 1);
  let best = units[0]!.kind;
  for (const k of SOURCE_KINDS) if ((counts.get(k) ?? 0) > (counts.get(best) ?? 0)) best = k;
  return best;
}

/** How a unit names its source: its words, or the whole phrase when they say nothing ("It was claimed"). */
export function unitLabel(u: SourceUnit): string {
  return u.words && !/^(it|there)$/i.test(u.words.trim()) ? u.words : `${u.words} ${u.cue}`.trim();
}

/** Group units into sources, the editor's groups first, in order of first mention. */
export function groupSources(units: readonly SourceUnit[]): SourceGroup[] {
  const auto = autoKeys(units);
  const groups = new Map<string, SourceUnit[]>();
  for (const u of units) {
    const key = u.editorGroup ?? auto.get(u.id)!;
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  const out: SourceGroup[] = [];
  for (const [key, members] of groups) {
    const label = members.map(unitLabel).reduce((a, b) => (b.length > a.length ? b : a), '');
    const cues = [...new Set(members.map((u) => u.cue).filter(Boolean))];
    out.push({
      key,
      label,
      kind: majorityKind(members),
      edited: members.some((u) => u.editorKind !== undefined),
      units: members,
      cues,
      quoteIds: [...new Set(members.flatMap((u) => u.quoteIds))],
      claimIds: [...new Set(members.flatMap((u) => u.claimIds))],
      start: members[0]!.start,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The group key a merge gives: every member of `from` joins `into`. */
export function mergeTarget(into: SourceGroup): string {
  return into.key;
}

/** The key that takes one unit out of its group. */
export function splitKey(unitId: string): string {
  return `own:${unitId}`;
}
