import type { ReactNode } from 'react';
import type { PublicSettings } from '../../../shared/ipc/contract';
import { dispatchAppCommand } from '../common/commands';

interface Props {
  /** Whether an article (or its review) is open: then the bar offers the way back. */
  articleOpen: boolean;
  /** Whether the article view (not review mode) is showing. */
  editing: boolean;
  theme: PublicSettings['theme'];
  importing: boolean;
  onLibrary(): void;
  onOpenFiles(): void;
  onNew(): void;
  onTheme(theme: PublicSettings['theme']): void;
  onShortcuts(): void;
  /** Items for the open article (the desk's Share and live marks), before the gap. */
  beforeGap?: ReactNode;
  /** Status items (the desk button), after the gap. */
  afterGap?: ReactNode;
}

/** The bar across the top of the window: the way back, opening, new article, theme, `?`. */
export function AppBar(props: Props) {
  return (
    <nav className="app-bar" aria-label="Newsmark">
      <span className="brand">Newsmark</span>
      {props.articleOpen && (
        <button type="button" className="link-button" onClick={props.onLibrary}>
          ← Library
        </button>
      )}
      {props.editing && (
        <button type="button" className="link-button" title="Ctrl/Cmd+Shift+R" onClick={() => dispatchAppCommand('review-mode')}>
          Review
        </button>
      )}
      {props.beforeGap}
      <span className="app-bar-gap" />
      {props.afterGap}
      <button type="button" className="link-button" onClick={props.onOpenFiles} disabled={props.importing}>
        Open…
      </button>
      <button type="button" className="link-button" onClick={props.onNew}>
        New article
      </button>
      <label className="theme-label">
        <span className="visually-hidden">Theme</span>
        <select className="theme-select" aria-label="Theme" value={props.theme} onChange={(e) => props.onTheme(e.target.value as PublicSettings['theme'])}>
          <option value="system">Theme: system</option>
          <option value="light">Theme: light</option>
          <option value="dark">Theme: dark</option>
        </select>
      </label>
      <button type="button" className="link-button" aria-label="Keyboard shortcuts" onClick={props.onShortcuts}>
        ?
      </button>
    </nav>
  );
}
