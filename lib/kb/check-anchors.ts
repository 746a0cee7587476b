import type { KbDiagnostic, ThreadAnnotation } from './types';
import { normalizeWithOffsets } from './normalize-for-anchoring';
import { resolveAnchor } from './resolve-anchor';

/**
 * Resolves every claim's anchor against the seed page and reports each one that is not exact at
 * its recorded position: shipped annotations must anchor exactly (fuzzy is for edited sources).
 */
export function checkAnchors(annotation: ThreadAnnotation, seedText: string, file: string): KbDiagnostic[] {
  const text = normalizeWithOffsets(seedText);
  const out: KbDiagnostic[] = [];
  for (const claim of annotation.claims) {
    const r = resolveAnchor(claim.anchor, text);
    const where = { file, line: claim.line, claim: claim.id, field: 'quote' };
    if (r.status !== 'exact') {
      out.push({ ...where, ruleId: `anchor-${r.status}`, reason: `the quote resolves ${r.status} (score ${r.score}) in ${annotation.seed}` });
    } else if (claim.anchor.position === null) {
      out.push({ ...where, field: 'position', ruleId: 'anchor-position-missing', reason: 'no position hint; run the anchor completion' });
    } else if (claim.anchor.position.start !== r.start || claim.anchor.position.end !== r.end) {
      out.push({ ...where, field: 'position', ruleId: 'anchor-position-drift', reason: `found at ${r.start}-${r.end}, recorded ${claim.anchor.position.start}-${claim.anchor.position.end}` });
    }
  }
  return out;
}
