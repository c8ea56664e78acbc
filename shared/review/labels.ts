import type { DecisionKind } from './decisions';
import type { PairCategory } from './pair';

/** How a pair's category is written for people: the summary bar, pair list, announcements. */
export const CATEGORY_LABELS: Record<PairCategory, string> = {
  agree: 'Agree',
  'tag-conflict': 'Tag conflict',
  'boundary-conflict': 'Boundary conflict',
  'only-mine': 'Only mine',
  'only-theirs': 'Only theirs',
};

/** A decision, as it is announced and listed once taken. */
export const DECISION_LABELS: Record<DecisionKind, string> = {
  accept: 'Accepted',
  reject: 'Rejected',
  merge: 'Merged',
  edit: 'Edited',
};
