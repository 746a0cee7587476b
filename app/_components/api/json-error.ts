// The API's error shape: every failure is JSON `{ error }` with an exact status, never an HTML page.

/** A JSON error response: `{ error, ...extra }` with `status`. */
export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status });
}

/**
 * A non-negative integer query parameter within [min, max], the default when absent, or an error
 * message naming the parameter (so `?limit=abc` is a 400, not a silent default).
 */
export function intParam(params: URLSearchParams, name: string, dflt: number, min: number, max: number): number | string {
  const raw = params.get(name);
  if (raw === null) return dflt;
  if (!/^\d{1,9}$/.test(raw)) return `${name} must be an integer from ${min} to ${max}`;
  const n = Number(raw);
  return n < min || n > max ? `${name} must be an integer from ${min} to ${max}` : n;
}
