import type { ArticleSource } from '../../shared/model/types';
import { textHash } from '../../shared/hash';
import type { VersionInfo } from '../../shared/versions/history';
import { carryOver } from '../../shared/versions/carry-over';
import { diffVersions } from '../../shared/versions/diff';
import type { VersionDiff } from '../../shared/versions/types';
import { judgeVersion } from '../../shared/versions/verdict';
import type { CarryOverCounts } from '../../shared/versions/carry-over';
import { canonicalText } from '../../shared/text/line-index';
import { MAX_TEXT_LENGTH } from '../../shared/model/types';
import { ServiceError } from './errors';
import type { ArticleFile } from './store-files';

/** A new text for an article, as a file gave it. */
export interface IncomingVersion {
  text: string;
  /** Where it came from (the file's name). */
  label: string;
  source?: ArticleSource;
  title?: string;
}

export type AddVersionResult =
  | { status: 'identical' }
  | { status: 'different'; sharedSentences: number; counts: CarryOverCounts }
  | { status: 'added'; number: number; counts: CarryOverCounts; changes: VersionDiff['counts'] };

/** The version number of the article's own text, and when it came in. */
export function currentOf(file: ArticleFile) {
  return file.current ?? { number: (file.versions?.length ?? 0) + 1, addedAt: file.article.createdAt, label: '', unconfirmed: [], revision: 0 };
}

/**
 * The article file with a new version of its text: the present version is frozen (text
 * and annotations as they are), the annotations are carried onto the new text, those that
 * do not place go to the Unplaced panel. Returns the file to write, or why nothing changes:
 * the same text, or (unless confirmed) a text that shares almost nothing with this one.
 */
export async function withNewVersion(file: ArticleFile, incoming: IncomingVersion, options: { now: string; confirmDifferent: boolean }): Promise<{ next?: ArticleFile; result: AddVersionResult }> {
  const text = canonicalText(incoming.text);
  if (text.trim() === '') throw new ServiceError('invalid-request', `${incoming.label}: the new version has no text.`);
  if (text.length > MAX_TEXT_LENGTH) throw new ServiceError('invalid-request', `${incoming.label}: the new version is longer than ${MAX_TEXT_LENGTH} characters.`);
  const hash = await textHash(text);
  const { article } = file;
  if (hash === article.textHash) return { result: { status: 'identical' } };
  const current = currentOf(file);
  const number = current.number + 1;
  const carried = carryOver(article.text, text, file.annotations, { now: options.now, version: number });
  const diff = diffVersions(article.text, text, { oldAnnotations: file.annotations, newAnnotations: carried.annotations });
  const verdict = judgeVersion(article.textHash, hash, diff, file.annotations.length ? carried.counts : undefined);
  if (verdict === 'different' && !options.confirmDifferent) return { result: { status: 'different', sharedSentences: diff.sameSentences, counts: carried.counts } };
  const frozen = {
    number: current.number,
    title: article.title,
    text: article.text,
    textHash: article.textHash,
    source: article.source,
    addedAt: current.addedAt,
    label: current.label,
    annotations: file.annotations,
    orphans: file.orphans ?? [],
  };
  const revision = file.revision + 1;
  const next: ArticleFile = {
    ...file,
    revision,
    article: { ...article, text, textHash: hash, ...(incoming.source ? { source: { ...article.source, ...incoming.source } } : {}), updatedAt: options.now },
    annotations: carried.annotations,
    orphans: [...(file.orphans ?? []), ...carried.orphans],
    versions: [...(file.versions ?? []), frozen],
    current: { number, addedAt: options.now, label: incoming.label, unconfirmed: carried.fuzzy, revision },
  };
  // brat's kept structure counts offsets into the old text
  delete next.brat;
  return { next, result: { status: 'added', number, counts: carried.counts, changes: diff.counts } };
}

/** The file as it was before its latest version came in; only while nothing was edited since. */
export function withoutLatestVersion(file: ArticleFile, number: number, now: string): ArticleFile {
  const current = currentOf(file);
  const previous = file.versions?.[file.versions.length - 1];
  if (!previous || current.number !== number) throw new ServiceError('conflict', `Version ${number} is not the latest version of this article.`);
  if (file.revision !== current.revision) throw new ServiceError('conflict', `The annotations of version ${number} have changed since it came in; undo those changes first.`);
  const versions = file.versions!.slice(0, -1);
  return {
    ...file,
    revision: file.revision + 1,
    article: { ...file.article, title: previous.title, text: previous.text, textHash: previous.textHash, source: previous.source, updatedAt: now },
    annotations: previous.annotations,
    orphans: previous.orphans,
    versions,
    // an earlier version's fuzzy marks were settled when the next came in
    current: { number: previous.number, addedAt: previous.addedAt, label: previous.label, unconfirmed: [], revision: file.revision + 1 },
  };
}

/** Every version of the article, oldest first, without their texts. */
export function versionList(file: ArticleFile): VersionInfo[] {
  const current = currentOf(file);
  return [
    ...(file.versions ?? []).map((v) => ({ number: v.number, textHash: v.textHash, addedAt: v.addedAt, label: v.label, length: v.text.length, annotations: v.annotations.length })),
    { number: current.number, textHash: file.article.textHash, addedAt: current.addedAt, label: current.label, length: file.article.text.length, annotations: file.annotations.length },
  ];
}

/** A version's text with its annotations as they were (the current one: as they are). */
export function versionAt(file: ArticleFile, number: number) {
  const current = currentOf(file);
  if (number === current.number) return { number, text: file.article.text, annotations: file.annotations, orphans: file.orphans ?? [] };
  const v = (file.versions ?? []).find((x) => x.number === number);
  if (!v) throw new ServiceError('not-found', `This article has no version ${number}.`);
  return { number, text: v.text, annotations: v.annotations, orphans: v.orphans };
}

/** The sentence changes from one version to another, with the annotations each touches. */
export function changesBetween(file: ArticleFile, from: number, to: number): VersionDiff {
  const a = versionAt(file, from);
  const b = versionAt(file, to);
  return diffVersions(a.text, b.text, { oldAnnotations: a.annotations, newAnnotations: b.annotations });
}
