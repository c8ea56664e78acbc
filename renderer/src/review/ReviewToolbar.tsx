import type { ReportFormat, ReviewLayout } from '../../../shared/review/review-state';
import type { ReviewTab } from './review-live';

interface Props {
  tab: ReviewTab;
  onTab(tab: ReviewTab): void;
  /** How many colleagues' files are open (Agreement needs one, Curation three). */
  colleagues: number;
  layout: ReviewLayout;
  onLayout(layout: ReviewLayout): void;
  canUndo: boolean;
  canRedo: boolean;
  onUndoRedo(which: 'undo' | 'redo'): void;
  canReport: boolean;
  onReport(format: ReportFormat): void;
}

/** Review mode's tools: the view tabs, the layout, undo and redo, the report. */
export function ReviewToolbar(props: Props) {
  const n = props.colleagues;
  const tabs: { id: ReviewTab; label: string; disabled?: boolean; title?: string }[] = [
    { id: 'review', label: 'Review' },
    { id: 'agreement', label: 'Agreement', disabled: n === 0 },
    { id: 'curation', label: 'Curation', disabled: n < 3, title: n < 3 ? 'Needs three or more colleagues’ files' : `${n} colleagues` },
  ];
  // Buttons that act on the text keep the focus where it is (the caret, the selection).
  const keepFocus = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="toolbar review-toolbar" role="toolbar" aria-label="Review tools">
      <div className="view-tabs" role="group" aria-label="View">
        {tabs.map((t) => (
          <button key={t.id} type="button" aria-pressed={props.tab === t.id} disabled={t.disabled} title={t.title} onClick={() => props.onTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="layout-toggle" role="group" aria-label="Layout">
        <button type="button" aria-pressed={props.layout === 'together'} onClick={() => props.onLayout('together')} onMouseDown={keepFocus}>
          Together
        </button>
        <button type="button" aria-pressed={props.layout === 'side-by-side'} onClick={() => props.onLayout('side-by-side')} onMouseDown={keepFocus}>
          Side by side <kbd>S</kbd>
        </button>
      </div>
      <span className="toolbar-gap" />
      <button type="button" onMouseDown={keepFocus} onClick={() => props.onUndoRedo('undo')} disabled={!props.canUndo}>
        Undo
      </button>
      <button type="button" onMouseDown={keepFocus} onClick={() => props.onUndoRedo('redo')} disabled={!props.canRedo}>
        Redo
      </button>
      <button type="button" disabled={!props.canReport} onClick={() => props.onReport('csv')}>
        Report CSV…
      </button>
      <button type="button" disabled={!props.canReport} onClick={() => props.onReport('json')}>
        Report JSON…
      </button>
    </div>
  );
}
