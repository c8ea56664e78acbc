// Stand-in for @apache-annotator/selector@0.2.0, which @apache-annotator/dom@0.2.0 imports
// but does not declare as a dependency, so npm does not install it. Used only by
// w3c-apache-annotator.test.ts, and only while that package is missing: the test's resolve
// hook tries the real package first. It implements the documented contract of
// textQuoteSelectorMatcher over the dom package's own TextNodeChunker: every exact
// occurrence of prefix + exact + suffix, as a chunk range covering `exact`.
export function textQuoteSelectorMatcher(selector) {
  return async function* (chunker) {
    const chunks = [];
    let text = '';
    for (let c = chunker.currentChunk; c; c = chunker.nextChunk()) {
      chunks.push({ chunk: c, at: text.length });
      text += c.data;
    }
    const locate = (offset, end) => {
      for (let i = chunks.length - 1; i >= 0; i--) {
        const { chunk, at } = chunks[i];
        if (end ? at < offset || (at === offset && i === 0) : at <= offset) return { chunk, index: offset - at };
      }
      return null;
    };
    const needle = (selector.prefix ?? '') + selector.exact + (selector.suffix ?? '');
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
      const start = locate(i + (selector.prefix ?? '').length, false);
      const end = locate(i + (selector.prefix ?? '').length + selector.exact.length, true);
      yield { startChunk: start.chunk, startIndex: start.index, endChunk: end.chunk, endIndex: end.index };
    }
  };
}
const missing = (name) => () => {
  throw new Error(`${name} is not available: install @apache-annotator/selector`);
};
export const textPositionSelectorMatcher = missing('textPositionSelectorMatcher');
export const describeTextQuote = missing('describeTextQuote');
export const describeTextPosition = missing('describeTextPosition');
