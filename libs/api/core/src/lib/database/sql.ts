/** Rows of an `UPDATE/DELETE ... RETURNING` raw query (TypeORM's postgres driver returns `[rows, count]` for those). */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}
