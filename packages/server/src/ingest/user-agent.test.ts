import { expect, it } from 'vitest';
import { parseUserAgent } from './user-agent';

const cases: [string, ReturnType<typeof parseUserAgent>][] = [
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    { browser: 'Safari 17', os: 'macOS', device: 'desktop' },
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    { browser: 'Safari 17', os: 'iOS', device: 'mobile' },
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
    { browser: 'Chrome 124', os: 'Android', device: 'mobile' },
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
    { browser: 'Edge 124', os: 'Windows', device: 'desktop' },
  ],
  [
    'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
    { browser: 'Firefox 125', os: 'Linux', device: 'desktop' },
  ],
  [
    'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1',
    { browser: 'Chrome 124', os: 'iOS', device: 'tablet' },
  ],
  ['Googlebot/2.1 (+http://www.google.com/bot.html)', { browser: null, os: null, device: 'bot' }],
];

it.each(cases)('reads %s', (userAgent, expected) => {
  expect(parseUserAgent(userAgent)).toEqual(expected);
});

it('answers nulls without a user agent', () => {
  expect(parseUserAgent(null)).toEqual({ browser: null, os: null, device: null });
});
