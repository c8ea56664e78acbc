import type { PageElement, PageNode } from './page-dom';

/**
 * A DOM subtree → its text as paragraphs, one per block element. HTML collapses runs of
 * ASCII white space in prose, so do we; a no-break space is content and stays.
 */
export interface TextBlock {
  text: string;
  heading: boolean;
  /** Every character sits inside a link ("Read more: …", share buttons). */
  linkOnly: boolean;
}

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'form', 'button', 'input', 'select', 'textarea', 'label', 'nav', 'img', 'picture', 'video', 'audio',
]);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const HEADING = /^h[1-6]$/;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function wordChars(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

export function textBlocks(root: PageNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  let text = '';
  let linked = 0;
  let heading = false;

  const flush = () => {
    const trimmed = text.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');
    if (trimmed) {
      blocks.push({ text: trimmed, heading, linkOnly: linked > 0 && linked >= wordChars(trimmed) });
    }
    text = '';
    linked = 0;
    heading = false;
  };

  const walk = (node: PageNode, inLink: boolean, inPre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      if (inPre) {
        const parts = value.split('\n');
        parts.forEach((part, i) => {
          if (i > 0) flush();
          text += part;
        });
      } else {
        const collapsed = value.replace(/[ \t\n\r\f]+/g, ' ');
        text += text.endsWith(' ') || text === '' ? collapsed.replace(/^ /, '') : collapsed;
      }
      if (inLink) linked += wordChars(value);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as PageElement).tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (HEADING.test(tag)) heading = true;
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inLink || tag === 'a', inPre || tag === 'pre');
    if (block) flush();
  };

  walk(root, false, false);
  flush();
  return blocks;
}
