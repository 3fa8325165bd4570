/** A return URL from a query parameter, if it is a path of this site (never another origin). */
export function safeReturnUrl(value: string | null | undefined, fallback = '/'): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}
