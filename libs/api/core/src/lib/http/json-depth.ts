/** Deeper JSON than this is refused before parsing: no request of this API nests more than a few levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * body-parser `verify` hook: one pass over the raw bytes counting open brackets outside strings, before JSON.parse and
 * validation (whose recursion a 200 kB body of brackets overflows). Throws a 400 the exception filter passes on.
 */
export function rejectDeepJson(_req: unknown, _res: unknown, buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), {
          status: 400,
          statusCode: 400,
          type: 'entity.too.deep',
        });
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}
