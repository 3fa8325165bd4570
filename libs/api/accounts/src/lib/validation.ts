import { Transform } from 'class-transformer';

/** Trims and lower-cases emails before validation (plain trimming: Trim in @scs/api/core). */
export const NormaliseEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export const EMAIL_MAX = 254;
export const NAME_MAX = 200;
export const TOKEN_MAX = 200;
