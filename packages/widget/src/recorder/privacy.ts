/**
 * What never leaves the page. rrweb's own classes (rr-block: not recorded at all, rr-ignore: no input events,
 * rr-mask: text masked) plus, without any markup: passwords, hidden inputs, and fields whose autocomplete token
 * says card data, one-time codes or passwords. `maskAllInputs` masks every field.
 */

const SENSITIVE_AUTOCOMPLETE = /(^|\s)(cc-[a-z-]+|one-time-code|current-password|new-password)(\s|$)/i;

// Every input type goes through maskInputFn, which then decides per element (rrweb only calls it for the
// types listed here).
const ALL_INPUT_TYPES = [
  'color',
  'date',
  'datetime-local',
  'email',
  'month',
  'number',
  'range',
  'search',
  'tel',
  'text',
  'time',
  'url',
  'week',
  'textarea',
  'select',
  'password',
  'hidden',
] as const;

/** Whether a field's value must be masked in the recording. */
export function isSensitiveField(element: HTMLElement | null | undefined, maskAllInputs: boolean): boolean {
  if (maskAllInputs || !element) return true; // no element: err on the side of masking
  const input = element as HTMLInputElement;
  const type = (input.type || '').toLowerCase();
  if (type === 'password' || type === 'hidden') return true;
  if (SENSITIVE_AUTOCOMPLETE.test(input.getAttribute?.('autocomplete') ?? '')) return true;
  // An ignored or masked field's current value would still be serialized in the next full snapshot.
  return element.closest?.('.rr-ignore,.rr-mask,.rr-block') != null;
}

/** The privacy part of rrweb's record() options. */
export function privacyOptions(maskAllInputs: boolean) {
  return {
    blockClass: 'rr-block',
    ignoreClass: 'rr-ignore',
    maskTextClass: 'rr-mask',
    maskInputOptions: Object.fromEntries(ALL_INPUT_TYPES.map((type) => [type, true])),
    maskInputFn: (text: string, element: HTMLElement) =>
      isSensitiveField(element, maskAllInputs) ? '*'.repeat(text.length) : text,
  };
}
