import { z } from 'zod';

/**
 * What kind of source an attribution names. Newsmark proposes one (shared/sources/classify.ts);
 * the editor's choice is stored on the attribution as `sourceKind` and always wins.
 */
export const SOURCE_KINDS = ['person', 'organisation', 'media', 'document', 'anonymous', 'passive', 'unknown'] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  media: 'News media',
  document: 'Document or statement',
  anonymous: 'Anonymous',
  passive: 'Passive or unattributed',
  unknown: 'Unknown',
};

/** Plural words for the summary line ("6 people, 2 organisations"). */
export const SOURCE_KIND_PLURALS: Record<SourceKind, [string, string]> = {
  person: ['person', 'people'],
  organisation: ['organisation', 'organisations'],
  media: ['media', 'media'],
  document: ['document', 'documents'],
  anonymous: ['anonymous', 'anonymous'],
  passive: ['passive', 'passive'],
  unknown: ['unknown', 'unknown'],
};

/** A group key an editor set by merging or splitting sources (free text, bounded). */
export const SourceGroup = z.string().min(1).max(200);
