// Proves the import, parse and search commands as users run them: import prints the summary and
// one line per failed file and exits 1 only when something failed; parse --json prints the
// documented shape without touching the database; search answers, and bad queries exit 2 with
// a message instead of a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const corpus = resolve('../shared/corpus');

function cli(db: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts/threadlab.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, THREADLAB_DB: db } });
}

test('import, re-import, failures, search and parse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-cli-'));
  const db = join(dir, 'db.sqlite');
  try {
    const first = cli(db, 'import', 'content/threads', join(corpus, 'malformed/git-t5100'));
    assert.equal(first.status, 1, first.stderr);
    // Stored and reported paths are relative to the working directory.
    assert.deepEqual(first.stderr.split('\n').filter((l) => l.startsWith('threadlab: failed:')), [
      'threadlab: failed: ../shared/corpus/malformed/git-t5100/0001mboxrd: not recognisable as mail, an mbox or an archive page (use --format, or add a source.json sidecar)',
      'threadlab: failed: ../shared/corpus/malformed/git-t5100/0002mboxrd: not recognisable as mail, an mbox or an archive page (use --format, or add a source.json sidecar)',
    ]);
    assert.match(first.stdout, /^files: 19 \(0 unchanged, 2 failed\)$/m);
    assert.match(first.stdout, /^messages: 36 new, 10 already known, 16 rebuilt from quotes\nfailed files: 2\nthreads: 36 \(0 ghost messages\)$/m);
    const again = cli(db, 'import', 'content/threads');
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^files: 5 \(5 unchanged, 0 failed\)$/m);
    assert.match(again.stdout, /^messages: 0 new, 5 already known, 0 rebuilt from quotes\nfailed files: 0$/m);

    const found = cli(db, 'search', '--json', 'nq:stop', 'f:chinner');
    assert.equal(found.status, 0, found.stderr);
    const hits = (JSON.parse(found.stdout) as { messages: { from: { name: string }; snippet: string }[] }).messages;
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.from.name, 'Dave Chinner');
    assert.match(hits[0]!.snippet, /«stop»/);
    const bad = cli(db, 'search', 'verdict:wrong');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^threadlab: search: cannot read verdict "wrong"; write verdict:never, /);
    const unknown = cli(db, 'search', 'zz:wrong');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^threadlab: search: unknown prefix "zz:"; known prefixes: s: /);
    const weird = cli(db, 'search', '"((NEAR AND');
    assert.equal(weird.status, 0, weird.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parse --json prints the documented shape and never creates the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadlab-cli-'));
  const db = join(dir, 'db.sqlite');
  try {
    const r = cli(db, 'parse', '--json', 'content/threads/iomap-mkwrite-not-uptodate/004_e57b99afb80533ad.txt');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { format: string; messages: Record<string, unknown>[] };
    assert.equal(out.format, 'hypermail-page');
    // Four messages rebuilt from the page's quotes (oldest first), then the page itself.
    assert.deepEqual(out.messages.map((x) => [x.derived, (x.from as { name: string }).name]), [
      [true, 'Matthew Wilcox'], [true, 'Dave Chinner'], [true, 'Matthew Wilcox'], [true, 'Dave Chinner'], [false, 'Matthew Wilcox'],
    ]);
    const m = out.messages[4]!;
    assert.deepEqual(Object.keys(m), ['messageId', 'inReplyTo', 'references', 'subject', 'from', 'date', 'derived', 'blocks', 'diagnostics']);
    assert.deepEqual(m.from, { name: 'Matthew Wilcox', address: null });
    assert.equal(m.date, '2020-06-05T00:50:54.000Z');
    assert.deepEqual(Object.keys((m.blocks as object[])[0]!), ['kind', 'depth', 'speaker', 'text', 'raw', 'confidence']);
    assert.equal(existsSync(db), false);
    const text = cli(db, 'parse', join(corpus, 'mbox/b4/naked-cover-single.mbox'));
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^format: mboxrd$/m);
    const forced = cli(db, 'parse', '--format', 'nope', 'content');
    assert.equal(forced.status, 1);
    assert.match(forced.stderr, /unknown format "nope"; known formats: mboxrd, mbox, eml/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parse of a file that is not mail fails with one line naming the file', () => {
  const file = join(corpus, 'malformed/git-t5100/0001mboxrd');
  const r = cli('/nonexistent-db-not-opened.sqlite', 'parse', file);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `threadlab: ${file}: not recognisable as mail, an mbox or an archive page (use --format, or add a source.json sidecar)\n`);
});
