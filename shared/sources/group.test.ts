import { describe, expect, it } from 'vitest';
import type { Annotation, Tag } from '../model/types';
import { articleSources } from './index';
import { splitCue } from './units';

const author = { id: 'a', name: 'A' };
let n = 0;
/** Tag the first occurrence after `from` of `words` in `text`. */
function tagger(text: string) {
  const out: Annotation[] = [];
  let from = 0;
  const tag = (t: Tag, words: string, extra: Partial<Annotation> = {}): string => {
    const start = text.indexOf(words, from);
    if (start < 0) throw new Error(`no "${words}"`);
    from = start + 1;
    const id = `x${++n}`;
    out.push({ id, tag: t, spans: [{ start, end: start + words.length }], note: '', links: [], author, createdAt: '', updatedAt: '', ...extra });
    return id;
  };
  return { out, tag };
}

const TEXT = 'Donald Trump said he won. Trump added it was big. Melania Trump said no. He said so. She said yes. It was reported that it rained. It was claimed that it snowed. Fox News reported a deal. The deal was off.';

describe('groupSources', () => {
  const { out, tag } = tagger(TEXT);
  const a1 = tag('attribution', 'Donald Trump said');
  tag('claim', 'he won', { links: [a1] });
  const a2 = tag('attribution', 'Trump added');
  tag('claim', 'it was big', { links: [a2] });
  tag('attribution', 'Melania Trump said');
  tag('attribution', 'He said');
  tag('attribution', 'She said');
  tag('attribution', 'It was reported');
  tag('attribution', 'It was claimed');
  tag('attribution', 'Fox News reported');
  tag('claim', 'The deal was off');

  it('puts name variants in one group, but not two people who share a surname', () => {
    const { groups } = articleSources(TEXT, out);
    const donald = groups.find((g) => g.label === 'Donald Trump')!;
    expect(donald.units.map((u) => u.words)).toEqual(['Donald Trump', 'Trump']);
    expect(donald.claimIds).toHaveLength(2);
    expect(groups.find((g) => g.label === 'Melania Trump')!.units).toHaveLength(1);
  });

  it('a lone surname joins the first full name that ends with it', () => {
    const { out: o, tag: t } = tagger('Donald Trump said x. Melania Trump said y. Trump said z.');
    t('attribution', 'Donald Trump said');
    t('attribution', 'Melania Trump said');
    t('attribution', 'Trump said');
    const groups = articleSources('Donald Trump said x. Melania Trump said y. Trump said z.', o).groups;
    expect(groups.map((g) => g.units.length)).toEqual([2, 1]);
  });

  it('leaves pronoun and passive sources ungrouped', () => {
    const { groups } = articleSources(TEXT, out);
    for (const label of ['He', 'She', 'It was reported', 'It was claimed']) expect(groups.filter((g) => g.label === label)).toHaveLength(1);
    expect(groups).toHaveLength(7);
  });

  it("the editor's group wins: merge a pronoun into a name, split a variant out", () => {
    const merged = out.map((a) => (TEXT.slice(a.spans[0]!.start, a.spans[0]!.end) === 'He said' ? { ...a, sourceGroup: 'name:donald trump' } : a));
    const g = articleSources(TEXT, merged).groups.find((x) => x.label === 'Donald Trump')!;
    expect(g.units.map((u) => u.words)).toEqual(['Donald Trump', 'Trump', 'He']);
    const split = out.map((a) => (a.id === a2 ? { ...a, sourceGroup: `own:${a2}` } : a));
    expect(articleSources(TEXT, split).groups.find((x) => x.label === 'Donald Trump')!.units).toHaveLength(1);
  });

  it("the editor's kind wins over the proposal", () => {
    const edited = out.map((a) => (a.id === a1 ? { ...a, sourceKind: 'organisation' as const } : a));
    const u = articleSources(TEXT, edited).units.find((x) => x.id === a1)!;
    expect(u.proposed.kind).toBe('person');
    expect(u.kind).toBe('organisation');
  });
});

describe('splitCue', () => {
  it.each([
    ['U.S. media reported', 'U.S. media', 'reported'],
    ['It was claimed', 'It', 'was claimed'],
    ['According to the source', 'the source', 'According to'],
    ['said Trump', 'Trump', 'said'],
    ["Trump's announcement", "Trump's announcement", ''],
  ])('%s', (s, words, cue) => expect(splitCue(s)).toEqual({ words, cue }));
});
