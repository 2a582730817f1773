/** A unique index refused the row (SQLSTATE 23505), on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}

/** PostgreSQL aborted this transaction to break a deadlock (it is safe to run the whole transaction again). */
export function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '40P01') return true;
  }
  return false;
}
