import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { ArticleSummary, SearchMatch } from '../../../shared/ipc/contract';
import { shortPublished, when } from '../common/format';

export interface RowActions {
  onOpen(id: string): void;
  onTrash(article: ArticleSummary): void;
  onRestore(article: ArticleSummary): void;
  onDeleteForever(article: ArticleSummary): void;
}

/** Articles on the desk: shared by me, or come from it. */
export interface DeskMarks {
  shared: ReadonlySet<string>;
  fromDesk: ReadonlySet<string>;
}

/** Rows drawn beyond the visible ones, above and below, so scrolling and Tab find them ready. */
const OVERSCAN = 8;

/** The list, windowed: a library of thousands renders only the rows in view. */
export function ArticleRows(p: { articles: readonly ArticleSummary[]; rowHeight: number; matches: Map<string, SearchMatch> | undefined; trash: boolean; actions: RowActions; desk?: DeskMarks }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 900 });
  useLayoutEffect(() => {
    const el = scroller.current!;
    const update = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    el.addEventListener('scroll', update, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, []);
  const { articles, rowHeight } = p;
  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(articles.length, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const a = articles[i]!;
    rows.push(<Row key={a.id} article={a} index={i} total={articles.length} top={i * rowHeight} height={rowHeight} match={p.matches?.get(a.id)} trash={p.trash} actions={p.actions} desk={p.desk?.fromDesk.has(a.id) ? 'from' : p.desk?.shared.has(a.id) ? 'shared' : undefined} />);
  }
  return (
    <div className="article-scroller" ref={scroller}>
      <ul className="article-list" aria-label={p.trash ? 'Articles in the trash' : 'Articles'} style={{ height: articles.length * rowHeight }}>
        {rows}
      </ul>
    </div>
  );
}

const Row = memo(function Row(r: { article: ArticleSummary; index: number; total: number; top: number; height: number; match: SearchMatch | undefined; trash: boolean; actions: RowActions; desk: 'from' | 'shared' | undefined }) {
  const { article: a, actions } = r;
  const sub = [r.desk === 'from' ? 'from the desk' : r.desk === 'shared' ? 'shared with the desk' : '', a.source.outlet, shortPublished(a.source.published), r.trash && a.trashedAt ? `moved to the trash ${when(a.trashedAt)}` : `updated ${when(a.updatedAt)}`]
    .filter(Boolean)
    .join(' · ');
  const snippet = r.match?.snippet;
  const body = (
    <>
      <span className="article-title">{a.title}</span>
      <span className="article-sub">{sub}</span>
      {snippet && (
        <span className="article-snippet">
          {snippet.before}
          <mark>{snippet.match}</mark>
          {snippet.after}
        </span>
      )}
    </>
  );
  return (
    <li className="article-row" data-article-id={a.id} aria-setsize={r.total} aria-posinset={r.index + 1} style={{ top: r.top, height: r.height }}>
      {r.trash ? (
        <div className="article-open">{body}</div>
      ) : (
        <button type="button" className="article-open" onClick={() => actions.onOpen(a.id)}>
          {body}
        </button>
      )}
      <span className="row-counts" aria-label={`${a.counts.claim} claims, ${a.counts.quote} quotes, ${a.counts.attribution} attributions`}>
        <span className="badge badge-claim">Claim {a.counts.claim}</span>
        <span className="badge badge-quote">Quote {a.counts.quote}</span>
        <span className="badge badge-attribution">Attribution {a.counts.attribution}</span>
      </span>
      {r.trash ? (
        <span className="row-actions">
          <button type="button" aria-label={`Restore “${a.title}”`} onClick={() => actions.onRestore(a)}>
            Restore
          </button>
          <button type="button" className="danger-quiet" aria-label={`Delete forever “${a.title}”`} onClick={() => actions.onDeleteForever(a)}>
            Delete forever…
          </button>
        </span>
      ) : (
        <button type="button" className="danger-quiet" aria-label={`Move to trash “${a.title}”`} onClick={() => actions.onTrash(a)}>
          Move to trash…
        </button>
      )}
    </li>
  );
});
