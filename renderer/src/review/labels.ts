import type { Annotation } from '../../../shared/model/types';
import { TAG_LABELS } from '../../../shared/model/types';
import type { DecisionKind } from '../../../shared/review/decisions';
import type { PairCategory } from '../../../shared/review/pair';
import { excerpt } from '../article/Sidebar';

export const CATEGORY_LABELS: Record<PairCategory, string> = {
  agree: 'Agree',
  'tag-conflict': 'Tag conflict',
  'boundary-conflict': 'Boundary conflict',
  'only-mine': 'Only mine',
  'only-theirs': 'Only theirs',
};

export const DECISION_LABELS: Record<DecisionKind, string> = {
  accept: 'Accepted',
  reject: 'Rejected',
  merge: 'Merged',
  edit: 'Edited',
};

/** "Quote: “immediately leave Venezuela…”" */
export function describe(text: string, a: Annotation | undefined): string {
  return a ? `${TAG_LABELS[a.tag]}: ${excerpt(text, a)}` : '—';
}

export const fixed = (x: number): string => x.toFixed(3);
