import { describe, expect, it } from 'vitest';
import { quoted } from './format';

describe('quoted', () => {
  it('puts plain words in curly quotes', () => expect(quoted('The Battle Against Hillary')).toBe('“The Battle Against Hillary”'));
  it('leaves a quote that brings its own marks alone', () => {
    expect(quoted('“We will win,”')).toBe('“We will win,”');
    expect(quoted('"Venezuela\'s airspace is closed"')).toBe('"Venezuela\'s airspace is closed"');
    expect(quoted('“We will win,” … “and win big.”')).toBe('“We will win,” … “and win big.”');
    expect(quoted('“A long quote that was cut…')).toBe('“A long quote that was cut…');
  });
  it('quotes words that only open with a mark', () => expect(quoted('“We will')).toBe('““We will”'));
});
