// Proves the query language: lore prefixes map to the right FTS5 columns, every word reaches
// FTS5 as a quoted string (operators and quotes in user text are inert), date ranges become
// bounds, inv: sub: verdict: claim: become knowledge-base filters, and bad queries get messages
// that say how to fix them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery, toFtsMatch, toFtsMatchIn, hasKbFilters, QueryError, type FtsColumns } from './parse-query';

const fts = (q: string) => toFtsMatch(parseQuery(q));

test('prefixes, bare words, phrases, negation, OR and prefix search', () => {
  assert.equal(fts('writepage'), '{own quoted} : ("writepage")');
  assert.equal(fts('s:xfs f:chinner'), '{subject} : ("xfs") AND {author} : ("chinner")');
  assert.equal(fts('nq:"stop on error" q:sync'), '{own} : ("stop" + "on" + "error") AND {quoted} : ("sync")');
  assert.equal(fts('b:iomap -q:btrfs'), '({own quoted} : ("iomap")) NOT ({quoted} : ("btrfs"))');
  assert.equal(fts('ext4 OR btrfs'), '({own quoted} : ("ext4") OR {own quoted} : ("btrfs"))');
  assert.equal(fts('write_cache*'), '{own quoted} : ("write" + "cache" *)');
});

test('FTS5 syntax in user text is quoted, never interpreted', () => {
  // 'NEAR(a' is one token, so its words are a phrase; the stray quote opens a phrase to the end.
  assert.equal(fts('NEAR(a b) "x"" AND'), '{own quoted} : ("NEAR" + "a") AND {own quoted} : ("b") AND {own quoted} : ("x") AND {own quoted} : ("AND")');
  assert.equal(fts('"unclosed phrase'), '{own quoted} : ("unclosed" + "phrase")');
  assert.equal(fts('col:umn'.replace('col:', 's:')), '{subject} : ("umn")');
});

test('date ranges', () => {
  assert.deepEqual(parseQuery('d:2018-10-01..2018-12-01 x'), { terms: parseQuery('x').terms, dateFrom: '2018-10-01', dateTo: '2018-12-02', kb: { invariants: [], subsystems: [], verdicts: [], claims: [] } });
  assert.deepEqual([parseQuery('d:2018-10-01..').dateFrom, parseQuery('d:2018-10-01..').dateTo], ['2018-10-01', null]);
  assert.deepEqual([parseQuery('d:..2018-12-01').dateFrom, parseQuery('d:..2018-12-01').dateTo], [null, '2018-12-02']);
  assert.deepEqual([parseQuery('d:2018-10-01').dateFrom, parseQuery('d:2018-10-01').dateTo], ['2018-10-01', '2018-10-02']);
});

test('bad queries get a message saying how to fix them', () => {
  const msg = (q: string) => {
    try {
      parseQuery(q);
      return 'no error';
    } catch (err) {
      assert.ok(err instanceof QueryError);
      return err.message.split(';')[0];
    }
  };
  assert.equal(msg('zz:foo'), 'unknown prefix "zz:"');
  assert.equal(msg('inv:Foo_Bar'), '"inv:Foo_Bar" needs a kebab-case invariant id, e.g. inv:no-delalloc-at-reclaim');
  assert.equal(msg('sub:'), '"sub:" needs a kebab-case subsystem id, e.g. sub:errseq');
  assert.equal(msg('verdict:wrong'), 'cannot read verdict "wrong"');
  assert.equal(msg('verdict:v4.19=maybe'), 'cannot read verdict "v4.19=maybe"');
  assert.equal(msg('claim:c'), 'cannot read claim "c"');
  assert.equal(msg('claim:Thread#c1'), 'cannot read claim "Thread#c1"');
  assert.equal(msg('-inv:no-deadlock'), '"-inv:" cannot be negated');
  assert.equal(msg('inv:a inv:b inv:c sub:d sub:e sub:f verdict:never verdict:always claim:c1'), 'too many knowledge-base filters');
  assert.equal(msg('((( "'), 'nothing to search for: give at least one word');
  assert.equal(msg('-foo'), 'a query needs at least one word that is not negated');
  assert.equal(msg('d:yesterday'), 'cannot read date range "yesterday"');
  assert.equal(msg('x'.repeat(10_000)), 'query is 10000 characters');
  assert.equal(msg(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')), 'too many search terms');
});

test('knowledge-base prefixes become filters, not FTS terms', () => {
  const plan = parseQuery('inv:no-delalloc-at-reclaim sub:errseq verdict:always verdict:v4.19=never claim:write-cache-pages-stop-on-error#c7 claim:d4 writeback');
  assert.deepEqual(plan.kb, {
    invariants: ['no-delalloc-at-reclaim'],
    subsystems: ['errseq'],
    verdicts: [{ variant: null, verdict: 'always' }, { variant: 'v4.19', verdict: 'never' }],
    claims: [{ thread: 'write-cache-pages-stop-on-error', id: 'c7' }, { thread: null, id: 'd4' }],
  });
  assert.deepEqual(plan.terms.map((t) => t.words), [['writeback']]);
  assert.equal(hasKbFilters(plan), true);
  assert.equal(hasKbFilters(parseQuery('writeback')), false);
  // A filter alone is a query; its FTS expression is empty.
  assert.equal(toFtsMatch(parseQuery('sub:iomap')), null);
});

test('toFtsMatchIn maps columns; a term with no column there drops out of its OR group', () => {
  const map = (c: FtsColumns) => [...new Set(c.flatMap((x) => (x === 'author' ? [] : x === 'subject' ? ['title'] : ['summary'])))];
  assert.equal(toFtsMatchIn(parseQuery('s:iomap fsync'), map), '{title} : ("iomap") AND {summary} : ("fsync")');
  assert.equal(toFtsMatchIn(parseQuery('f:chinner OR fsync'), map), '{summary} : ("fsync")');
  assert.equal(toFtsMatchIn(parseQuery('f:chinner fsync'), map), null);
  assert.equal(toFtsMatchIn(parseQuery('fsync -f:chinner'), map), '{summary} : ("fsync")');
});
