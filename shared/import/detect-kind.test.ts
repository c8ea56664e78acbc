import { describe, expect, it } from 'vitest';
import { detectKind, extensionOf } from './detect-kind';

describe('detectKind', () => {
  it.each([
    ['story.txt', 'text'],
    ['STORY.TXT', 'text'],
    ['notes.md', 'markdown'],
    ['notes.markdown', 'markdown'],
    ['page.html', 'html'],
    ['page.HTM', 'html'],
    ['export.newsmark.json', 'json'],
    ['/home/ed/Downloads/page.htm', 'html'],
  ])('%s → %s', (name, kind) => expect(detectKind(name)).toBe(kind));

  it('names the extension and the supported ones when refusing', () => {
    expect(() => detectKind('story.docx')).toThrow('story.docx: Newsmark cannot import .docx files; it reads .txt, .md, .html, .htm and .json files.');
  });

  it('explains a file without an extension', () => {
    expect(() => detectKind('README')).toThrow(/^README: the file has no extension/);
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('C:\\news\\a.b\\story')).toBe('');
  });
});
