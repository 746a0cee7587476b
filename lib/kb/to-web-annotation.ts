import type { Claim, TextPositionSelector, TextQuoteSelector } from './types';

/** A claim as a W3C Web Annotation (JSON-LD), for export and for other annotation tools. */
export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'describing';
  body: { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'describing' };
  target: { source: string; selector: (TextQuoteSelector | TextPositionSelector)[] };
}

/**
 * Turns a claim into a W3C Web Annotation whose target is `source` (the seed page's URL). The
 * selectors apply to the page's normalised text (see normalizeForAnchoring), as the threadlab
 * README states; a consumer anchoring on raw text should use the quote selector first.
 */
export function toWebAnnotation(claim: Claim, id: string, source: string): WebAnnotation {
  const selector: (TextQuoteSelector | TextPositionSelector)[] = [{ ...claim.anchor.quote }];
  if (claim.anchor.position !== null) selector.push({ ...claim.anchor.position });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    motivation: 'describing',
    body: { type: 'TextualBody', value: claim.paraphrase, format: 'text/plain', purpose: 'describing' },
    target: { source, selector },
  };
}
