import { parseDateline } from '../article/head';
import type { ArticleSource } from '../model/types';

/**
 * Outlet and date from a file named `outlet_YYYY-MM-DD_slug.txt`, as PolNeAR names its
 * articles (`nyt_2016-06-07_china-rebuts-american-criticism-.txt`). Used only for what the
 * file itself does not say. Known PolNeAR outlet codes become the outlet's name; another
 * code is kept as written.
 */
const OUTLETS: Readonly<Record<string, string>> = {
  nyt: 'The New York Times',
  'wash-post': 'The Washington Post',
  'usa-today': 'USA Today',
  'huff-post': 'HuffPost',
  breitbart: 'Breitbart',
  politico: 'Politico',
  'west-journal': 'Western Journal',
};

const NAME = /^([a-z][a-z0-9-]*)_(\d{4}-\d{2}-\d{2})_[^_]/i;

export function sourceFromFileName(fileName: string): Pick<ArticleSource, 'outlet' | 'published'> {
  const base = fileName.replace(/^.*[\\/]/, '');
  const m = NAME.exec(base);
  if (!m) return {};
  const published = parseDateline(m[2]!);
  if (!published) return {};
  const code = m[1]!.toLowerCase();
  return { outlet: OUTLETS[code] ?? m[1]!, published };
}

/** `source` with outlet and published filled from the file name where it has none. */
export function withFileNameSource(fileName: string, source: ArticleSource): ArticleSource {
  const fromName = sourceFromFileName(fileName);
  return {
    ...source,
    ...(source.outlet || !fromName.outlet ? {} : { outlet: fromName.outlet }),
    ...(source.published || !fromName.published ? {} : { published: fromName.published }),
  };
}
