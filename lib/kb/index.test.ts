// Pins lib/kb's public API: the exact runtime exports of the pure door and of the Node door.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as kb from './index';
import * as kbNode from './node';

test('the pure door exports exactly these values', () => {
  assert.deepEqual(Object.keys(kb).sort(), [
    'ANCHOR_CONTEXT_CHARS', 'ANCHOR_MIN_QUOTE_SIMILARITY', 'ANCHOR_ORPHAN_THRESHOLD', 'CLAIM_KINDS', 'CLAIM_STATES',
    'REPLAYABLE_KINDS', 'anchorFor', 'checkAnchors', 'checkCatalogueReferences', 'checkScenarioLinks', 'citeClaim', 'citeScenario',
    'completeAnchors', 'messageIdPath', 'normalizeForAnchoring', 'normalizeWithOffsets', 'parseAnnotation',
    'parseInvariant', 'parseSubsystem', 'resolveAnchor', 'toWebAnnotation',
  ]);
  assert.equal(kb.ANCHOR_ORPHAN_THRESHOLD, 0.75);
  assert.deepEqual(kb.CLAIM_KINDS, ['bug-report', 'root-cause', 'proposed-fix', 'objection', 'hypothesis', 'question', 'design-principle']);
});

test('the Node door exports exactly the loaders', () => {
  assert.deepEqual(Object.keys(kbNode).sort(), ['completeAllAnchors', 'loadAnnotations', 'loadInvariants', 'loadSubsystems']);
});
