import { describe, expect, it } from 'vitest';
import { isSensitiveField, privacyOptions } from './privacy';

function field(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.querySelector('#f') as HTMLElement;
}

describe('privacy defaults', () => {
  it('masks passwords, hidden inputs and card / one-time-code / password autocomplete fields without markup', () => {
    for (const html of [
      '<input id="f" type="password">',
      '<input id="f" type="hidden">',
      '<input id="f" autocomplete="cc-number">',
      '<input id="f" autocomplete="billing cc-exp-month">',
      '<input id="f" autocomplete="cc-csc">',
      '<input id="f" autocomplete="one-time-code">',
      '<input id="f" autocomplete="current-password">',
      '<input id="f" autocomplete="new-password">',
    ]) {
      expect(isSensitiveField(field(html), false), html).toBe(true);
    }
  });

  it('masks fields inside rr-ignore, rr-mask and rr-block, and every field with maskAllInputs', () => {
    expect(isSensitiveField(field('<input id="f" class="rr-ignore">'), false)).toBe(true);
    expect(isSensitiveField(field('<p class="rr-mask"><input id="f"></p>'), false)).toBe(true);
    expect(isSensitiveField(field('<div class="rr-block"><textarea id="f"></textarea></div>'), false)).toBe(true);
    expect(isSensitiveField(field('<input id="f" autocomplete="name">'), true)).toBe(true);
  });

  it('records ordinary fields as typed', () => {
    expect(isSensitiveField(field('<input id="f" autocomplete="name">'), false)).toBe(false);
    expect(isSensitiveField(field('<input id="f" type="email">'), false)).toBe(false);
    const { maskInputFn, maskInputOptions, blockClass, ignoreClass, maskTextClass } = privacyOptions(false);
    expect({ blockClass, ignoreClass, maskTextClass }).toEqual({
      blockClass: 'rr-block',
      ignoreClass: 'rr-ignore',
      maskTextClass: 'rr-mask',
    });
    expect(maskInputOptions.text && maskInputOptions.password && maskInputOptions.textarea).toBe(true);
    expect(maskInputFn('hello', field('<input id="f">'))).toBe('hello');
    expect(maskInputFn('4111', field('<input id="f" autocomplete="cc-number">'))).toBe('****');
  });
});
