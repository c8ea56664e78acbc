import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectHead, firstSentence, firstSentenceEnd, parseDateline, shorten, stripFinalStop, TITLE_MAX } from '../../../shared/article/head';
import { POLNEAR } from '../../corpus/paths';

const CORPUS = POLNEAR;
const DEV_TEXT = path.join(CORPUS, 'dev/text');
const SAMPLE = path.resolve(__dirname, '../../../resources/sample/venezuela-maduro-call.txt');

/** PolNeAR's metadata.tsv: file name (without .txt) → title. */
function metadataTitles(): Map<string, string> {
  const [header, ...rows] = fs.readFileSync(path.join(CORPUS, 'metadata.tsv'), 'utf8').trimEnd().split('\n');
  const columns = header!.split('\t');
  const file = columns.indexOf('filename');
  const title = columns.indexOf('title');
  return new Map(rows.map((r) => r.split('\t')).map((c) => [c[file]!, c[title]!]));
}

describe('detectHead on the sample article', () => {
  const head = detectHead(fs.readFileSync(SAMPLE, 'utf8'));

  it('reads the dateline as the publication time', () => {
    expect(head.published).toBe('2025-12-01T13:06');
  });

  it('titles it with the first sentence, shortened at a word boundary (not cut at "U.S.")', () => {
    expect(head.title).toBe('It was claimed that U.S. President Donald Trump had a phone conversation with Venezuelan…');
    expect(head.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(head.titleFrom).toBe('first-sentence');
  });
});

describe('detectHead on every PolNeAR dev text', () => {
  const titles = metadataTitles();
  const files = fs.readdirSync(DEV_TEXT).filter((f) => f.endsWith('.txt')).sort();

  it('has the 84 dev articles to check', () => {
    expect(files).toHaveLength(84);
  });

  it.each(files)('%s: the title is the headline and matches metadata.tsv', (file) => {
    const text = fs.readFileSync(path.join(DEV_TEXT, file), 'utf8');
    const head = detectHead(text);
    expect(head.titleFrom).toBe('headline');
    expect(head.published).toBeUndefined();
    const expected = titles.get(file.slice(0, -'.txt'.length));
    expect(expected).toBeDefined();
    expect(head.title).toBe(expected);
  });
});

describe('detectHead', () => {
  it('takes a first line followed by a blank line as the title, whole', () => {
    const headline = 'Railing Against Trump, Sanders Vows To Eliminate Tax Breaks Used By Real Estate Developers Across America';
    expect(detectHead(`${headline}\n\nBody text.`)).toEqual({ title: headline, titleFrom: 'headline' });
  });

  it('joins a headline ending in ";" with its deck', () => {
    expect(detectHead("Candidates vie for vets' support; \nTrump and Clinton point out own credentials.\n\nBody.").title).toBe(
      "Candidates vie for vets' support; Trump and Clinton point out own credentials",
    );
  });

  it('does not join two lines when the first is not a headline with a separator', () => {
    expect(detectHead('First line here.\nSecond line.\n\nBody.').title).toBe('First line here');
  });

  it('skips leading blank lines and reads a dateline, then a headline', () => {
    expect(detectHead('\n\n2025-03-14 07:45\n\nBridge to close\n\nBody.')).toEqual({
      title: 'Bridge to close',
      titleFrom: 'headline',
      published: '2025-03-14T07:45',
    });
  });

  it('treats a long first line as a paragraph even when a blank line follows', () => {
    const paragraph = `${'word '.repeat(60)}end. Next sentence.`;
    expect(detectHead(`${paragraph}\n\nMore.`).titleFrom).toBe('first-sentence');
  });

  it('says "Untitled article" for a text of blank lines or a bare dateline', () => {
    expect(detectHead('\n  \n')).toEqual({ title: 'Untitled article', titleFrom: 'none' });
    expect(detectHead('01.12.2025 13:06\n')).toEqual({ title: 'Untitled article', titleFrom: 'none', published: '2025-12-01T13:06' });
  });

  it('a single line with no blank after it is a sentence, not a headline', () => {
    expect(detectHead('Only one line.').titleFrom).toBe('first-sentence');
  });
});

describe('parseDateline', () => {
  it.each([
    ['01.12.2025 13:06', '2025-12-01T13:06'],
    ['1/2/2025', '2025-02-01'],
    ['  01.12.2025  ', '2025-12-01'],
    ['2025-12-01 13:06', '2025-12-01T13:06'],
    ['2025-12-01T09:05', '2025-12-01T09:05'],
  ])('%s → %s', (line, iso) => expect(parseDateline(line)).toBe(iso));

  it.each(['31.02.2025', '01.13.2025', '01.12.2025 24:00', '01.12.2025 13:60', 'Monday 1 December', '2025-12-01 at noon'])(
    'refuses %s',
    (line) => expect(parseDateline(line)).toBeUndefined(),
  );
});

describe('sentences and titles', () => {
  it('does not end a sentence at abbreviations and initials', () => {
    expect(firstSentence('Mr. Smith met Gov. Jones in Washington, D.C. on Monday. Then he left.')).toBe(
      'Mr. Smith met Gov. Jones in Washington, D.C. on Monday.',
    );
    expect(firstSentence('Mary J. Blige sang. Everyone cheered.')).toBe('Mary J. Blige sang.');
  });

  it('ends a sentence at ?, ! and a closing quote', () => {
    expect(firstSentence('Is it over? Nobody knows.')).toBe('Is it over?');
    expect(firstSentence('“We won.” The crowd cheered.')).toBe('“We won.”');
    expect(firstSentenceEnd('no end here')).toBe('no end here'.length);
  });

  it('shortens at a word boundary with an ellipsis', () => {
    const s = shorten('alpha beta gamma delta epsilon', 20);
    expect(s).toBe('alpha beta gamma…');
    expect(s.length).toBeLessThanOrEqual(20);
    expect(shorten('short', 20)).toBe('short');
  });

  it('drops a one-sentence headline’s final stop, but keeps abbreviations, ellipses and multi-sentence stops', () => {
    expect(stripFinalStop('Trump ‘Reeks of Fear.’')).toBe('Trump ‘Reeks of Fear’');
    expect(stripFinalStop('Bridge closes.')).toBe('Bridge closes');
    expect(stripFinalStop('Sanctions hit the U.S.')).toBe('Sanctions hit the U.S.');
    expect(stripFinalStop('And then...')).toBe('And then...');
    expect(stripFinalStop('Virginian could make history. Again.')).toBe('Virginian could make history. Again.');
    expect(stripFinalStop('Is it over?')).toBe('Is it over?');
  });
});
