import { onAppCommand } from '../common/commands';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary, SearchMatch } from '../../../shared/ipc/contract';
import { api, errorMessage } from '../api';
import { plural } from '../common/format';
import { FILTER_MARK, FILTERED_MARK, LIBRARY_SHOWN_MARK, mark, markAfterPaint } from '../common/timing';
import { ArticleRows, type DeskMarks, type RowActions } from './ArticleRows';
import './library.css';

export type SortKey = 'opened' | 'updated' | 'title';
export type Section = 'library' | 'trash';
export interface LibraryState {
  section: Section;
  query: string;
  sort: SortKey;
}

export const SORT_LABELS: Record<SortKey, string> = { opened: 'Last opened', updated: 'Last updated', title: 'Title' };
const SORT_STORAGE_KEY = 'newsmark.librarySort';

/** Where the library starts: all articles, no search, the sort chosen last time. */
export function initialLibraryState(): LibraryState {
  return { section: 'library', query: '', sort: savedSort() };
}

function savedSort(): SortKey {
  try {
    const value = localStorage.getItem(SORT_STORAGE_KEY);
    return value === 'updated' || value === 'title' || value === 'opened' ? value : 'opened';
  } catch {
    return 'opened';
  }
}

function rememberSort(sort: SortKey): void {
  try {
    localStorage.setItem(SORT_STORAGE_KEY, sort);
  } catch {
    // a view preference: nothing is lost without it
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortArticles(articles: readonly ArticleSummary[], sort: SortKey, section: Section): ArticleSummary[] {
  const list = [...articles];
  if (sort === 'title') return list.sort((a, b) => collator.compare(a.title, b.title) || a.id.localeCompare(b.id));
  // ISO times compare as strings. An article never opened counts from when it was added;
  // in the trash, the most recent is the one moved there last.
  const recent = section === 'trash' ? (a: ArticleSummary) => a.trashedAt ?? a.updatedAt : (a: ArticleSummary) => a.openedAt ?? a.createdAt;
  const key = sort === 'updated' ? (a: ArticleSummary) => a.updatedAt : recent;
  return list.sort((a, b) => key(b).localeCompare(key(a)) || collator.compare(a.title, b.title));
}

/** Rows are one height (taller while searching, for the words found), so the list can be windowed. */
const ROW_HEIGHT = 66;
const ROW_HEIGHT_SEARCH = 90;

interface Props {
  /** Articles on the desk, marked in their rows. */
  desk?: DeskMarks;
  articles: readonly ArticleSummary[];
  state: LibraryState;
  onState(patch: Partial<LibraryState>): void;
  onOpen(id: string): void;
  onNew(): void;
  onOpenFiles(): void;
  onTrash(article: ArticleSummary): void;
  onRestore(article: ArticleSummary): void;
  onDeleteForever(article: ArticleSummary): void;
  onEmptyTrash(): void;
  onError(message: string): void;
}

export function LibraryView(props: Props) {
  const { articles, state, onState, onError } = props;
  // One stable object for the rows, so a row re-renders only when its article changes.
  const latest = useRef(props);
  latest.current = props;
  const actions = useMemo<RowActions>(
    () => ({
      onOpen: (id) => latest.current.onOpen(id),
      onTrash: (a) => latest.current.onTrash(a),
      onRestore: (a) => latest.current.onRestore(a),
      onDeleteForever: (a) => latest.current.onDeleteForever(a),
    }),
    [],
  );
  const { section, query, sort } = state;
  const searchRef = useRef<HTMLInputElement>(null);
  /** Search results for `query` (from main, over titles and texts); null when not searching. */
  const [results, setResults] = useState<{ query: string; matches: Map<string, SearchMatch> } | null>(null);
  const searchSeq = useRef(0);

  useEffect(() => markAfterPaint(LIBRARY_SHOWN_MARK), []);

  useEffect(() => {
    const seq = ++searchSeq.current;
    if (!query.trim()) {
      setResults(null);
      return;
    }
    api()
      .invoke('library:search', { query })
      .then(({ matches }) => {
        if (seq === searchSeq.current) setResults({ query, matches: new Map(matches.map((m) => [m.id, m])) });
      })
      .catch((error: unknown) => onError(`Search failed: ${errorMessage(error)}`));
    // `articles` too: an import or a move to the trash changes what matches.
  }, [query, articles, onError]);

  const searching = query.trim() !== '';
  const shownQuery = searching ? results?.query : '';
  useEffect(() => {
    if (shownQuery !== undefined) markAfterPaint(FILTERED_MARK, { query: shownQuery });
  }, [shownQuery]);

  // Find (Ctrl/Cmd+F, or Edit → Find) searches the library while it is shown.
  useEffect(
    () =>
      onAppCommand((command) => {
        if (command !== 'find') return false;
        searchRef.current?.focus();
        searchRef.current?.select();
        return true;
      }),
    [],
  );

  const inLibrary = useMemo(() => articles.filter((a) => !a.trashedAt), [articles]);
  const inTrash = useMemo(() => articles.filter((a) => a.trashedAt), [articles]);
  const sectionArticles = section === 'trash' ? inTrash : inLibrary;
  const sorted = useMemo(() => sortArticles(sectionArticles, sort, section), [sectionArticles, sort, section]);
  const matches = searching ? results?.matches : undefined;
  const visible = useMemo(() => (matches ? sorted.filter((a) => matches.has(a.id)) : sorted), [sorted, matches]);
  const trashAnnotations = inTrash.reduce((n, a) => n + a.counts.claim + a.counts.quote + a.counts.attribution, 0);

  const where = section === 'trash' ? ' in the trash' : '';
  const status = searching
    ? results
      ? visible.length === 0
        ? `No articles${where} match “${results.query}”`
        : `${visible.length.toLocaleString('en-US')} of ${plural(sectionArticles.length, 'article')}${where} ${visible.length === 1 ? 'matches' : 'match'} “${results.query}”`
      : 'Searching…'
    : section === 'trash'
      ? `${plural(inTrash.length, 'article')} in the trash`
      : plural(inLibrary.length, 'article');

  return (
    <main className="library" aria-label="Library">
      <div className="library-head">
        <h1>{section === 'trash' ? 'Trash' : 'Library'}</h1>
        <div className="library-actions">
          <button type="button" onClick={props.onOpenFiles} aria-keyshortcuts="Control+O Meta+O">
            Open… <kbd>Ctrl+O</kbd>
          </button>
          <button type="button" className="primary" onClick={props.onNew} aria-keyshortcuts="Control+N Meta+N">
            New article <kbd>Ctrl+N</kbd>
          </button>
        </div>
      </div>
      <div className="library-controls">
        <div className="sections" role="group" aria-label="Show">
          <button type="button" aria-pressed={section === 'library'} onClick={() => onState({ section: 'library' })}>
            Articles <span className="count">{inLibrary.length.toLocaleString('en-US')}</span>
          </button>
          <button type="button" aria-pressed={section === 'trash'} onClick={() => onState({ section: 'trash' })}>
            Trash <span className="count">{inTrash.length.toLocaleString('en-US')}</span>
          </button>
        </div>
        <input
          ref={searchRef}
          type="search"
          className="library-search"
          aria-label={section === 'trash' ? 'Search the trash' : 'Search articles'}
          aria-keyshortcuts="Control+F Meta+F"
          placeholder="Search titles and text (Ctrl+F)"
          value={query}
          onChange={(e) => {
            mark(FILTER_MARK, { query: e.target.value });
            onState({ query: e.target.value });
          }}
        />
        <label className="sort">
          Sort by{' '}
          <select
            value={sort}
            onChange={(e) => {
              const next = e.target.value as SortKey;
              rememberSort(next);
              onState({ sort: next });
            }}
          >
            {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {section === 'trash' && k === 'opened' ? 'Last moved to the trash' : SORT_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {section === 'trash' && (
          <button type="button" className="danger-quiet" disabled={inTrash.length === 0} onClick={props.onEmptyTrash}>
            Empty trash…
          </button>
        )}
      </div>
      <p className="library-status" role="status">
        {status}
        {section === 'trash' && inTrash.length > 0 && !searching && ` (${plural(trashAnnotations, 'annotation')}). Articles stay here until you empty the trash.`}
      </p>
      {sectionArticles.length === 0 ? (
        <p className="empty-hint">
          {section === 'trash'
            ? 'The trash is empty.'
            : 'No articles yet. Drop .txt, .md, .html or .json files on the window, open them with “Open…”, or paste one with “New article”.'}
        </p>
      ) : (
        <ArticleRows
          // A new list (section or search) starts at the top.
          key={`${section}:${results?.query ?? ''}`}
          articles={visible}
          rowHeight={searching ? ROW_HEIGHT_SEARCH : ROW_HEIGHT}
          matches={matches}
          trash={section === 'trash'}
          actions={actions}
          {...(props.desk ? { desk: props.desk } : {})}
        />
      )}
    </main>
  );
}
