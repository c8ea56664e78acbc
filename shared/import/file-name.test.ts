import { describe, expect, it } from 'vitest';
import { sourceFromFileName, withFileNameSource } from './file-name';

describe('outlet and date from a PolNeAR file name', () => {
  it('reads outlet_YYYY-MM-DD_slug', () => {
    expect(sourceFromFileName('nyt_2016-06-07_china-rebuts-american-criticism-.txt')).toEqual({ outlet: 'The New York Times', published: '2016-06-07' });
    expect(sourceFromFileName('/corpus/text/wash-post_2015-11-08_in-satirizing-the-elite-a-mexica.txt')).toEqual({ outlet: 'The Washington Post', published: '2015-11-08' });
    expect(sourceFromFileName('dailybugle_2024-02-29_spider.txt')).toEqual({ outlet: 'dailybugle', published: '2024-02-29' });
  });

  it('reads nothing from other names or impossible dates', () => {
    expect(sourceFromFileName('council-budget.txt')).toEqual({});
    expect(sourceFromFileName('notes_2016-06-07.txt')).toEqual({});
    expect(sourceFromFileName('nyt_2016-02-30_slug.txt')).toEqual({});
    expect(sourceFromFileName('2016-06-07_nyt_slug.txt')).toEqual({});
  });

  it('fills only what the file did not say', () => {
    expect(withFileNameSource('nyt_2016-06-07_x.txt', {})).toEqual({ outlet: 'The New York Times', published: '2016-06-07' });
    expect(withFileNameSource('nyt_2016-06-07_x.txt', { published: '2016-06-08T09:30' })).toEqual({ outlet: 'The New York Times', published: '2016-06-08T09:30' });
    expect(withFileNameSource('nyt_2016-06-07_x.txt', { outlet: 'NYT Magazine', url: 'https://example.org' })).toEqual({ outlet: 'NYT Magazine', published: '2016-06-07', url: 'https://example.org' });
  });
});
