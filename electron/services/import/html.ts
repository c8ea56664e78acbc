import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleSource } from '../../../shared/model/types';
import { ImportError } from '../../../shared/import/errors';
import { textBlocks, type TextBlock } from './block-text';
import type { PageDocument, PageNode } from './page-dom';

/**
 * A saved web page → its article: Readability (Firefox Reader View's engine) finds the
 * story on a linkedom document; we turn its content into one paragraph per line and take
 * title, byline, site name, publication time and URL from the page's metadata.
 */
export interface ExtractedPage {
  /** Headline first, then a blank line, then one paragraph per line. */
  text: string;
  title?: string;
  source: ArticleSource;
}

/** Less paragraph text than this is a login, search or index page, not an article. */
export const MIN_ARTICLE_CHARS = 250;

/**
 * Page furniture Readability can keep when it sits inside the story's container: ad slots
 * (whose "Advertisement" label would become a paragraph) and consent banners.
 */
const CLUTTER = [
  '[class~="ad"]', '[class*="ad-slot"]', '[class*="ad-container"]', '[class*="advert"]', '[id^="ad-"]',
  '[id*="google_ads"]', '[data-ad]', '[data-ad-slot]', 'ins.adsbygoogle', '[aria-label="Advertisement"]',
  '[id*="cookie"]', '[class*="cookie"]', '[id*="consent"]', '[class*="consent"]', '[role="dialog"]',
  '[class*="newsletter"]', '[class*="share"]', '[class*="related"]',
].join(', ');

const CLUTTER_MAX_CHARS = 1000;

/** Whole paragraphs that are page furniture, not prose. */
const BOILERPLATE = /^(?:advertisements?|ad|sponsored(?: content)?|skip advertisement|story continues below(?: advertisement)?|continue reading(?: the main story| below)?|scroll to continue(?: with content)?|read more|related(?: articles| stories)?)$/i;

export function extractArticle(file: string, html: string): ExtractedPage {
  const { document } = parseHTML(ensureDocument(html)) as unknown as { document: PageDocument };
  // Metadata first: Readability rewrites the document it reads.
  const url = canonicalUrl(document) ?? savedFromUrl(html);
  const publishedFallback = publishedFromMarkup(document);
  removeClutter(document);

  const article = new Readability<PageNode>(document as unknown as ConstructorParameters<typeof Readability>[0], { serializer: (node) => node as unknown as PageNode }).parse();
  const blocks = article?.content ? textBlocks(article.content).filter(isProse) : [];
  const proseChars = blocks.reduce((n, b) => n + (b.heading ? 0 : b.text.length), 0);
  if (proseChars < MIN_ARTICLE_CHARS) {
    throw new ImportError(file, 'no-article', 'no article text was found in this page (is it a login, search or index page?).');
  }

  const title = clean(article?.title, 1000);
  const paragraphs = blocks.map((b) => b.text);
  if (title && paragraphs[0] === title) paragraphs.shift();
  const text = title ? [title, '', ...paragraphs].join('\n') : paragraphs.join('\n');

  const source: ArticleSource = {};
  const outlet = clean(article?.siteName, 500);
  const byline = clean(article?.byline?.replace(/^\s*by\s+/i, ''), 500);
  const published = [article?.publishedTime, publishedFallback].map((d) => clean(d, 64)).find(isDate);
  if (outlet) source.outlet = outlet;
  if (url) source.url = url;
  if (byline) source.byline = byline;
  if (published) source.published = published;
  return title ? { text, title, source } : { text, source };
}

/** Class-name guesses can hit a wrapper ("share-layout"): only small, non-structural elements go. */
function removeClutter(document: PageDocument): void {
  for (const el of [...document.querySelectorAll(CLUTTER)]) {
    if (/^(?:html|body|main|article)$/i.test(el.tagName)) continue;
    if ((el.textContent ?? '').length > CLUTTER_MAX_CHARS) continue;
    el.remove();
  }
}

function isProse(block: TextBlock): boolean {
  return !block.linkOnly && !BOILERPLATE.test(block.text);
}

/** Readability needs documentElement and body: give a bare fragment its document. */
function ensureDocument(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

function canonicalUrl(document: PageDocument): string | undefined {
  const candidates = [
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  return candidates.map(absoluteHttpUrl).find((u) => u !== undefined);
}

/** Browsers mark pages saved "HTML only" with `<!-- saved from url=(0071)https://… -->`. */
function savedFromUrl(html: string): string | undefined {
  return absoluteHttpUrl(/<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1]);
}

function absoluteHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.href.length <= 4096 ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Where a page without article:published_time or JSON-LD keeps its date. */
function publishedFromMarkup(document: PageDocument): string | undefined {
  const meta = document.querySelector(
    'meta[itemprop="datePublished"], meta[name="date"], meta[name="pubdate"], meta[name="publishdate"], meta[name="dc.date"], meta[name="DC.date.issued"]',
  );
  return meta?.getAttribute('content') ?? document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? undefined;
}

function isDate(value: string | undefined): value is string {
  return value !== undefined && !Number.isNaN(Date.parse(value));
}

function clean(value: string | null | undefined, max: number): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : undefined;
}
