// Stable addresses of the catalogues: invariants and subsystems are named by their catalogue id.

/** The page of one invariant. */
export function invariantUrl(id: string): string {
  return `/inv/${encodeURIComponent(id)}`;
}

/** The page of one subsystem. */
export function subsystemUrl(id: string): string {
  return `/sub/${encodeURIComponent(id)}`;
}

/** The page of one scenario, optionally at a variant. */
export function scenarioUrl(thread: string, id: string, variant?: string): string {
  const base = `/s/${encodeURIComponent(thread)}/${encodeURIComponent(id)}`;
  return variant === undefined ? base : `${base}?v=${encodeURIComponent(variant)}`;
}
