import { describe, expect, it } from 'vitest';
import { openExternalLink, vetExternalLink } from './external-links';

describe('vetExternalLink', () => {
  it('lets http and https through, as the URL that will be opened', () => {
    expect(vetExternalLink('https://news.example/maduro-call?x=1#top')).toEqual({ ok: true, url: 'https://news.example/maduro-call?x=1#top' });
    expect(vetExternalLink('HTTP://News.Example')).toEqual({ ok: true, url: 'http://news.example/' });
  });

  it.each([
    ['file:///etc/passwd', /file: are not opened/],
    ['javascript:alert(1)', /javascript: are not opened/],
    ['smb://server/share', /smb: are not opened/],
    ['ms-msdt:/id PCWDiagnostic', /ms-msdt: are not opened/],
    ['app://newsmark/index.html', /app: are not opened/],
    ['https://user:secret@news.example/', /user name or password/],
    ['not a url', /not a valid web address/],
    [`https://news.example/${'a'.repeat(5000)}`, /longer than 4096/],
  ])('refuses %s', (url, reason) => {
    const vetted = vetExternalLink(url);
    expect(vetted.ok).toBe(false);
    expect(!vetted.ok && vetted.reason).toMatch(reason);
  });
});

describe('openExternalLink', () => {
  const ports = (answer: boolean) => {
    const log: string[] = [];
    return {
      log,
      ports: {
        confirm: async (url: string) => (log.push(`confirm ${url}`), answer),
        open: async (url: string) => void log.push(`open ${url}`),
        refuse: (raw: string, reason: string) => void log.push(`refuse ${raw}: ${reason}`),
      },
    };
  };

  it('shows the exact URL first and opens it only when confirmed', async () => {
    const yes = ports(true);
    expect(await openExternalLink('https://news.example/a b', yes.ports)).toBe('opened');
    expect(yes.log).toEqual(['confirm https://news.example/a%20b', 'open https://news.example/a%20b']);
    const no = ports(false);
    expect(await openExternalLink('https://news.example/', no.ports)).toBe('cancelled');
    expect(no.log).toEqual(['confirm https://news.example/']);
  });

  it('never asks about, or opens, a link it refuses', async () => {
    const p = ports(true);
    expect(await openExternalLink('file:///Users/ana/secrets.txt', p.ports)).toBe('refused');
    expect(p.log).toEqual(['refuse file:///Users/ana/secrets.txt: links starting with file: are not opened; only http:// and https://']);
  });
});
