import type { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '@scs/api/core';
import { Assessment } from './assessment.entity';

/** Locks a draft for the rest of the transaction; a missing assessment is 404, a submitted one 409 (read-only). */
export async function lockDraft(
  m: EntityManager,
  id: string,
  mode: 'pessimistic_read' | 'pessimistic_write',
): Promise<Assessment> {
  const a = await m.findOne(Assessment, { where: { id }, lock: { mode } });
  if (!a) throw new NotFoundError('errors.assessment.notFound');
  if (a.status !== 'draft') throw new ConflictError('errors.assessment.readOnly');
  return a;
}
