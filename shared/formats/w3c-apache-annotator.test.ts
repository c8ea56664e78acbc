// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../model/types';
import { toW3CAnnotations } from './w3c';

// The real matcher: @apache-annotator/dom needs @apache-annotator/selector, which it does not
// declare, so package.json lists it.
type Matcher = (selector: { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }) => (scope: Node | Range) => AsyncGenerator<Range>;
let createTextQuoteSelectorMatcher: Matcher;

beforeAll(async () => {
  ({ createTextQuoteSelectorMatcher } = (await import('@apache-annotator/dom')) as unknown as { createTextQuoteSelectorMatcher: Matcher });
});

const TEXT = [
  'Officials said the plan “will work,” he said. 😀 Critics said it would not.',
  'CJK 𠀀 and 𝐀𝐁𝐂 letters: “said” appears again, and officials said so twice.',
].join('\n');

function annotation(id: string, spans: [number, number][]): Annotation {
  return { id, tag: 'quote', spans: spans.map(([start, end]) => ({ start, end })), note: '', links: [], author: { id: 'a', name: 'A' }, createdAt: '', updatedAt: '' };
}

describe("@apache-annotator/dom's text-quote matcher on Newsmark's W3C export", () => {
  it('finds every exported TextQuoteSelector exactly once, on the annotated words', async () => {
    const words = ['said', 'Critics said', '“will work,”', '𠀀', '𝐀𝐁𝐂', 'officials said'];
    const anns = words.map((w, i) => {
      const from = TEXT.indexOf(w);
      return annotation(`a${i}`, [[from, from + w.length]]);
    });
    anns.push(annotation('multi', [[0, 9], [TEXT.indexOf('he said'), TEXT.indexOf('he said') + 7]]));
    // the article as the editor shows it: one paragraph element per line
    document.body.innerHTML = '';
    for (const line of TEXT.split('\n')) document.body.append(Object.assign(document.createElement('p'), { textContent: line }));
    const scope = document.createRange();
    scope.selectNodeContents(document.body);

    let checked = 0;
    for (const w3c of toW3CAnnotations({ id: 'art', text: TEXT }, anns)) {
      const target = w3c.target as { items?: unknown[] } & Record<string, unknown>;
      for (const resource of (target.items ?? [target]) as { selector: { type: string; exact: string; prefix: string; suffix: string }[] }[]) {
        const quote = resource.selector.find((s) => s.type === 'TextQuoteSelector')!;
        // the matcher compares DOM text, where paragraphs are separate nodes without the newline
        const selector = { type: 'TextQuoteSelector' as const, exact: quote.exact, prefix: quote.prefix.split('\n').pop()!, suffix: quote.suffix.split('\n')[0]! };
        const matches: Range[] = [];
        for await (const range of createTextQuoteSelectorMatcher(selector)(scope)) matches.push(range);
        expect(matches.map((r) => r.toString()), quote.exact).toEqual([quote.exact]);
        checked++;
      }
    }
    expect(checked).toBe(words.length + 2);
  });
});
