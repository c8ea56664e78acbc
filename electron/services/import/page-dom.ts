/**
 * The slice of a DOM that the page reader walks, typed by its shape: main typechecks without
 * the DOM library (tsconfig/node.json), and linkedom provides these objects at run time.
 */
export interface PageNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly firstChild: PageNode | null;
  readonly nextSibling: PageNode | null;
}

export interface PageElement extends PageNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  remove(): void;
}

export interface PageDocument extends PageNode {
  querySelector(selectors: string): PageElement | null;
  querySelectorAll(selectors: string): Iterable<PageElement>;
}
