// Proves the exact W3C Web Annotation JSON-LD produced for a shipped claim: context, body, and quote plus position selectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
// The .js suffix: without it tsx reads `.node` as a native addon; tsc maps it back to the .ts file.
import { loadAnnotations } from './load-annotations.node.js';
import { toWebAnnotation } from './to-web-annotation';

test('claim c7 of thread 000 as a Web Annotation', () => {
  const content = join(resolve(import.meta.dirname, '..', '..'), 'content');
  const claim = loadAnnotations(content)
    .find((l) => l.slug === 'write-cache-pages-stop-on-error')
    ?.annotation?.claims.find((c) => c.id === 'c7');
  assert.ok(claim);
  assert.deepEqual(toWebAnnotation(claim, 'https://t.example/a/write-cache-pages-stop-on-error/c7', 'https://t.example/raw/000'), {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://t.example/a/write-cache-pages-stop-on-error/c7',
    type: 'Annotation',
    motivation: 'describing',
    body: { type: 'TextualBody', value: claim.paraphrase, format: 'text/plain', purpose: 'describing' },
    target: {
      source: 'https://t.example/raw/000',
      selector: [
        { type: 'TextQuoteSelector', exact: 'That sounds like a bug in write_cache_pages()', prefix: 'ated pages have been processed. ', suffix: '. It sends pages one at a time t' },
        { type: 'TextPositionSelector', start: 562, end: 607 },
      ],
    },
  });
});
