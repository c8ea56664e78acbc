import { describe, expect, it } from 'vitest';
import { importBrat } from './brat';
import { parseBratLine } from './brat-lines';

const TEXT = 'The mayor said no.';

describe('a brat line with a bad span', () => {
  it('names its T id, whatever is wrong with the span', () => {
    const message = (raw: string) => {
      const r = parseBratLine(raw, 1);
      return r.ok ? null : r.message;
    };
    expect(message('T4 Cue 10 14 said')).toMatch(/^T4: no tab after the id/);
    expect(message('T4\tCue 10 14 said')).toMatch(/^T4: bad type and offsets "Cue 10 14 said"/);
    expect(message('T4\tCue 10;14\tsaid')).toMatch(/^T4: bad type and offsets/);
    expect(message('T4\tCue 10 99999999999999999999\tsaid')).toBe('T4: offset is too large');
    expect(message('T4\tCue 10 14')).toBe('T4: no tab before the span text');
    expect(message('Tx\tCue 1 2\tx')).toMatch(/^expected "T<n>/);
  });

  it('is reported on its own line of the file', () => {
    const r = importBrat(TEXT, 'T1\tSource 0 9\tThe mayor\n\nT2 Cue 10 14 said\nT3\tCue 10 40\tsaid\n', { now: '2025-12-01T12:00:00.000Z' });
    expect(r.problems.map((p) => `${p.where}: ${p.message.split(':')[0]}`)).toEqual(['line 3: T2', 'line 4: T3']);
  });
});
