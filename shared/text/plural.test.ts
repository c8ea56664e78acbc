import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('says the count with the right word', () => {
    expect(plural(0, 'file')).toBe('0 files');
    expect(plural(1, 'file')).toBe('1 file');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(1204, 'annotation')).toBe('1,204 annotations');
  });
});
