import { describe, expect, it } from 'vitest';
import { safeUrl } from './safe-url';

describe('safeUrl', () => {
  it.each(['https://example.com/a?b=c#d', 'HTTP://EXAMPLE.COM', 'mailto:someone@example.com'])(
    'keeps %s',
    (url) => {
      expect(safeUrl(url)).toBe(url);
    },
  );

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'https:evil.example',
    '//evil.example/x',
    '/relative',
    '#fragment',
    'ftp://example.com',
  ])('drops %s', (url) => {
    expect(safeUrl(url)).toBe('');
  });
});
