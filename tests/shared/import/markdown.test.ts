import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inline, markdownToText } from '../../../shared/import/markdown';

const text = (md: string) => markdownToText(md).text;

describe('markdownToText on the fixture article', () => {
  const md = fs.readFileSync(path.resolve(__dirname, '../../../fixtures/import/article.md'), 'utf8');
  const result = markdownToText(md);
  const lines = result.text.split('\n');

  it('reads title, date, author and URL from the front matter', () => {
    expect(result).toMatchObject({
      title: "Tenants' group says rent cap is being ignored",
      date: '2025-05-09T16:20:00+01:00',
      author: 'Tomás Ferreira',
      url: 'https://www.harborledger.example/news/2025/05/09/rent-cap',
    });
  });

  it('puts the headline first, then a blank line, then one paragraph per line', () => {
    expect(lines.slice(0, 3)).toEqual([
      "Tenants' group says rent cap is being ignored",
      '',
      'Landlords in the old town raised rents by up to 14% last year, according to a survey published on Friday.',
    ]);
    expect(lines.slice(2).every((l) => l.trim() !== '')).toBe(true);
  });

  it('keeps quotes and attributions word for word, links reduced to their text', () => {
    expect(lines).toContain(
      "The Eastport Tenants' Union said that more than a third of the 412 households it surveyed had received increases above the city's 5% cap, which came into force in January 2024. The group's chair, Leila Haddad, told reporters that the cap \"exists on paper and nowhere else\".",
    );
    expect(lines).toContain('"People are afraid to complain. They know that if they make a fuss, the lease will simply not be renewed," Haddad said.');
  });

  it('turns headings, list items and <br> into lines, keeps list numbers and drops images, comments and rules', () => {
    expect(lines).toContain('What the survey found');
    expect(lines).toContain('139 of 412 households reported an increase above 5%');
    expect(lines).toContain('one in five said they had not been given the legally required notice');
    expect(lines).toContain('1. Publish the register of complaints');
    expect(lines).toContain('The committee meets again on 3 June.');
    expect(result.text).not.toMatch(/old-town\.jpg|Terraced houses|editor's note|^---$|[*_#>]/m);
    expect(lines.at(-1)).toBe('Correction: an earlier version of this story gave the survey size as 421 households.');
  });
});

describe('markdownToText edge cases', () => {
  it('joins soft-wrapped lines and splits at hard breaks', () => {
    expect(text('one\ntwo  \nthree\\\nfour')).toBe('one two\nthree\nfour');
  });

  it('reads setext headings and ATX headings with closing hashes', () => {
    expect(markdownToText('Title\n=====\n\nBody').text).toBe('Title\n\nBody');
    expect(text('Intro\n\n## Section ##\nBody')).toBe('Intro\nSection\nBody');
  });

  it('takes the first heading as title only when it opens the document', () => {
    expect(markdownToText('# Headline\nBody').title).toBe('Headline');
    expect(markdownToText('Body first\n\n# Later heading').title).toBeUndefined();
  });

  it('removes emphasis but not underscores inside words or lone asterisks', () => {
    expect(inline('**bold** *it* _em_ __strong__ ~~gone~~ ***both***')).toBe('bold it em strong gone both');
    expect(inline('snake_case_name and 5 * 3 * 2')).toBe('snake_case_name and 5 * 3 * 2');
  });

  it('leaves code spans and escaped characters untouched', () => {
    expect(inline('run `a *b* _c_` now')).toBe('run a *b* _c_ now');
    expect(inline('\\*not emphasis\\* and \\[not a link\\]')).toBe('*not emphasis* and [not a link]');
    expect(inline('`&amp;` vs &amp;')).toBe('&amp; vs &');
  });

  it('reduces links to their text, autolinks to their URL, drops images and footnote marks', () => {
    expect(inline('[the report](https://x.example/a_(b) "T") said')).toBe('the report said');
    expect(inline('see <https://x.example/a_b_c>')).toBe('see https://x.example/a_b_c');
    expect(inline('![alt text](pic.png)Caption')).toBe('Caption');
    expect(inline('claim[^1] here')).toBe('claim here');
    expect(inline('[ref][r] and [r] and [unknown]', new Set(['r']))).toBe('ref and r and [unknown]');
  });

  it('drops reference definitions and keeps footnote text', () => {
    expect(text('See [the data][d].\n\n[d]: https://example.com/data "Data"\n\n[^1]: Figures from 2024.')).toBe('See the data.\nFigures from 2024.');
  });

  it('strips inline HTML, decodes entities and skips script blocks', () => {
    expect(text('Text <b>bold</b> &mdash; &#8220;q&#x201D; a < b\n\n<script>\nvar x = 1;\n</script>\nAfter')).toBe('Text bold — “q” a < b\nAfter');
    expect(text('Para\n<div>\nblock\n</div>')).toBe('Para\nblock');
  });

  it('turns quotes, nested lists and tasks into lines', () => {
    expect(text('> quoted\n> > nested\n\n- a\n  - b\n- [x] done')).toBe('quoted nested\na\nb\ndone');
  });

  it('does not start a list at a year inside a paragraph', () => {
    expect(text('It began in\n2016. That year was odd.')).toBe('It began in 2016. That year was odd.');
  });

  it('keeps code block lines, one per line, and table rows as tab-separated cells', () => {
    expect(text('```js\nconst a = 1;\n\nreturn a;\n```')).toBe('const a = 1;\nreturn a;');
    expect(text('| Route | Fare |\n|:--|--:|\n| North | £3 |')).toBe('Route\tFare\nNorth\t£3');
  });

  it('yields no text for a document of images and comments only', () => {
    expect(text('![a](b.png)\n\n<!-- nothing -->\n\n---')).toBe('');
  });
});
