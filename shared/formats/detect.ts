/** The annotation formats Newsmark reads. */
export type AnnotationFormat = 'newsmark' | 'w3c' | 'brat' | 'csv';

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * An annotation file's format, from its extension, then from its first few kilobytes; null
 * when neither tells. One rule for the app's imports, review and the command line.
 */
export function detectAnnotationFormat(name: string, content: string): AnnotationFormat | null {
  const ext = extensionOf(name);
  if (ext === 'ann') return 'brat';
  if (ext === 'csv') return 'csv';
  if (ext === 'jsonl' || ext === 'jsonld') return 'w3c';
  const head = content.slice(0, 4096);
  if (/"format"\s*:\s*"newsmark"/.test(head)) return 'newsmark';
  if (/"@context"|"AnnotationCollection"|"motivation"/.test(head)) return 'w3c';
  if (ext === 'json' || /^\uFEFF?\s*[{[]/.test(head)) return 'newsmark';
  if (/^T\d+\t/m.test(head)) return 'brat';
  if (/^\uFEFF?id,tag,/i.test(head)) return 'csv';
  return null;
}
