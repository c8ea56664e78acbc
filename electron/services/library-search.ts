import type { ArticleSummary, SearchMatch } from '../../shared/ipc/contract';
import { fold, queryTerms } from '../../shared/text/fold';

/** Text kept around a search hit in the text, on each side. */
const SNIPPET_BEFORE = 50;
const SNIPPET_AFTER = 80;

/**
 * The library's search: every article's text, as written and folded (same length, same
 * offsets), kept in memory from startup on, so a search reads no files. Titles are folded
 * on demand and cached until they change.
 */
export class SearchIndex {
  private readonly texts = new Map<string, { text: string; folded: string }>();
  private readonly titles = new Map<string, { title: string; folded: string }>();

  set(id: string, text: string): void {
    this.texts.set(id, { text, folded: fold(text) });
  }

  delete(id: string): void {
    this.texts.delete(id);
    this.titles.delete(id);
  }

  private foldedTitle(id: string, title: string): string {
    const cached = this.titles.get(id);
    if (cached?.title === title) return cached.folded;
    const folded = fold(title);
    this.titles.set(id, { title, folded });
    return folded;
  }

  /**
   * The articles where every term of the query is found in the title or the text: case,
   * accents, curly quotes and line breaks do not matter. A hit in the text comes with the
   * words around it.
   */
  search(query: string, articles: Iterable<ArticleSummary>): SearchMatch[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const matches: SearchMatch[] = [];
    for (const { id, title } of articles) {
      const foldedTitle = this.foldedTitle(id, title);
      const entry = this.texts.get(id);
      let hit = -1;
      let hitLength = 0;
      let found = true;
      for (const term of terms) {
        if (foldedTitle.includes(term)) continue;
        const at = entry ? entry.folded.indexOf(term) : -1;
        if (at === -1) {
          found = false;
          break;
        }
        if (hit === -1) [hit, hitLength] = [at, term.length];
      }
      if (!found) continue;
      if (hit === -1 || !entry) matches.push({ id, in: 'title' });
      else matches.push({ id, in: 'text', snippet: snippetAt(entry.text, hit, hitLength) });
    }
    return matches;
  }
}

/** About 130 characters around a hit, cut at spaces, on one line. */
export function snippetAt(text: string, at: number, length: number): { before: string; match: string; after: string } {
  let start = Math.max(0, at - SNIPPET_BEFORE);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < at) start = space + 1;
  }
  let end = Math.min(text.length, at + length + SNIPPET_AFTER);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > at + length) end = space;
  }
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: `${start > 0 ? '…' : ''}${flat(text.slice(start, at)).trimStart()}`,
    match: flat(text.slice(at, at + length)),
    after: `${flat(text.slice(at + length, end)).trimEnd()}${end < text.length ? '…' : ''}`,
  };
}
