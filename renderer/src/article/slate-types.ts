import type { BaseEditor } from 'slate';
import type { ReactEditor } from 'slate-react';

export interface ParagraphElement {
  type: 'paragraph';
  children: { text: string }[];
}

declare module 'slate' {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor;
    Element: ParagraphElement;
    Text: { text: string };
  }
}
