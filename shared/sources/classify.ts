import type { SourceKind } from '../model/source-kind';
import {
  ANONYMOUS_NOUNS, COLLECTIVES, DOCUMENT_NOUNS, JOURNALIST_NOUNS, MASTHEAD_WORDS, HEARSAY_ADVERBS, IRREGULAR_PARTICIPLES, MEDIA_NOUNS, ORGANISATION_NOUNS, ORGANISATIONS,
  OTHER_PRONOUNS, OUTLETS, PERSON_NOUNS, PERSON_PRONOUNS, STATES,
} from './lexicon';

/** What the rules read: the source's own words, its cue, and the text just before the cue. */
export interface KindInput {
  /** The words naming the source ("A source close to the discussions"); empty when there are none. */
  words: string;
  /** The cue ("told", "was reported", "According to"); may be empty. */
  cue: string;
  /** The sentence up to the cue, so "It was" before a bare "reported" is seen. */
  before?: string;
}

export interface KindProposal {
  kind: SourceKind;
  /** Which rule decided, in words, for the panel's tooltip and for the tests. */
  rule: string;
}

const set = (xs: readonly string[]) => new Set(xs);
const ANON = set(ANONYMOUS_NOUNS);
const DOCS = set(DOCUMENT_NOUNS);
const MEDIA = set(MEDIA_NOUNS);
const ORG = set(ORGANISATION_NOUNS);
const PERSON = set(PERSON_NOUNS);
const PERSON_PRON = set(PERSON_PRONOUNS);
const OTHER_PRON = set(OTHER_PRONOUNS);
const PARTICIPLES = set(IRREGULAR_PARTICIPLES);
const HEARSAY = set(HEARSAY_ADVERBS);
const COLLECTIVE = set(COLLECTIVES);
const MASTHEAD = set(MASTHEAD_WORDS);
const JOURNALISTS = set(JOURNALIST_NOUNS);

/** Words, keeping inner dots and hyphens ("U.S.", "e-mail"), dropping quotes and punctuation around them. */
export function words(s: string): string[] {
  return s
    .replace(/[’‘]/g, "'")
    .split(/[\s,;:()[\]{}"“”—–]+/)
    .map((w) => (/^(\p{Lu}\.)+$/u.test(w) ? w : w.replace(/^'+/, '').replace(/[.!?']+$/, '')))
    .filter((w) => w !== '' && w !== '-');
}

const lower = (w: string) => w.toLowerCase();
const stripPossessive = (w: string) => w.replace(/'s?$/i, '');
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const isAcronym = (w: string) => /^(\p{Lu}\.?){2,}$/u.test(w) && w.replace(/\./g, '').length <= 6;

function containsPhrase(tokens: readonly string[], list: readonly string[]): string | undefined {
  const joined = ` ${tokens.map(lower).map(stripPossessive).join(' ')} `;
  return list.find((p) => joined.includes(` ${p} `));
}

/** A phrase of `list` that ends at the last token: the head itself is the named thing. */
function endsWithPhrase(tokens: readonly string[], list: readonly string[]): string | undefined {
  const joined = ` ${tokens.map(lower).map(stripPossessive).join(' ')}`;
  return list.find((p) => joined.endsWith(` ${p}`));
}

/** Passive voice or hearsay in the cue: "was reported", "it was insisted", "reportedly". */
export function isPassiveCue(cue: string, before = ''): boolean {
  const ws = words(`${before.split(/\s+/).slice(-3).join(' ')} ${cue}`).map(lower);
  if (ws.some((w) => HEARSAY.has(w))) return true;
  // impersonal: "it is apparent that", "it seems clear"
  if (/\b(is|was|are|were|seems|seemed|appears|appeared|became|becomes)\s+(now\s+)?(apparent|clear|evident|obvious|likely|unclear|possible)\b/i.test(cue)) return true;
  for (let i = 0; i + 1 < ws.length; i++) {
    if (!/^(is|are|was|were|be|been|being)$/.test(ws[i]!)) continue;
    let j = i + 1;
    if (j < ws.length && /ly$/.test(ws[j]!)) j++; // "was widely reported"
    const v = ws[j];
    if (v && (/(ed|en|wn)$/.test(v) || PARTICIPLES.has(v)) && words(cue).map(lower).includes(v)) return true;
  }
  return false;
}

/** The words up to the first preposition or clause: "A source close to the talks" → "A source". */
function headPhrase(tokens: readonly string[]): { head: string[]; rest: string[] } {
  const stop = /^(of|for|at|in|from|with|close|familiar|who|whom|which|that|on|to|inside|within|near|by|about|under|among|involved|told|said|released|published|issued|conducted|obtained|written|signed|posted|filed|commissioned|prepared|sent|made|last|this|earlier)$/i;
  // a lower-case -ing word after the first opens a clause: "a union representing flight attendants"
  const i = tokens.findIndex((t, k) => k > 0 && (stop.test(t) || /^\p{Ll}+ing$/u.test(t)));
  return i < 0 ? { head: [...tokens], rest: [] } : { head: tokens.slice(0, i), rest: tokens.slice(i) };
}

/** The agent of a passive cue: "was reported by the Times" → "the Times". */
function agentOf(cue: string): string {
  const m = /\bby\s+(.+)$/i.exec(cue);
  return m ? m[1]! : '';
}

/**
 * Propose the kind of one attribution. The rules go from the most certain to the least:
 * passive voice, pronouns, outlets, documents, unnamed people, organisations, names. What
 * none of them recognise is "unknown".
 */
export function proposeKind(input: KindInput): KindProposal {
  let tokens = words(input.words);
  if (tokens.length >= 2 && lower(tokens[0]!) === 'according' && lower(tokens[1]!) === 'to') tokens = tokens.slice(2);
  const agent = agentOf(input.cue);
  const empty = tokens.length === 0 || (tokens.length === 1 && /^(it|there)$/i.test(tokens[0]!));
  if (empty && agent) return proposeKind({ words: agent, cue: '' });
  if (empty && isPassiveCue(input.cue, input.before)) return { kind: 'passive', rule: 'passive voice, no one named' };
  if (empty && words(input.cue).some((w) => HEARSAY.has(lower(w)))) return { kind: 'passive', rule: 'hearsay adverb' };
  if (tokens.length === 0) return { kind: 'unknown', rule: 'no source words' };

  // apposition: "Brian Baker, a longtime adviser …", "Quina Jones, 25," — the name before the comma
  const firstChunk = words(input.words.replace(/^\s*according to\s+/i, '').split(',')[0]!);
  if (input.words.includes(',') && firstChunk.length > 0 && firstChunk.length < tokens.length && firstChunk.every((w) => isCapitalised(w) || /^(of|the|de|van|von|al|bin|la|le|jr|sr)$/i.test(w))) {
    return proposeKind({ words: firstChunk.join(' '), cue: input.cue, before: input.before ?? '' });
  }

  let { head, rest } = headPhrase(tokens);
  // "a small group of contributors" is the contributors
  if (COLLECTIVE.has(lower(head[head.length - 1]!)) && lower(rest[0] ?? '') === 'of' && rest.length > 1) ({ head, rest } = headPhrase(rest.slice(1)));
  const h = stripPossessive(head[head.length - 1]!);
  const hl = lower(h);
  const first = lower(head[0]!);
  const indefinite = /^(a|an|another|one|some|several|many|few|two|three|four|five|multiple|numerous|other|unnamed|anonymous|senior|top|certain|most)$/.test(first);

  if (tokens.length === 1 && PERSON_PRON.has(lower(tokens[0]!))) return { kind: 'person', rule: 'personal pronoun' };
  if (tokens.length === 1 && OTHER_PRON.has(lower(tokens[0]!))) return { kind: 'unknown', rule: 'pronoun that may stand for anyone' };

  if (h.startsWith('@')) return { kind: 'person', rule: 'a social media handle' };
  // the outlet must be the head: "Washington Post columnist George Will" is a person, "a Bloomberg poll" a document
  const outlet = endsWithPhrase(head, OUTLETS);
  if (outlet) return { kind: 'media', rule: `news outlet "${outlet}"` };
  const named = head.filter((w) => isCapitalised(w));
  if (MASTHEAD.has(hl) && isCapitalised(h) && named.length >= 2) return { kind: 'media', rule: `newspaper name ("… ${h}")` };
  if (MEDIA.has(hl)) return { kind: 'media', rule: `media noun "${hl}"` };
  const mediaIn = (ws: readonly string[]) => containsPhrase(ws, OUTLETS) ?? ws.map(lower).find((w) => MEDIA.has(w));
  if (JOURNALISTS.has(hl) && (indefinite || !isCapitalised(h))) {
    const by = mediaIn([...head, ...rest]);
    if (by) return { kind: 'media', rule: `unnamed journalist of "${by}"` };
  }
  if (DOCS.has(hl)) {
    const by = mediaIn([...head.slice(0, -1), ...rest]);
    if (by && /^(report|reports|reporting|article|articles|story|stories|analysis|analyses|investigation|tally|coverage|review)$/.test(hl)) return { kind: 'media', rule: `${hl} by the media ("${by}")` };
    return { kind: 'document', rule: `document noun "${hl}"` };
  }
  if (/^spokes(man|woman|person|people)$/.test(hl)) {
    // the name would be the head ("spokesman Brian Fallon"); here there is none
    return { kind: 'organisation', rule: 'an unnamed spokesperson speaks for an organisation' };
  }
  if (ANON.has(hl)) return { kind: 'anonymous', rule: `unnamed "${hl}"` };
  // a title with no name after it: "the Republican nominee", "Former White House Doctor" (headline case)
  if (PERSON.has(hl) && (!isCapitalised(h) || head.every((w) => isCapitalised(w)))) {
    if (indefinite) return { kind: 'anonymous', rule: `indefinite "${first} … ${hl}"` };
    return { kind: 'person', rule: `one person by role ("${hl}")` };
  }
  if (ORG.has(hl) || endsWithPhrase(head, ORGANISATIONS) || isAcronym(h)) {
    return { kind: 'organisation', rule: ORG.has(hl) ? `organisation noun "${hl}"` : `organisation "${h}"` };
  }
  if (containsPhrase(head, STATES) && head.every((w) => isCapitalised(w) || /^(the)$/i.test(w))) return { kind: 'organisation', rule: 'a state by its name' };
  if (isCapitalised(h)) return { kind: 'person', rule: 'capitalised name' };
  return { kind: 'unknown', rule: 'no rule recognises these words' };
}
