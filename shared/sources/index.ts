/** Who a story rests on: attributions as sources, their kinds, groups and summary. */
export { proposeKind, isPassiveCue, type KindInput, type KindProposal } from './classify';
export { sourceUnits, splitCue, isCue, annotationText, type SourceUnit } from './units';
export { groupSources, unitLabel, nameTokens, normalWords, mergeTarget, splitKey, type SourceGroup } from './group';
export { summarise, kindsLine, weakLine, unsourcedLine, emptyKindCounts, type KindCounts, type SourcesSummary } from './summary';

import type { Annotation } from '../model/types';
import { groupSources, type SourceGroup } from './group';
import { summarise, type SourcesSummary } from './summary';
import { sourceUnits, type SourceUnit } from './units';

export interface ArticleSources {
  units: SourceUnit[];
  groups: SourceGroup[];
  summary: SourcesSummary;
}

/** Everything the Sources panel and `newsmark sources` show for one article. */
export function articleSources(text: string, annotations: readonly Annotation[]): ArticleSources {
  const units = sourceUnits(text, annotations);
  return { units, groups: groupSources(units), summary: summarise(annotations, units) };
}
