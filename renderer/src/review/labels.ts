import type { Annotation } from '../../../shared/model/types';
import { TAG_LABELS } from '../../../shared/model/types';
import { formatScore } from '../../../shared/review/metrics';
import { excerpt } from '../article/Sidebar';

export { CATEGORY_LABELS, DECISION_LABELS } from '../../../shared/review/labels';

/** "Quote: “immediately leave Venezuela…”" */
export function describe(text: string, a: Annotation | undefined): string {
  return a ? `${TAG_LABELS[a.tag]}: ${excerpt(text, a)}` : '—';
}

/** "—" when there was nothing to compare (see formatScore). */
export const fixed = formatScore;
