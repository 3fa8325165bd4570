import { type MessageKey, translate } from '@scs/api/core';

// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character alphabet
// (digits and upper-case letters without I, O, S, V, Z); the 18th is a check character over the first 17.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]; // 3^i mod 31
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character for the first 17 characters of a code. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`Invalid USCC character '${first17[i]}'`);
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a code is not a valid USCC (a message key), or null when it is. Callers upper-case the input first. */
export function usccProblemKey(code: string): MessageKey | null {
  if (code.length !== 18) return 'validation.uscc.length';
  if (!FORMAT.test(code)) return 'validation.uscc.characters';
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return 'validation.uscc.checkCharacter';
  return null;
}

/** Why a code is not a valid USCC (in English), or null when it is. */
export function usccProblem(code: string): string | null {
  const key = usccProblemKey(code);
  return key ? translate(key) : null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}
