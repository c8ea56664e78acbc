import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../shared/import/errors';
import { textBlocks } from './block-text';
import { extractArticle, MIN_ARTICLE_CHARS } from './html';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../fixtures/import', name), 'utf8');

/** A page with enough prose to be an article, wrapped in whatever `head`/`body` a test needs. */
function page({ head = '', before = '', after = '' } = {}): string {
  const paragraphs = [
    'The harbour authority said on Tuesday that it would dredge the eastern channel next spring, after two cargo ships ran aground there in a month.',
    '“The channel has silted up faster than any model predicted,” said the authority’s chief engineer, Karin Holm, who added that the work would take six weeks.',
    'Shipping companies welcomed the decision but said they had asked for it two years ago, according to a letter seen by this newspaper.',
  ];
  return `<!DOCTYPE html><html><head><title>Channel to be dredged</title>${head}</head><body>${before}<article><h1>Channel to be dredged</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article>${after}</body></html>`;
}

describe('extractArticle on the saved news page', () => {
  const result = extractArticle('news-page.html', fixture('news-page.html'));
  const lines = result.text.split('\n');

  it('finds title, byline, site name, publication time and canonical URL', () => {
    expect(result.title).toBe('Council approves emergency repairs to Eastport swing bridge after inspection finds corrosion');
    expect(result.source).toEqual({
      outlet: 'The Harbor Ledger',
      url: 'https://www.harborledger.example/news/2025/03/14/eastport-swing-bridge-repairs',
      byline: 'Priya Raman',
      published: '2025-03-14T07:45:00+00:00',
    });
  });

  it('starts with the headline and a blank line, then one paragraph per line', () => {
    expect(lines[0]).toBe(result.title);
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^Eastport’s 94-year-old swing bridge will close/);
    expect(lines.slice(2).every((l) => l.trim() !== '' && l === l.trim())).toBe(true);
  });

  it('keeps every story paragraph, quotes and attributions intact, and the subheading', () => {
    expect(lines).toContain('“Every penny of this will be published, as it always is,” Adeyemi said. “What we cannot do is spend six months on a tender while the counterweight rusts.”');
    expect(lines).toContain('Lorries to be diverted');
    expect(lines.at(-1)).toMatch(/“heavily oversubscribed”\.$/);
    expect(lines).toHaveLength(2 + 11);
  });

  it('leaves out navigation, ads, scripts, the cookie banner, related links, newsletter and footer', () => {
    for (const clutter of ['Advertisement', 'Subscribe', 'cookies', 'dataLayer', 'adnet', 'Most read', 'Related', 'Harbour dredging', 'Morning Briefing', 'Share on', 'All rights reserved', 'Sign in', 'Local affairs reporter']) {
      expect(result.text).not.toContain(clutter);
    }
  });
});

describe('extractArticle', () => {
  it('refuses a login page: no article', () => {
    expect(() => extractArticle('login-page.html', fixture('login-page.html'))).toThrow(
      new ImportError('login-page.html', 'no-article', 'no article text was found in this page (is it a login, search or index page?).'),
    );
  });

  it('refuses a page whose only text is a short paragraph', () => {
    const html = `<html><body><p>${'x'.repeat(MIN_ARTICLE_CHARS - 1)}</p></body></html>`;
    expect(() => extractArticle('short.html', html)).toThrow(ImportError);
  });

  it('reads a bare fragment as a page', () => {
    const result = extractArticle('fragment.html', page().replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, ''));
    expect(result.text).toMatch(/dredge the eastern channel/);
  });

  it('takes og:url when there is no canonical link, and only absolute http(s) URLs', () => {
    expect(extractArticle('a.html', page({ head: '<meta property="og:url" content="https://news.example/a">' })).source.url).toBe('https://news.example/a');
    expect(extractArticle('a.html', page({ head: '<link rel="canonical" href="/relative"><meta property="og:url" content="javascript:alert(1)">' })).source.url).toBeUndefined();
  });

  it('falls back to the "saved from" mark browsers write into saved pages', () => {
    const html = `<!-- saved from url=(0024)https://news.example/b/ -->\n${page()}`;
    expect(extractArticle('b.html', html).source.url).toBe('https://news.example/b/');
  });

  it('finds the date in <time datetime> when the head has none, and ignores dates that do not parse', () => {
    const withTime = page({ before: '<time datetime="2025-06-01T10:00:00Z">1 June</time>' });
    expect(extractArticle('t.html', withTime).source.published).toBe('2025-06-01T10:00:00Z');
    const bad = page({ head: '<meta property="article:published_time" content="last Tuesday">' });
    expect(extractArticle('t.html', bad).source.published).toBeUndefined();
  });

  it('strips "By" from a byline', () => {
    expect(extractArticle('c.html', page({ head: '<meta name="author" content="By Karin Holm">' })).source.byline).toBe('Karin Holm');
  });

  it('drops a paragraph that is only a link, and "Advertisement" labels left inside the story', () => {
    const html = page().replace('</article>', '<p><a href="/more">Read more: ships aground twice in the eastern channel this month</a></p><p>Advertisement</p></article>');
    const { text } = extractArticle('d.html', html);
    expect(text).not.toContain('Read more');
    expect(text).not.toContain('Advertisement');
  });
});

describe('textBlocks', () => {
  const blocksOf = (html: string) => textBlocks((parseHTML(`<html><body>${html}</body></html>`) as unknown as { document: Document }).document.body);

  it('collapses HTML white space but keeps no-break spaces', () => {
    expect(blocksOf('<p>  one\n   two&nbsp;three </p>').map((b) => b.text)).toEqual(['one two\u00a0three']);
  });

  it('makes one block per block element and per <br>, inline elements stay in line', () => {
    expect(blocksOf('<div>a <b>b</b> <em>c</em><p>d</p>e<br>f</div><ul><li>g</li><li>h</li></ul>').map((b) => b.text)).toEqual(['a b c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('keeps line breaks inside <pre>', () => {
    expect(blocksOf('<pre>line 1\nline 2</pre>').map((b) => b.text)).toEqual(['line 1', 'line 2']);
  });

  it('marks headings and link-only blocks, and skips forms and scripts', () => {
    expect(blocksOf('<h2>Head</h2><p><a href="#">Only a link</a>.</p><p>Text <a href="#">link</a></p><form><label>Email</label></form><script>x()</script>')).toEqual([
      { text: 'Head', heading: true, linkOnly: false },
      { text: 'Only a link.', heading: false, linkOnly: true },
      { text: 'Text link', heading: false, linkOnly: false },
    ]);
  });
});
