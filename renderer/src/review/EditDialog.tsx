import { useMemo, useState } from 'react';
import { normalizeSpans, spanText } from '../../../shared/model/spans';
import { TAG_LABELS, TAGS, type Span, type Tag } from '../../../shared/model/types';
import type { Pair } from '../../../shared/review/pair';
import { Modal } from '../common/Modal';
import { intersectSpans } from './span-sets';

export interface EditResult {
  tag: Tag;
  spans: Span[];
  note: string;
}

type SpanChoice = 'selection' | 'mine' | 'theirs' | 'union' | 'overlap';


const clip = (s: string) => (s.length > 140 ? `${s.slice(0, 139)}…` : s);

/**
 * E on a pair: settle it with your own version. Choose the tag (1/2/3) and the spans: mine,
 * theirs, both (union), only what both cover (overlap), or the text selected in the article
 * before pressing E. Enter saves, Escape cancels.
 */
export function EditDialog(props: { pair: Pair; text: string; selection: Span | null; colleague: string; onSave(result: EditResult): void; onCancel(): void }) {
  const { pair, text } = props;
  const options = useMemo(() => {
    const list: { value: SpanChoice; label: string; spans: Span[] }[] = [];
    if (props.selection) list.push({ value: 'selection', label: 'The text you selected', spans: [props.selection] });
    if (pair.theirs) list.push({ value: 'theirs', label: `${props.colleague}’s`, spans: pair.theirs.spans });
    if (pair.mine) list.push({ value: 'mine', label: 'Mine', spans: pair.mine.spans });
    if (pair.mine && pair.theirs) {
      list.push({ value: 'union', label: 'Both (union)', spans: normalizeSpans([...pair.mine.spans, ...pair.theirs.spans]) });
      const overlap = intersectSpans(pair.mine.spans, pair.theirs.spans);
      if (overlap.length) list.push({ value: 'overlap', label: 'Only where both overlap', spans: overlap });
    }
    return list;
  }, [pair, props.selection, props.colleague]);
  const [choice, setChoice] = useState<SpanChoice>(options[0]!.value);
  const [tag, setTag] = useState<Tag>((pair.theirs ?? pair.mine)!.tag);
  const [note, setNote] = useState((pair.mine ?? pair.theirs)!.note);

  const save = () => {
    const spans = options.find((o) => o.value === choice)!.spans;
    props.onSave({ tag, spans, note });
  };

  return (
    <Modal title="Edit: your own version" onClose={props.onCancel} className="review-edit">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        onKeyDown={(e) => {
          if (e.target instanceof HTMLTextAreaElement) return;
          if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
            e.preventDefault();
            return save();
          }
          const n = ['1', '2', '3'].indexOf(e.key);
          if (n >= 0 && !e.ctrlKey && !e.metaKey && !e.altKey) {
            e.preventDefault();
            setTag(TAGS[n]!);
          }
        }}
      >
        <fieldset className="edit-tags">
          <legend>Tag (1, 2, 3)</legend>
          {TAGS.map((t, i) => (
            <label key={t} className={`edit-tag badge badge-${t}`}>
              <input type="radio" name="tag" value={t} checked={tag === t} onChange={() => setTag(t)} autoFocus={tag === t} /> {TAG_LABELS[t]} <kbd>{i + 1}</kbd>
            </label>
          ))}
        </fieldset>
        <fieldset className="edit-spans">
          <legend>Spans</legend>
          {options.map((o) => (
            <label key={o.value} className="edit-span">
              <input type="radio" name="spans" value={o.value} checked={choice === o.value} onChange={() => setChoice(o.value)} /> {o.label}:{' '}
              <q>{clip(spanText(text, o.spans))}</q>
            </label>
          ))}
          {!props.selection && <p className="edit-hint">To use other words, close this, select them in the article and press E again.</p>}
        </fieldset>
        <label className="edit-note">
          Note <span className="optional">(optional)</span>
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save decision <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Modal>
  );
}
