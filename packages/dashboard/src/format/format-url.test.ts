import { describe, expect, it } from 'vitest';
import { displayUrl } from './format-url';

describe('displayUrl', () => {
  it('splits web URLs into host and path', () => {
    expect(displayUrl('https://shop.example:8443/cart?step=2#pay')).toEqual({
      host: 'shop.example:8443',
      path: '/cart?step=2#pay',
      safeHref: 'https://shop.example:8443/cart?step=2#pay',
    });
    expect(displayUrl('http://a.example')).toMatchObject({ host: 'a.example', path: '/' });
  });

  it('never offers a link for other schemes or junk', () => {
    expect(displayUrl('javascript:alert(1)')).toEqual({ host: '', path: 'javascript:alert(1)', safeHref: null });
    expect(displayUrl('data:text/html,<b>x</b>')?.safeHref).toBeNull();
    expect(displayUrl('not a url')).toEqual({ host: '', path: 'not a url', safeHref: null });
    expect(displayUrl(null)).toBeNull();
    expect(displayUrl('')).toBeNull();
  });
});
