import type { ArticleSummary } from '../../../shared/ipc/contract';

function when(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function LibraryView(props: {
  articles: readonly ArticleSummary[];
  onOpen(id: string): void;
  onNew(): void;
  onDelete(article: ArticleSummary): void;
}) {
  const articles = [...props.articles].sort((a, b) => (b.openedAt ?? b.updatedAt).localeCompare(a.openedAt ?? a.updatedAt));
  return (
    <main className="library" aria-label="Library">
      <div className="library-head">
        <h1>Library</h1>
        <button type="button" className="primary" onClick={props.onNew}>
          New article <kbd>Ctrl+N</kbd>
        </button>
      </div>
      {articles.length === 0 ? (
        <p className="empty-hint">No articles yet. Create one with “New article”.</p>
      ) : (
        <ul className="article-list">
          {articles.map((a) => (
            <li key={a.id} className="article-row" data-article-id={a.id}>
              <button type="button" className="article-open" onClick={() => props.onOpen(a.id)}>
                <span className="article-title">{a.title}</span>
                <span className="article-sub">
                  {[a.source.outlet, a.source.published?.replace('T', ' '), `updated ${when(a.updatedAt)}`].filter(Boolean).join(' · ')}
                </span>
              </button>
              <span className="row-counts" aria-label={`${a.counts.claim} claims, ${a.counts.quote} quotes, ${a.counts.attribution} attributions`}>
                <span className="badge badge-claim">Claim {a.counts.claim}</span>
                <span className="badge badge-quote">Quote {a.counts.quote}</span>
                <span className="badge badge-attribution">Attribution {a.counts.attribution}</span>
              </span>
              <button type="button" className="danger-quiet" aria-label={`Delete “${a.title}”`} onClick={() => props.onDelete(a)}>
                Delete…
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
