import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBrat } from '../../../shared/formats/brat';
import { isDirectQuote, quotedMask } from '../../../shared/formats/direct-quote';
import { POLNEAR } from '../../corpus/paths';

/** The characters of `text` the mask marks as quoted, joined; '|' between stretches. */
function quoted(text: string): string {
  const m = quotedMask(text);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (m[i]) out += text[i];
    else if (i > 0 && m[i - 1]) out += '|';
  }
  return out.replace(/\|$/, '');
}

const whole = (text: string, part: string) => {
  const start = text.indexOf(part);
  return isDirectQuote(text, [{ start, end: start + part.length }]);
};

describe('quotedMask: every quotation-mark convention of the corpus', () => {
  it.each([
    ['curly double', '“We will win,” he said.', '“We will win,”'],
    ['straight double', '"We will win," he said.', '"We will win,"'],
    ['two apostrophes (NYT)', "''At that time, the whole world applauded,'' he said.", "''At that time, the whole world applauded,''"],
    ['backticks and apostrophes', "``We will win,'' he said.", "``We will win,''"],
    ['guillemets', '«Nous gagnerons», a-t-il dit.', '«Nous gagnerons»'],
    ['single guillemets', '‹Wir siegen›, sagte er.', '‹Wir siegen›'],
    ['German low-high', '„Wir siegen“, sagte er.', '„Wir siegen“'],
    ['curly single', 'Headline: Trump Calls Rival ‘A Disgusting Fraud’', '‘A Disgusting Fraud’'],
    ['straight single', "He said 'be the voice' and left.", "'be the voice'"],
  ])('%s', (_name, text, expected) => {
    expect(quoted(text)).toBe(expected);
  });

  it('reads quotes nested in quotes without closing the outer one early', () => {
    expect(quoted("''He told me, 'Meh, we can put this off,' and laughed,'' she said.")).toBe("''He told me, 'Meh, we can put this off,' and laughed,''");
    expect(quoted('"PENCE: She thinks this is “Shark Tank.” But this is America." He left.')).toBe('"PENCE: She thinks this is “Shark Tank.” But this is America."');
    expect(quoted('“He said ‘no’ twice.” Then more.')).toBe('“He said ‘no’ twice.”');
  });

  it('leaves apostrophes alone', () => {
    expect(quoted("It's the voters' choice, and Clinton's plan doesn't change the '80s.")).toBe('');
    expect(quoted('It’s the voters’ choice in the ’80s.')).toBe('');
    expect(quoted("''It's anti-reform. She's layering,'' he said.")).toBe("''It's anti-reform. She's layering,''");
  });

  it('runs a double quote left open to the end of its paragraph, a single one not', () => {
    expect(quoted('“We will win, and win big.\nHe left.')).toBe('“We will win, and win big.');
    expect(quoted("''We will win, and win big.\nHe left.")).toBe("''We will win, and win big.");
    expect(quoted("Critics say 'it fails.\nHe left.")).toBe('');
  });

  it('tells a quotation from a paraphrase with a few quoted words in every convention', () => {
    for (const [o, c] of [['“', '”'], ['"', '"'], ["''", "''"], ['«', '»']] as const) {
      const text = `${o}At that time, the whole world applauded,${c} he said. Officials want to ${o}keep it quiet${c} for now and wait for the vote.`;
      expect(whole(text, `${o}At that time, the whole world applauded,${c}`), o).toBe(true);
      expect(whole(text, `Officials want to ${o}keep it quiet${c} for now and wait for the vote.`), o).toBe(false);
    }
  });
});

/** Every .ann in the vendored PolNeAR subset with its .txt and outlet. */
function corpus(): { split: string; file: string; outlet: string; text: string; ann: string }[] {
  const out = [];
  for (const split of ['dev', 'train-multi', 'annotator-training']) {
    for (const file of fs.readdirSync(path.join(POLNEAR, split, 'attributions')).sort()) {
      const article = file.replace(/_[^_]+\.ann$/, '');
      out.push({
        split,
        file,
        outlet: article.split('_')[0]!,
        text: fs.readFileSync(path.join(POLNEAR, split, 'text', `${article}.txt`), 'utf8'),
        ann: fs.readFileSync(path.join(POLNEAR, split, 'attributions', file), 'utf8'),
      });
    }
  }
  return out;
}

describe('PolNeAR Content → quote or claim, on every vendored file', () => {
  const files = corpus();
  const perOutlet = new Map<string, { quotes: number; claims: number }>();
  const perFile = new Map<string, number>();
  for (const f of files) {
    const r = importBrat(f.text, f.ann, { now: '2025-12-01T12:00:00.000Z', idFor: (t) => t });
    const c = perOutlet.get(f.outlet) ?? { quotes: 0, claims: 0 };
    const quotes = r.annotations.filter((a) => a.tag === 'quote').length;
    c.quotes += quotes;
    c.claims += r.annotations.filter((a) => a.tag === 'claim').length;
    perOutlet.set(f.outlet, c);
    perFile.set(`${f.split}/${f.file}`, quotes);
  }

  it('finds quotes in every outlet, in proportions of the outlets’ own conventions', () => {
    expect([...perOutlet.keys()].sort()).toEqual(['breitbart', 'huff-post', 'nyt', 'politico', 'usa-today', 'wash-post', 'west-journal']);
    for (const [outlet, c] of perOutlet) {
      expect(c.quotes, outlet).toBeGreaterThan(0);
      // direct quotation is a large share of attributed content in every outlet
      expect(c.quotes / (c.quotes + c.claims), outlet).toBeGreaterThan(0.1);
    }
    // NYT writes ''…'': before these marks were read, NYT had 57 quotes to 1101 claims
    expect(perOutlet.get('nyt')!.quotes).toBeGreaterThan(200);
  });

  it('imports every annotator of the multi-annotator NYT articles with quotes', () => {
    const nyt = [...perFile].filter(([name]) => name.startsWith('train-multi/nyt_'));
    expect(nyt.length).toBe(18);
    for (const [name, quotes] of nyt) expect(quotes, name).toBeGreaterThanOrEqual(5);
  });
});
