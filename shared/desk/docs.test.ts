import { describe, expect, it } from 'vitest';
import { textHash } from '../hash';
import type { Annotation } from '../model/types';
import { checkDeskDoc } from './docs';

const annotation: Annotation = { id: 'a1', tag: 'claim', spans: [{ start: 0, end: 4 }], note: '', links: [], author: { id: 'u1', name: 'Ana' }, createdAt: '', updatedAt: '' };
const doc = (patch: Record<string, unknown> = {}) => ({ _id: 'ann:art:a1', _rev: '1-x', type: 'annotation', owner: 'ana', v: 1, articleId: 'art', annotation, ...patch });
const text = () => 'Some article text.';

describe('checkDeskDoc', () => {
  it('accepts a well-formed annotation document whose spans fit the article', async () => {
    expect(await checkDeskDoc(doc(), text)).toMatchObject({ ok: true });
  });

  it('refuses __proto__ keys (as JSON.parse leaves them) and the mark a copy leaves', async () => {
    const parsed = JSON.parse(JSON.stringify(doc()).replace('"annotation":{', '"annotation":{"__proto__":{"x":1},'));
    expect(await checkDeskDoc(parsed, text)).toEqual({ ok: false, problems: [{ where: '$.annotation.__proto__', message: 'is a forbidden key' }] });
    const copied = doc({ annotation: Object.assign(Object.create({ polluted: true }), annotation) });
    expect(await checkDeskDoc(copied, text)).toMatchObject({ ok: false, problems: [{ where: '$.annotation.__proto__' }] });
  });

  it('refuses spans out of range, an id that does not match, unknown fields and oversized documents', async () => {
    expect(await checkDeskDoc(doc({ annotation: { ...annotation, spans: [{ start: 2, end: 99 }] } }), text)).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/past the end of the text \(18\)/) }] });
    expect(await checkDeskDoc(doc({ _id: 'ann:art:other' }), text)).toMatchObject({ ok: false, problems: [{ where: '$._id' }] });
    expect(await checkDeskDoc(doc({ extra: 1 }), text)).toMatchObject({ ok: false });
    expect(await checkDeskDoc(doc({ annotation: { ...annotation, note: 'x'.repeat(12_000_001) } }), text)).toMatchObject({ ok: false, problems: [{ where: '$', message: expect.stringMatching(/characters long/) }] });
  });

  it('refuses an article whose text does not match its textHash', async () => {
    const article = { id: 'art', title: 'T', text: 'Some article text.', source: {}, textHash: await textHash('Some article text.'), createdAt: '', updatedAt: '' };
    const good = { _id: 'article:art', type: 'article', owner: 'ana', v: 1, sharedBy: { id: 'u1', name: 'Ana' }, sharedAt: '', article };
    expect(await checkDeskDoc(good)).toMatchObject({ ok: true });
    expect(await checkDeskDoc({ ...good, article: { ...article, text: 'Some altered text.' } })).toMatchObject({ ok: false, problems: [{ where: '$.article.textHash' }] });
  });
});
