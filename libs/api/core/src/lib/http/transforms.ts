import { Transform } from 'class-transformer';

/** Trims strings before validation. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
/** Trims strings and turns an empty one into null (optional text fields the form may clear). */
export const TrimToNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));
