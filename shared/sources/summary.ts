import { SOURCE_KINDS, SOURCE_KIND_PLURALS, type SourceKind } from '../model/source-kind';
import type { Annotation } from '../model/types';
import type { SourceUnit } from './units';

export type KindCounts = Record<SourceKind, number>;

export function emptyKindCounts(): KindCounts {
  return { person: 0, organisation: 0, media: 0, document: 0, anonymous: 0, passive: 0, unknown: 0 };
}

export interface SourcesSummary {
  attributions: number;
  byKind: KindCounts;
  /** Quotes and claims linked to at least one attribution. */
  attributed: number;
  /** Of those, the ones whose every attribution is anonymous or passive. */
  weaklySourced: string[];
  /** weaklySourced / attributed (0 when nothing is attributed). */
  weakShare: number;
  /** Quotes and claims with no attribution at all. */
  unsourcedQuotes: string[];
  unsourcedClaims: string[];
}

const WEAK: ReadonlySet<SourceKind> = new Set(['anonymous', 'passive']);

export function summarise(annotations: readonly Annotation[], units: readonly SourceUnit[]): SourcesSummary {
  const byKind = emptyKindCounts();
  for (const u of units) byKind[u.kind]++;
  const kindsOf = new Map<string, SourceKind[]>(); // content id → kinds of the attributions it rests on
  for (const u of units) for (const id of [...u.quoteIds, ...u.claimIds]) kindsOf.set(id, [...(kindsOf.get(id) ?? []), u.kind]);
  const weaklySourced: string[] = [];
  const unsourcedQuotes: string[] = [];
  const unsourcedClaims: string[] = [];
  let attributed = 0;
  for (const a of annotations) {
    if (a.tag === 'attribution') continue;
    const kinds = kindsOf.get(a.id);
    if (!kinds) (a.tag === 'quote' ? unsourcedQuotes : unsourcedClaims).push(a.id);
    else {
      attributed++;
      if (kinds.every((k) => WEAK.has(k))) weaklySourced.push(a.id);
    }
  }
  return {
    attributions: units.length,
    byKind,
    attributed,
    weaklySourced,
    weakShare: attributed ? weaklySourced.length / attributed : 0,
    unsourcedQuotes,
    unsourcedClaims,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "23 attributions: 6 people, 2 organisations, 7 media, 2 anonymous, 6 passive" */
export function kindsLine(s: Pick<SourcesSummary, 'attributions' | 'byKind'>): string {
  if (s.attributions === 0) return 'No attributions';
  const parts = SOURCE_KINDS.filter((k) => s.byKind[k] > 0).map((k) => plural(s.byKind[k], ...SOURCE_KIND_PLURALS[k]));
  return `${plural(s.attributions, 'attribution', 'attributions')}: ${parts.join(', ')}`;
}

/** "3 of 12 attributed quotes and claims (25%) rest only on anonymous or passive sources" */
export function weakLine(s: SourcesSummary): string {
  if (s.attributed === 0) return 'No quote or claim is attributed';
  return `${s.weaklySourced.length} of ${s.attributed} attributed quotes and claims (${Math.round(s.weakShare * 100)}%) rest only on anonymous or passive sources`;
}

/** "2 claims and 1 quote with no source" */
export function unsourcedLine(s: SourcesSummary): string {
  const c = s.unsourcedClaims.length;
  const q = s.unsourcedQuotes.length;
  if (c === 0 && q === 0) return 'Every quote and claim has a source';
  const parts = [c ? plural(c, 'claim', 'claims') : '', q ? plural(q, 'quote', 'quotes') : ''].filter(Boolean);
  return `${parts.join(' and ')} with no source`;
}
