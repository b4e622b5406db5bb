/**
 * The streaming path reports DuckDB's errors as JSON (`{"exception_type":"Parser",
 * "exception_message":"syntax error at …"}`); the console reads them as DuckDB prints them
 * ("Parser Error: syntax error at …").
 */
export function plainSqlError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(message) as { exception_type?: unknown; exception_message?: unknown };
    if (typeof parsed.exception_message === 'string')
      return new Error(
        `${typeof parsed.exception_type === 'string' ? `${parsed.exception_type} Error: ` : ''}${parsed.exception_message}`,
      );
  } catch {
    // Not JSON: DuckDB's own words already.
  }
  return error instanceof Error ? error : new Error(message);
}
