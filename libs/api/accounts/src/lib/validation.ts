import { Transform } from 'class-transformer';

/** Trims strings (and lower-cases emails) before validation. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
export const NormaliseEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export const EMAIL_MAX = 254;
export const NAME_MAX = 200;
export const TOKEN_MAX = 200;
