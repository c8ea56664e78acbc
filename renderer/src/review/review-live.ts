import type { MutableRefObject } from 'react';
import type { Span } from '../../../shared/model/types';
import type { ReviewLayout } from '../../../shared/review/review-state';
import type { CurationModel } from './CurationPanel';

export type ReviewTab = 'review' | 'agreement' | 'curation';

/**
 * What review mode's handlers read as it is now, without waiting for a render: the tab and
 * layout shown, the current pair, curation's model, its k and the chosen group.
 */
export interface ReviewLive {
  tab: ReviewTab;
  layout: ReviewLayout;
  /** The current pair's id (saved with the review, so a reopen resumes there). */
  cursor: string | null;
  curation: CurationModel;
  k: number;
  groupSpans: Span[] | null;
}

export type LiveRef = MutableRefObject<ReviewLive>;
