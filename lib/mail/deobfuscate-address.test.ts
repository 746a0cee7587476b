// Proves deobfuscateAddress recognises the five obfuscation schemes, keeps the written form, and recovers the address only where it survives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deobfuscateAddress } from './deobfuscate-address';

test('the five schemes', () => {
  assert.deepEqual(deobfuscateAddress('david@xxxxxxxxxxxxx'), { written: 'david@xxxxxxxxxxxxx', address: null, obfuscated: true });
  assert.deepEqual(deobfuscateAddress('Chris Mason <c...@fb.com>'), { written: 'Chris Mason <c...@fb.com>', name: 'Chris Mason', address: null, obfuscated: true });
  assert.deepEqual(deobfuscateAddress('jack at suse.cz'), { written: 'jack at suse.cz', address: 'jack@suse.cz', obfuscated: true });
  assert.deepEqual(deobfuscateAddress('jack AT suse DOT cz'), { written: 'jack AT suse DOT cz', address: 'jack@suse.cz', obfuscated: true });
  assert.deepEqual(deobfuscateAddress('[EMAIL PROTECTED]'), { written: '[EMAIL PROTECTED]', address: null, obfuscated: true });
  assert.deepEqual(deobfuscateAddress('Jan Kara <[email protected]>'), { written: 'Jan Kara <[email protected]>', name: 'Jan Kara', address: null, obfuscated: true });
});

test('plain addresses and names pass through', () => {
  assert.deepEqual(deobfuscateAddress(' "Darrick J. Wong" <djwong@kernel.org> '), { written: '"Darrick J. Wong" <djwong@kernel.org>', name: 'Darrick J. Wong', address: 'djwong@kernel.org', obfuscated: false });
  assert.deepEqual(deobfuscateAddress('willy@infradead.org (Matthew Wilcox)'), { written: 'willy@infradead.org (Matthew Wilcox)', name: 'Matthew Wilcox', address: 'willy@infradead.org', obfuscated: false });
  assert.deepEqual(deobfuscateAddress('Brian Foster'), { written: 'Brian Foster', address: null, obfuscated: false });
  assert.deepEqual(deobfuscateAddress('x'.repeat(10_000)).address, null);
});
