// Proves the annotation format: a small file parses to the exact JSON shape, and each kind of mistake becomes a diagnostic naming file, line, claim and field instead of an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnnotation } from './parse-annotation';

const FRONT = `---
thread: demo-thread
title: "Demo"
subject: "Re: [PATCH] demo"
lists: [linux-xfs@vger.kernel.org]
dates: { first: "2018-10-31", last: "2018-11-01" }
seed: 000_demo.txt
participants: [Brian Foster, Dave Chinner]
patch: { subject: "[PATCH] demo", author: Brian Foster, date: "2018-10-31" }
outcome:
  summary: Fixed generically.
  commits:
    - { id: 3fa750dcf29e8606e3969d13d8e188cc1c0f511d, subject: "mm/page-writeback.c: don't break integrity writeback on ->writepage() error" }
subsystems: [writeback, xfs]
messages:
  - { speaker: Dave Chinner, date: "2018-11-01", depth: 0, messageId: demo@example.org }
  - { speaker: Brian Foster, date: "2018-10-31", depth: 1 }
---
`;

const CLAIMS = `
## Summary

Brian reports; Dave answers.

## Claims

### c1 — Integrity writeback stops early

- speaker: Brian Foster
- kind: bug-report
- message: Brian Foster, 2018-10-31
- depth: 1
- status: landed 3fa750dcf29e
- quote: "returns before all associated pages"
- prefix: "for example, "
- suffix: " have been"
- position: 10-45
- scenario: wcp-sync-all @ v4.19 => integrity-writeback-visits-all-dirty-pages: violated always (supports)

The loop gives up at the first *error* under \`WB_SYNC_ALL\`.

### c2 — A bug in write_cache_pages()

- speaker: Dave Chinner
- kind: root-cause
- message: Dave Chinner, 2018-11-01 <demo@example.org>
- depth: 0
- answers: c1
- status: asserted
- quote: "ret = (*writepage)(page, wbc, data);"
- scenario-pending: flip wcp_error_policy only
`;

const TAIL = `
The generic loop is at fault.
`;

test('a well-formed file parses to the exact JSON shape', () => {
  const r = parseAnnotation(FRONT + CLAIMS + TAIL, 'content/threads/demo-thread/annotations.md');
  assert.deepEqual(r.diagnostics, []);
  assert.ok(r.value !== null);
  const { claims, ...front } = r.value;
  assert.equal(front.summary, 'Brian reports; Dave answers.');
  assert.deepEqual(front.messages[0], { speaker: 'Dave Chinner', date: '2018-11-01', depth: 0, messageId: 'demo@example.org', approximate: false });
  assert.deepEqual(front.patch, { subject: '[PATCH] demo', author: 'Brian Foster', date: '2018-10-31', messageId: null });
  assert.deepEqual(claims, [
    {
      id: 'c1',
      title: 'Integrity writeback stops early',
      speaker: 'Brian Foster',
      kind: 'bug-report',
      message: { speaker: 'Brian Foster', date: '2018-10-31', messageId: null },
      depth: 1,
      answers: [],
      status: { state: 'landed', commit: '3fa750dcf29e', note: null },
      anchor: {
        quote: { type: 'TextQuoteSelector', exact: 'returns before all associated pages', prefix: 'for example, ', suffix: ' have been' },
        position: { type: 'TextPositionSelector', start: 10, end: 45 },
      },
      paraphrase: 'The loop gives up at the first error under WB_SYNC_ALL.',
      scenarios: [{ scenario: 'wcp-sync-all', variant: 'v4.19', invariant: 'integrity-writeback-visits-all-dirty-pages', verdict: 'always', relation: 'supports' }],
      scenarioPending: null,
      notReplayable: null,
      line: 26,
    },
    {
      id: 'c2',
      title: 'A bug in write_cache_pages()',
      speaker: 'Dave Chinner',
      kind: 'root-cause',
      message: { speaker: 'Dave Chinner', date: '2018-11-01', messageId: 'demo@example.org' },
      depth: 0,
      answers: ['c1'],
      status: { state: 'asserted', commit: null, note: null },
      // Raw source, so the `*` of kernel code survives markdown.
      anchor: { quote: { type: 'TextQuoteSelector', exact: 'ret = (*writepage)(page, wbc, data);', prefix: '', suffix: '' }, position: null },
      paraphrase: 'The generic loop is at fault.',
      scenarios: [],
      scenarioPending: 'flip wcp_error_policy only',
      notReplayable: null,
      line: 41,
    },
  ]);
  assert.deepEqual(JSON.parse(JSON.stringify(r.value)), r.value);
});

function problems(source: string): string[] {
  return parseAnnotation(source, 'x.md').diagnostics.map((d) => `${d.file}:${d.line} ${d.claim ?? '-'} ${d.field ?? '-'} ${d.ruleId}`);
}

test('field mistakes name file, line, claim and field; the bad claim is dropped, the good one kept', () => {
  const bad = CLAIMS.replace('- kind: root-cause', '- kind: rant')
    .replace('- depth: 0', '- depth: zero')
    .replace('- answers: c1', '- answers: c1, c9')
    .replace('- status: asserted', '- status: landed')
    .replace('- scenario-pending: flip wcp_error_policy only', '- colour: blue');
  assert.deepEqual(problems(FRONT + bad + TAIL), [
    'x.md:50 c2 colour unknown-field',
    'x.md:44 c2 kind field-invalid',
    'x.md:46 c2 depth field-invalid',
    'x.md:48 c2 status field-invalid',
  ]);
  const reasons = parseAnnotation(FRONT + bad + TAIL, 'x.md').diagnostics.map((d) => d.reason);
  assert.equal(reasons[3], 'a commit id goes with "landed", and only with it');
  const r = parseAnnotation(FRONT + bad + TAIL, 'x.md');
  assert.deepEqual(r.value?.claims.map((c) => c.id), ['c1']);
});

test('cross-claim checks: unknown answers, message not in front matter, depth and speaker mismatch, replay missing', () => {
  const bad = CLAIMS.replace('- answers: c1', '- answers: c7')
    .replace('- message: Dave Chinner, 2018-11-01 <demo@example.org>', '- message: Dave Chinner, 2018-11-02')
    .replace('- speaker: Dave Chinner', '- speaker: Brian Foster')
    .replace('- scenario-pending: flip wcp_error_policy only', '');
  assert.deepEqual(problems(FRONT + bad + TAIL), [
    'x.md:41 c2 answers answers-unknown',
    'x.md:41 c2 message message-unknown',
    'x.md:41 c2 speaker speaker-mismatch',
    'x.md:41 c2 scenario replay-missing',
  ]);
  const two = TAIL.replace('at fault.', 'at fault. It stops early.');
  assert.deepEqual(problems(FRONT + CLAIMS + two), ['x.md:41 c2 paraphrase paraphrase-not-one-sentence']);
  const depth = CLAIMS.replace('- depth: 1', '- depth: 3');
  assert.deepEqual(problems(FRONT + depth + TAIL), ['x.md:26 c1 depth depth-mismatch']);
  const twice = CLAIMS.replace('### c2 — A bug', '### c1 — A bug').replace('- answers: c1\n', '');
  assert.deepEqual(problems(FRONT + twice + TAIL), ['x.md:41 c1 - duplicate-claim']);
});

test('structural mistakes: missing fields, two paraphrases, bad heading, unknown commit', () => {
  const bad = CLAIMS.replace('- quote: "ret = (*writepage)(page, wbc, data);"\n', '')
    .replace('3fa750dcf29e\n', 'deadbeefcafe\n');
  assert.deepEqual(problems(FRONT + bad + TAIL + '\nA second paragraph.\n\n### nine — no id\n'), [
    'x.md:41 c2 quote field-missing',
    'x.md:41 c2 paraphrase paraphrase-extra',
    'x.md:55 - - claim-heading',
    'x.md:26 c1 status commit-unknown',
  ]);
});

test('front matter problems are diagnostics, and without front matter there is no value', () => {
  assert.deepEqual(problems(CLAIMS), ['x.md:1 - - front-matter-missing']);
  assert.deepEqual(problems('---\nthread: [unclosed\n---\n'), ['x.md:2 - - front-matter-yaml']);
  const r = parseAnnotation(FRONT.replace('thread: demo-thread', 'thread: Demo Thread').replace('  - { speaker: Brian Foster, date: "2018-10-31", depth: 1 }', '  - { speaker: Brian Foster, date: "31 Oct", depth: 1 }') + CLAIMS + TAIL, 'x.md');
  assert.equal(r.value, null);
  assert.deepEqual(r.diagnostics.map((d) => [d.field, d.ruleId]), [
    ['thread', 'front-matter-invalid'],
    ['messages.1.date', 'front-matter-invalid'],
  ]);
});
