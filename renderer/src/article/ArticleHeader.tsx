import { isWebUrl } from '../../../shared/article/source';
import type { ArticleSource } from '../../../shared/model/types';
import { TAG_LABELS, TAGS, type Tag } from '../../../shared/model/types';
import { formatPublished } from '../common/format';
import type { SaveState } from './useArticleSession';

const TAG_KEY: Record<Tag, string> = { claim: '1', quote: '2', attribution: '3' };

export function ArticleHeader(props: {
  source: ArticleSource;
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
  onInfo(): void;
  onImport(): void;
  onDelete(): void;
}) {
  const { source } = props;
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
              {isWebUrl(source.url) ? (
                <a href={source.url} target="_blank" rel="noreferrer">
                  {source.url}
                </a>
              ) : (
                <span>{source.url}</span>
              )}
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
        <button type="button" onClick={props.onInfo} aria-keyshortcuts="Control+I Meta+I" title="Title, outlet, byline, URL, published time (Ctrl+I)">
          Article info…
        </button>
        <button type="button" onClick={props.onImport} aria-keyshortcuts="Shift+Control+I Shift+Meta+I" title="Import annotations onto this article (Shift+Ctrl+I)">
          Import…
        </button>
        <button type="button" onClick={props.onExport}>
          Export…
        </button>
        <button type="button" className="danger-quiet" onClick={props.onDelete}>
          Move to trash…
        </button>
      </div>
    </header>
  );
}
