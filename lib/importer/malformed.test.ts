// Proves hostile input is survivable: every file under corpus/malformed/ either imports (with
// diagnostics) or fails with a one-line reason, each in under 2 s, and a failed file leaves no
// rows behind; and that every corpus message's blocks concatenate back to its decoded body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../store';
import { importPaths } from './import-paths';
import { parseSource } from './parse-source';
import { walkInputs } from './walk-inputs';

const corpus = resolve('../shared/corpus');

// The two git t5100 body fragments are not mail; everything else must import.
const EXPECTED_FAILURES = ['0001mboxrd', '0002mboxrd'];

test('every malformed file imports with diagnostics or fails in one line, fast and without residue', async () => {
  const { files } = walkInputs([resolve(corpus, 'malformed')]);
  assert.equal(files.length, 57);
  const failed: string[] = [];
  let diagnosed = 0;
  for (const f of files) {
    const dir = mkdtempSync(join(tmpdir(), 'threadlab-malformed-'));
    const db = openStore(join(dir, 'db.sqlite'));
    try {
      const t0 = performance.now();
      const s = await importPaths(db, [f.path]);
      const ms = performance.now() - t0;
      assert.ok(ms < 2000, `${f.path} took ${ms.toFixed(0)} ms`);
      const rows = (db.prepare('SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM sources) AS n').get() as { n: number }).n;
      if (s.failures.length > 0) {
        failed.push(f.path.split('/').pop()!);
        assert.equal(s.failures.length, 1);
        assert.ok(!s.failures[0]!.reason.includes('\n'));
        assert.equal(rows, 0, `${f.path} failed but left rows`);
      } else {
        assert.ok(s.messagesNew + s.messagesKnown > 0, f.path);
        const d = db.prepare("SELECT count(*) AS n FROM messages WHERE diagnostics_json <> '[]'").get() as { n: number };
        if (d.n > 0) diagnosed++;
      }
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  assert.deepEqual(failed.sort(), EXPECTED_FAILURES);
  assert.ok(diagnosed >= 30, `only ${diagnosed} malformed files carried diagnostics`);
});

test('losslessness: for every corpus message, block raw slices concatenate to the decoded body', async () => {
  const { files } = walkInputs([resolve(corpus, 'mbox'), resolve(corpus, 'malformed')]);
  let messages = 0;
  const notMail: string[] = [];
  for (const f of files) {
    try {
      for await (const copy of parseSource(f.path)) {
        messages++;
        let joined = '';
        for (const b of copy.message.blocks) joined += b.raw;
        if (joined !== copy.body) assert.fail(`${f.path} message ${copy.ordinal + 1}: blocks do not concatenate to the body`);
      }
    } catch (err) {
      if (!(err instanceof Error && err.name === 'SourceError')) throw err;
      notMail.push(f.path.split('/').pop()!);
    }
  }
  assert.equal(files.length, 144);
  assert.equal(messages, 7690);
  assert.deepEqual(notMail.sort(), ['0001-add-line.patch', '0001mboxrd', '0002-utf-8.patch', '0002mboxrd']);
});
