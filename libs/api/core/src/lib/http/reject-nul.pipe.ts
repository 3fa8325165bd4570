import { Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../errors/domain-errors';

/**
 * PostgreSQL text cannot hold U+0000; such input is never meaningful here. Rejects it (anywhere in a body, query or
 * route parameter) with a 400 before it reaches validation or the database.
 */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown): unknown {
    if (containsNul(value, 0)) throw new InvalidInputError('errors.nul');
    return value;
  }
}

function containsNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}
