import { decodeEntities, stripTags } from './html-text';

/**
 * Markdown → article text: the syntax is removed and every paragraph, heading, list item,
 * table row and code line becomes one line (a line is a paragraph in the canonical text).
 * A heading that opens the document (or a front-matter title) is the headline: it comes
 * first, followed by a blank line, as detectHead expects. Not a CommonMark renderer: it
 * keeps the words an editor annotates and drops what only formats them.
 */
export interface MarkdownArticle {
  text: string;
  title?: string;
  /** From YAML front matter, when present. */
  date?: string;
  author?: string;
  url?: string;
}

type Block = { kind: 'heading' | 'paragraph' | 'code'; text: string };

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX = /^\s{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^\s{0,3}(=+|-+)[ \t]*$/;
const BREAK = /^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^\s*([-*+])[ \t]+(.*)$/;
const ORDERED = /^\s*(\d{1,9})[.)][ \t]+(.*)$/;
const TASK = /^\[[ xX]\][ \t]+/;
const LINK_DEF = /^\s{0,3}\[([^\]^][^\]]*)\]:[ \t]*\S+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
const FOOTNOTE_DEF = /^\s{0,3}\[\^[^\]]+\]:[ \t]*(.*)$/;
const TABLE_DELIMITER = /^\s*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const QUOTE_MARKER = /^\s{0,3}>[ \t]?/;
const RAW_HTML_OPEN = /^\s*<(script|style|textarea|pre)\b/i;
const HTML_BLOCK = /^\s{0,3}<\/?(?:address|article|aside|blockquote|details|div|dl|dt|dd|figcaption|figure|footer|header|h[1-6]|hr|li|main|nav|ol|p|section|summary|table|tbody|td|th|thead|tr|ul)\b/i;

export function markdownToText(markdown: string): MarkdownArticle {
  const { body, fields } = splitFrontMatter(markdown);
  const lines = body.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const refs = new Set<string>();
  for (const line of lines) {
    const m = LINK_DEF.exec(line);
    if (m) refs.add(m[1]!.toLowerCase());
  }
  const blocks = parseBlocks(lines, refs);
  return assemble(blocks, fields);
}

function parseBlocks(lines: string[], refs: Set<string>): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let paraQuoted = false;
  let paraIsItem = false;
  let fence: string | undefined;
  let rawUntil: RegExp | undefined;

  const flush = () => {
    if (para.length === 0) return;
    // A hard break (two trailing spaces or a backslash) starts a new line of its own.
    const joined = para.map((l, i) => (i < para.length - 1 && /( {2,}|\\)$/.test(l) ? `${l.replace(/\\$/, '')}\n` : `${l.trimEnd()} `)).join('');
    for (const line of inline(joined, refs).split('\n')) if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
    para = [];
    paraIsItem = false;
  };
  const push = (kind: Block['kind'], text: string) => {
    const clean = kind === 'code' ? text.replace(/\s+$/, '') : inline(text, refs).replace(/\n/g, ' ').trim();
    if (clean.trim()) blocks.push({ kind, text: clean });
  };

  for (const raw of lines) {
    if (fence !== undefined) {
      if (raw.trim().startsWith(fence) && raw.trim().replace(/[`~]/g, '') === '') fence = undefined;
      else push('code', raw);
      continue;
    }
    if (rawUntil) {
      if (rawUntil.test(raw)) rawUntil = undefined;
      continue;
    }
    let line = raw;
    let quoted = false;
    while (QUOTE_MARKER.test(line)) {
      line = line.replace(QUOTE_MARKER, '');
      quoted = true;
    }
    if (quoted !== paraQuoted) flush();
    paraQuoted = quoted;

    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]![0]!.repeat(fenceMatch[1]!.length);
      continue;
    }
    const rawOpen = RAW_HTML_OPEN.exec(line);
    if (rawOpen && !new RegExp(`</${rawOpen[1]}>`, 'i').test(line)) {
      flush();
      rawUntil = new RegExp(`</${rawOpen[1]}>`, 'i');
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const setext = SETEXT.exec(line);
    if (setext && para.length > 0 && !quoted) {
      const text = para.join(' ');
      para = [];
      push('heading', text);
      continue;
    }
    if (BREAK.test(line)) {
      flush();
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      flush();
      push('heading', atx[2] ?? '');
      continue;
    }
    if (para.length === 0 && LINK_DEF.test(line)) continue;
    const footnote = FOOTNOTE_DEF.exec(line);
    if (footnote) {
      flush();
      para.push(footnote[1]!);
      continue;
    }
    if (/^\s*\|/.test(line)) {
      flush();
      const row = TABLE_DELIMITER.test(line) ? '' : tableRow(line, refs);
      if (row) blocks.push({ kind: 'paragraph', text: row });
      continue;
    }
    if (HTML_BLOCK.test(line)) flush();
    // Bullets go; an ordered item keeps its number ("1. …"), which carries meaning in prose.
    // Inside a paragraph only a bullet or "1." starts a list ("2016. That year…" does not).
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    const interrupts = para.length === 0 || paraIsItem || ordered?.[1] === '1';
    const item = bullet ? bullet[2]! : ordered && interrupts ? line.trim() : undefined;
    if (item !== undefined) {
      flush();
      para.push(item.replace(TASK, ''));
      paraIsItem = true;
      continue;
    }
    para.push(line.replace(/^\s+/, ''));
  }
  flush();
  return blocks;
}

function tableRow(line: string, refs: Set<string>): string {
  const cells = line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/);
  return cells.map((c) => inline(c, refs).replace(/\n/g, ' ').trim()).filter(Boolean).join('\t');
}

/** Inline syntax → its words. Code spans and escapes are set aside first so nothing inside them is touched. */
export function inline(source: string, refs: ReadonlySet<string> = new Set()): string {
  const kept: string[] = [];
  // NUL never reaches here (binary check), so it can mark set-aside pieces safely.
  const keep = (s: string) => `\0${kept.push(s) - 1}\0`;
  let s = source
    .replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_, _ticks, code: string) => keep(code.replace(/^ (.*) $/s, '$1')))
    .replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, (_, ch: string) => keep(ch))
    .replace(/<((?:https?|mailto|ftp):[^\s<>]+)>/gi, (_, url: string) => keep(url));

  const label = String.raw`\[((?:[^\[\]]|\[[^\[\]]*\])*)\]`;
  const destination = String.raw`\((?:[^()]|\([^()]*\))*\)`;
  s = s
    .replace(new RegExp(`!${label}(?:${destination}|\\[[^\\]]*\\])`, 'g'), '')
    .replace(/\[\^[^\]\s]+\]/g, '')
    .replace(new RegExp(`${label}${destination}`, 'g'), '$1')
    .replace(new RegExp(`${label}\\[([^\\]]*)\\]`, 'g'), (all, text: string, ref: string) =>
      refs.has((ref || text).toLowerCase()) || ref ? text : all,
    )
    .replace(new RegExp(label, 'g'), (all, text: string) => (refs.has(text.toLowerCase()) ? text : all));

  s = stripTags(s.replace(/<br\s*\/?>/gi, '\n'));
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s
      .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
      .replace(/(?<![\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      .replace(/\*(?=[^\s*])([\s\S]*?[^\s*])\*/g, '$1')
      .replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])([\s\S]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1');
  }
  s = decodeEntities(s).replace(/[ \t]+/g, ' ');
  return s.replace(/\0(\d+)\0/g, (_, i: string) => kept[Number(i)]!);
}

/** A YAML front matter block (`---` … `---`) at the very start; only flat `key: value` lines are read. */
function splitFrontMatter(markdown: string): { body: string; fields: Map<string, string> } {
  const fields = new Map<string, string>();
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(markdown);
  if (!m) return { body: markdown, fields };
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (kv && kv[2]) fields.set(kv[1]!.toLowerCase(), kv[2].replace(/^(["'])(.*)\1$/, '$2'));
  }
  return { body: markdown.slice(m[0].length), fields };
}

function assemble(blocks: Block[], fields: Map<string, string>): MarkdownArticle {
  let title = fields.get('title');
  const first = blocks[0];
  if (first?.kind === 'heading' && (title === undefined || first.text === title)) {
    title = first.text;
    blocks.shift();
  }
  const lines = blocks.map((b) => b.text);
  const text = title ? [title, '', ...lines].join('\n') : lines.join('\n');
  const result: MarkdownArticle = { text };
  if (title) result.title = title;
  const date = fields.get('date') ?? fields.get('published');
  const author = fields.get('author') ?? fields.get('byline');
  const url = fields.get('url') ?? fields.get('canonical') ?? fields.get('source');
  if (date) result.date = date;
  if (author) result.author = author;
  if (url) result.url = url;
  return result;
}
