/** Whether an error from localStorage's setItem says the storage is full (persistence.ts words it for the learner). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown };
  // QuotaExceededError (code 22); Firefox's older NS_ERROR_DOM_QUOTA_REACHED (code 1014).
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014;
}
