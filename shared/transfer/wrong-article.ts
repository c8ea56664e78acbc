/**
 * One rule for a file made for another article, used by Import Annotations and by Review:
 * when fewer than a fifth of its annotations can be placed on the article's text, the file
 * is refused before anything changes, and the message gives the evidence — how many placed,
 * and the article's text hash beside the one the file names (when it names one).
 */
export const FEW_PLACED_SHARE = 0.2;

const shortHash = (hash: string) => hash.replace(/^sha256:/, '').slice(0, 12);

export function wrongArticleMessage(file: string, counts: { total: number; placed: number }, articleHash: string, fileHash?: string): string | undefined {
  const { total, placed } = counts;
  if (total === 0 || placed >= total * FEW_PLACED_SHARE) return undefined;
  const what = placed === 0 ? `None of the ${total} annotations` : `Only ${placed} of the ${total} annotations`;
  const evidence =
    fileHash && fileHash !== articleHash
      ? `the file was made on a text with hash ${shortHash(fileHash)}…, this article's text has hash ${shortHash(articleHash)}…`
      : `this article's text has hash ${shortHash(articleHash)}…`;
  return `${what} in ${file} could be placed on this article's text, so it looks made for another article (${evidence}). Nothing was changed; open the article it was made for, or check that the file is the right one.`;
}
