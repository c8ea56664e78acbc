import { createEditor, type Descendant, type Editor } from 'slate';
import { withReact } from 'slate-react';
import type { LineIndex } from '../../../shared/text/line-index';
import './slate-types';

/**
 * The article text is read-only, but the editor is left editable so the user has a real
 * caret and can select with Shift+arrows. This guard drops every operation except
 * selection changes, so no input path can alter the text the offsets point into.
 */
export function createArticleEditor(): Editor {
  const editor = withReact(createEditor());
  const { apply } = editor;
  editor.apply = (op) => {
    if (op.type === 'set_selection') apply(op);
  };
  editor.insertData = () => undefined;
  editor.insertFragmentData = () => false;
  editor.insertTextData = () => false;
  return editor;
}

/** One Slate paragraph per line of the canonical text. */
export function paragraphsOf(lines: LineIndex): Descendant[] {
  const out: Descendant[] = [];
  for (let p = 0; p < lines.paragraphCount; p++) out.push({ type: 'paragraph', children: [{ text: lines.paragraphText(p) }] });
  return out;
}
