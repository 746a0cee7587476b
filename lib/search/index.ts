// Search queries: the pure parser of the lore-style query language and its FTS5 compilation.
export { parseQuery, toFtsMatch, toFtsMatchIn, hasKbFilters, QueryError, PREFIXES } from './parse-query';
export type { QueryPlan, QueryTerm, PrefixSpec, FtsColumns, KbFilters, VerdictFilter, ClaimFilter } from './parse-query';
