import type { Article } from '../../../shared/model/types';
import { TAG_LABELS, TAGS, type Tag } from '../../../shared/model/types';
import type { SaveState } from './useArticleSession';

const TAG_KEY: Record<Tag, string> = { claim: '1', quote: '2', attribution: '3' };

function formatPublished(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  const opts: Intl.DateTimeFormatOptions = m[4] ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(undefined, opts).format(date);
}

export function ArticleHeader(props: {
  article: Article;
  title: string;
  onTitle(title: string): void;
  onTitleCommit(): void;
  save: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onTag(tag: Tag): void;
  onExport(): void;
  onImport(): void;
  onDelete(): void;
}) {
  const { source } = props.article;
  const meta = [source.outlet, formatPublished(source.published), source.byline].filter(Boolean).join(' · ');
  return (
    <header className="article-header">
      <div className="title-row">
        <input
          className="title-input"
          aria-label="Article title"
          value={props.title}
          onChange={(e) => props.onTitle(e.target.value)}
          onBlur={props.onTitleCommit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          }}
        />
        <span className={`save-state save-${props.save.kind}`} role="status">
          {props.save.kind === 'saved' ? 'Saved' : props.save.kind === 'saving' ? 'Saving…' : props.save.message}
        </span>
      </div>
      {(meta || source.url) && (
        <p className="article-meta">
          {meta}
          {source.url && (
            <>
              {meta ? ' · ' : ''}
              <a href={source.url} target="_blank" rel="noreferrer">
                {source.url}
              </a>
            </>
          )}
        </p>
      )}
      <div className="toolbar" role="toolbar" aria-label="Annotation tools">
        {TAGS.map((tag) => (
          <button
            key={tag}
            type="button"
            className={`tag-button tag-button-${tag}`}
            // Keep the text selection: the button must not take focus from the article on click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => props.onTag(tag)}
            aria-keyshortcuts={TAG_KEY[tag]}
          >
            <span className={`swatch swatch-${tag}`} aria-hidden="true" />
            {TAG_LABELS[tag]} <kbd>{TAG_KEY[tag]}</kbd>
          </button>
        ))}
        <span className="toolbar-gap" />
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={props.onUndo} disabled={!props.canUndo}>
          Undo
        </button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={props.onRedo} disabled={!props.canRedo}>
          Redo
        </button>
        <button type="button" onClick={props.onImport} aria-keyshortcuts="Control+I">
          Import…
        </button>
        <button type="button" onClick={props.onExport}>
          Export…
        </button>
        <button type="button" className="danger-quiet" onClick={props.onDelete}>
          Delete article…
        </button>
      </div>
    </header>
  );
}
