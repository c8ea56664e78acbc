import { TAGS, type Annotation, type Tag } from '../model/types';
import { Coverage } from './intervals';
import { cohenKappa, fleissKappa } from './kappa';
import { pairAnnotations, type PairCategory, type Pairing, PAIR_CATEGORIES } from './pair';
import { LABELS, labelsFrom, tagCoverages, tokenize, type Tokens } from './tokens';

/**
 * Precision and recall read "theirs" against "mine" as the reference: precision = share of
 * their items that match mine, recall = share of mine that match theirs. Swapping the two
 * files swaps P and R and leaves F1 alone.
 *
 * A number is null when there is nothing to compare (neither side has any item): shown as
 * "—", written as null in JSON, and never counted as agreement.
 */
export type Score = number | null;

/** Three decimals, or "—" when there was nothing to compare; the app and `newsmark agree` print the same. */
export function formatScore(x: Score): string {
  return x === null ? '—' : x.toFixed(3);
}

export interface Prf {
  precision: Score;
  recall: Score;
  f1: Score;
}

export interface TagAgreement {
  mine: number;
  theirs: number;
  /** Same spans and same tag, one-to-one. */
  exact: Prf;
  /** An annotation counts when it overlaps at least one of the other side with the same tag. */
  overlap: Prf;
  /** Cohen's kappa over tokens, tag vs not-tag (the priority rule does not apply here); null when neither side used the tag. */
  kappa: Score;
}

export interface LinkAgreement extends Prf {
  mine: number;
  theirs: number;
  matched: number;
}

export interface Agreement {
  tokens: number;
  counts: Record<PairCategory, number>;
  /** Micro-averaged over tags (a tag neither used adds nothing); kappa is over the four token labels (none + three tags). */
  overall: { exact: Prf; overlap: Prf; kappa: Score };
  perTag: Record<Tag, TagAgreement>;
  links: LinkAgreement;
}

/**
 * P, R, F1 from matched counts on each side; F1 = 2PR / (P + R), 0 when both are 0. Nothing
 * on either side is no comparison at all: null, not a perfect 1. One empty side scores 0.
 */
export function prf(theirMatched: number, theirTotal: number, myMatched: number, myTotal: number): Prf {
  if (theirTotal === 0 && myTotal === 0) return { precision: null, recall: null, f1: null };
  const precision = theirTotal === 0 ? 0 : theirMatched / theirTotal;
  const recall = myTotal === 0 ? 0 : myMatched / myTotal;
  const f1 = precision + recall === 0 ? 0 : precision === recall ? precision : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Annotations of `list` with `tag` that overlap any annotation of `other` with that tag. */
function countOverlapping(list: readonly Annotation[], other: readonly Annotation[], tag: Tag): number {
  const coverage = new Coverage(other.filter((a) => a.tag === tag).flatMap((a) => a.spans));
  let n = 0;
  for (const a of list) if (a.tag === tag && a.spans.some((s) => coverage.overlaps(s))) n++;
  return n;
}

/**
 * Link agreement: my link q → a matches their link q' → a' when q is paired with q' and a
 * with a' (in any category but only-*). The pairing is one-to-one, so the number of
 * matches is the same read from either side.
 */
export function linkAgreement(mine: readonly Annotation[], theirs: readonly Annotation[], pairing: Pairing): LinkAgreement {
  const theirLinks = new Map<string, Set<string>>();
  let theirCount = 0;
  for (const t of theirs) {
    const targets = new Set(t.links);
    theirLinks.set(t.id, targets);
    theirCount += targets.size;
  }
  let myCount = 0;
  let matched = 0;
  for (const m of mine) {
    const partner = pairing.byMine.get(m.id)?.theirs;
    for (const target of new Set(m.links)) {
      myCount++;
      const targetPartner = pairing.byMine.get(target)?.theirs;
      if (partner && targetPartner && theirLinks.get(partner.id)?.has(targetPartner.id)) matched++;
    }
  }
  return { mine: myCount, theirs: theirCount, matched, ...prf(matched, theirCount, matched, myCount) };
}

export interface AgreementOptions {
  /** Reuse a tokenization when comparing many files on one text. */
  tokens?: Tokens;
  /** Reuse a pairing already made for review. */
  pairing?: Pairing;
}

/** Every agreement number between my annotations and theirs on one article text. */
export function agreement(
  text: string,
  mine: readonly Annotation[],
  theirs: readonly Annotation[],
  options: AgreementOptions = {},
): Agreement {
  const tokens = options.tokens ?? tokenize(text);
  const pairing = options.pairing ?? pairAnnotations(mine, theirs);
  const counts = Object.fromEntries(PAIR_CATEGORIES.map((c) => [c, 0])) as Record<PairCategory, number>;
  const agreeByTag: Record<Tag, number> = { claim: 0, quote: 0, attribution: 0 };
  for (const p of pairing.pairs) {
    counts[p.category]++;
    if (p.category === 'agree') agreeByTag[p.mine!.tag]++;
  }

  const myCoverage = tagCoverages(tokens, mine);
  const theirCoverage = tagCoverages(tokens, theirs);
  const perTag = {} as Record<Tag, TagAgreement>;
  const totals = { mine: 0, theirs: 0, exact: 0, myOverlap: 0, theirOverlap: 0 };
  for (const tag of TAGS) {
    const myN = mine.filter((a) => a.tag === tag).length;
    const theirN = theirs.filter((a) => a.tag === tag).length;
    const myOverlap = countOverlapping(mine, theirs, tag);
    const theirOverlap = countOverlapping(theirs, mine, tag);
    perTag[tag] = {
      mine: myN,
      theirs: theirN,
      exact: prf(agreeByTag[tag], theirN, agreeByTag[tag], myN),
      overlap: prf(theirOverlap, theirN, myOverlap, myN),
      kappa: myN + theirN === 0 ? null : cohenKappa(myCoverage[tag], theirCoverage[tag], 2),
    };
    totals.mine += myN;
    totals.theirs += theirN;
    totals.exact += agreeByTag[tag];
    totals.myOverlap += myOverlap;
    totals.theirOverlap += theirOverlap;
  }

  return {
    tokens: tokens.count,
    counts,
    overall: {
      exact: prf(totals.exact, totals.theirs, totals.exact, totals.mine),
      overlap: prf(totals.theirOverlap, totals.theirs, totals.myOverlap, totals.mine),
      kappa: mine.length + theirs.length === 0 ? null : cohenKappa(labelsFrom(myCoverage), labelsFrom(theirCoverage), LABELS.length),
    },
    perTag,
    links: linkAgreement(mine, theirs, pairing),
  };
}

export interface MultiAgreement {
  tokens: number;
  annotators: number;
  /** Fleiss' kappa over the four token labels; null when nobody tagged anything. */
  kappa: Score;
  /** Fleiss' kappa per tag, tag vs not-tag; null for a tag nobody used. */
  perTag: Record<Tag, Score>;
}

/** Fleiss' kappa over tokens for two or more annotators of the same text. */
export function multiAgreement(text: string, annotators: readonly (readonly Annotation[])[], tokens = tokenize(text)): MultiAgreement {
  const coverages = annotators.map((a) => tagCoverages(tokens, a));
  const perTag = {} as Record<Tag, Score>;
  for (const tag of TAGS) perTag[tag] = annotators.some((list) => list.some((a) => a.tag === tag)) ? fleissKappa(coverages.map((c) => c[tag]), 2) : null;
  const kappa = annotators.some((list) => list.length > 0) ? fleissKappa(coverages.map(labelsFrom), LABELS.length) : null;
  return { tokens: tokens.count, annotators: annotators.length, kappa, perTag };
}
