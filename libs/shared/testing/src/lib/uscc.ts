const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A valid unified social credit code (GB 32100-2015) built from `n`: 17 characters and the matching check character.
 * `region` is the six-digit administrative division code (default Shanghai).
 */
export function usccFor(n: number, region = '310000'): string {
  const body = `91${region}MA${String(n).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body[i] ?? '') * (WEIGHTS[i] ?? 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}
