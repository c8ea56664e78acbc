/** How a sentence changed between two versions of an article. */
export type ChangeKind = 'added' | 'removed' | 'reworded';

export interface Range {
  start: number;
  end: number;
}

/** A piece of a reworded sentence, word by word: kept, added or removed. */
export interface WordPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** The words a reworded sentence has inside quotation marks, before and after. */
export interface QuoteChange {
  before: string;
  after: string;
}

export interface SentenceChange {
  /** Position in document order, 0-based (stable id within one diff). */
  index: number;
  kind: ChangeKind;
  /** Where it was in the old text (removed, reworded), UTF-16. */
  old?: Range;
  /** Where it is in the new text (added, reworded), UTF-16. */
  new?: Range;
  /** Where a removed sentence would stand in the new text (its marker); else new.start. */
  at: number;
  oldText?: string;
  newText?: string;
  /** Reworded: the sentence word by word. */
  parts?: WordPart[];
  /** Reworded and the words inside quotation marks changed. */
  quote?: QuoteChange;
  /** Ids of the annotations whose words this change touches (old spans on the old text, new placements on the new). */
  annotations: string[];
}

export interface VersionDiff {
  /** Every change in document order. */
  changes: SentenceChange[];
  counts: { added: number; removed: number; reworded: number; quotes: number; touching: number };
  /** Sentences of the new text equal to one of the old (for telling a new version from a different article). */
  sameSentences: number;
  oldSentences: number;
  newSentences: number;
}
