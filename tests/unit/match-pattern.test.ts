import { describe, expect, it } from 'vitest';
import { isValidPattern, matchesPattern } from '@/lib/match-pattern';

describe('match patterns', () => {
  it.each([
    ['*://www.youtube.com/*', 'https://www.youtube.com/watch?v=1', true],
    ['*://www.youtube.com/*', 'http://www.youtube.com/', true],
    ['*://www.youtube.com/*', 'https://m.youtube.com/', false],
    ['*://www.youtube.com/*', 'ftp://www.youtube.com/', false],
    ['*://*.youtube.com/*', 'https://youtube.com/x', true],
    ['*://*.youtube.com/*', 'https://music.youtube.com/x', true],
    ['*://*.youtube.com/*', 'https://notyoutube.com/x', false],
    ['*://x.com/i/api/graphql/*', 'https://x.com/i/api/graphql/abc/FavoriteTweet', true],
    ['*://x.com/i/api/graphql/*', 'https://x.com/home', false],
    ['*://www.google.com/recaptcha/api2/*', 'https://www.google.com/recaptcha/api2/anchor?k=1', true],
    ['*://www.google.com/recaptcha/api2/*', 'https://www.google.com/search?q=recaptcha/api2/', false],
    ['https://x.com/*', 'not a url', false],
  ])('%s ~ %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it('rejects malformed patterns', () => {
    expect(isValidPattern('youtube.com')).toBe(false);
    expect(isValidPattern('https://www.youtube.com')).toBe(false);
    expect(isValidPattern('*://www.you*tube.com/*')).toBe(false);
    expect(isValidPattern('<all_urls>')).toBe(true);
  });
});
