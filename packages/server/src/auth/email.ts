/** A pragmatic email check (something@domain.tld, no spaces): real validation is the invite link reaching them. */
export const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;
