// Plain-JSON shapes of the invariant and subsystem catalogues.

/** An invariant as the catalogue describes it; `predicate` is the engine's name for the check. */
export interface Invariant {
  id: string;
  title: string;
  predicate: string;
  kind: 'safety' | 'design' | 'precondition' | 'oracle';
  subsystems: string[];
  /** Related claims as `<thread-slug>#<claim-id>`. */
  claims: string[];
  statement: string;
  variants: string;
}

/** A kernel subsystem as the catalogue describes it, with the files and functions worth knowing. */
export interface Subsystem {
  id: string;
  title: string;
  files: string[];
  functions: string[];
  threads: string[];
  description: string;
}
