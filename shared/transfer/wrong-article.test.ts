import { describe, expect, it } from 'vitest';
import { wrongArticleMessage } from './wrong-article';
import { formatProblems } from '../issues';

const A = 'sha256:1111111111112222222222';
const B = 'sha256:aaaaaaaaaaaabbbbbbbbbbbb';

describe('a file for another article', () => {
  it('is refused when fewer than a fifth of its annotations place, with both text hashes as evidence', () => {
    expect(wrongArticleMessage('story.json', { total: 80, placed: 0 }, A, B)).toBe(
      "None of the 80 annotations in story.json could be placed on this article's text, so it looks made for another article (the file was made on a text with hash aaaaaaaaaaaa…, this article's text has hash 111111111111…). Nothing was changed; open the article it was made for, or check that the file is the right one.",
    );
    expect(wrongArticleMessage('x.ann', { total: 80, placed: 3 }, A)).toMatch(/^Only 3 of the 80 annotations in x\.ann could be placed .*this article's text has hash 111111111111…\)/);
  });

  it('lets a file through when a fifth or more place (the rest are listed as unplaced)', () => {
    expect(wrongArticleMessage('x.ann', { total: 80, placed: 16 }, A)).toBeUndefined();
    expect(wrongArticleMessage('x.ann', { total: 0, placed: 0 }, A)).toBeUndefined();
  });
});

describe('problem lists', () => {
  it('write a problem about the whole file as a sentence, not after a raw "$:"', () => {
    expect(formatProblems([{ where: '$', message: 'the file is empty' }])).toBe('The file is empty.');
    expect(formatProblems([{ where: 'bo.json', message: 'None of the 1 annotations…' }, { where: '$.a[0]', message: 'is wrong' }])).toBe('bo.json: None of the 1 annotations…\n$.a[0]: is wrong');
  });
});
