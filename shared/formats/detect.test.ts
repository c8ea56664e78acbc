import { describe, expect, it } from 'vitest';
import { detectAnnotationFormat } from './detect';

describe('detectAnnotationFormat', () => {
  it('goes by the extension first', () => {
    expect(detectAnnotationFormat('story_4b22.ann', '')).toBe('brat');
    expect(detectAnnotationFormat('rows.CSV', '{}')).toBe('csv');
    expect(detectAnnotationFormat('a.jsonl', '{"format":"newsmark"}')).toBe('w3c');
    expect(detectAnnotationFormat('a.jsonld', '')).toBe('w3c');
  });

  it('then by the content', () => {
    expect(detectAnnotationFormat('x.json', '{ "format": "newsmark", "version": 1 }')).toBe('newsmark');
    expect(detectAnnotationFormat('x.json', '{"@context":"http://www.w3.org/ns/anno.jsonld"}')).toBe('w3c');
    expect(detectAnnotationFormat('export', '\uFEFF[1]')).toBe('newsmark');
    expect(detectAnnotationFormat('export', 'T1\tSource 0 5\tThe P')).toBe('brat');
    expect(detectAnnotationFormat('export', '\uFEFFid,tag,fragment')).toBe('csv');
    expect(detectAnnotationFormat('notes', 'just some words')).toBeNull();
  });
});
