// Proves verdicts come from the model, not from the files: for every behaviour switch, flipping it
// away from each variant's value changes at least one scenario's verdicts, and a variant's verdicts
// equal those of the switch set it names (so a variant is nothing but its switches).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { DEFAULT_SWITCHES, SWITCH_VALUES, THREAD_BASE, THREAD_VARIANTS, explore, type Switches, type ThreadSlug } from '../engine';
import { compileScenario, type Scenario } from './index';
import { loadScenarios } from './node';

const scenarios = loadScenarios(resolve(import.meta.dirname, '../../content/scenarios')).map((l) => l.scenario!);

function verdicts(s: Scenario, variant: string, override: Partial<Switches>): string {
  const { world, init } = compileScenario(s, variant);
  const w = { ...world, switches: { ...world.switches, ...override } };
  return explore(w, init).verdicts.map((v) => `${v.id}=${v.verdict}`).join(' ');
}

test('flipping any switch flips some scenario verdict', () => {
  const flips: Record<string, string> = {};
  for (const key of Object.keys(SWITCH_VALUES) as Array<keyof Switches>) {
    search: for (const s of scenarios) {
      for (const v of (THREAD_VARIANTS as Record<string, ReadonlyArray<{ id: string }>>)[s.thread]!) {
        const base = verdicts(s, v.id, {});
        for (const value of SWITCH_VALUES[key]) {
          const mutated = verdicts(s, v.id, { [key]: value } as Partial<Switches>);
          if (mutated !== base) {
            flips[key] = `${s.id} [${v.id}] ${key}=${String(value)}`;
            break search;
          }
        }
      }
    }
  }
  assert.deepEqual(Object.keys(flips).sort(), Object.keys(SWITCH_VALUES).sort(), JSON.stringify(flips, null, 1));
});

test('specific flips: each fix, switched back off, brings its bug back', () => {
  const find = (id: string): Scenario => scenarios.find((s) => s.id === id)!;
  assert.equal(verdicts(find('unmount-leaks-delalloc'), 'landed-3fa750dcf29e', { wcpErrorPolicy: 'stop_always' }), verdicts(find('unmount-leaks-delalloc'), 'v4.19', {}));
  assert.match(verdicts(find('btrfs-spurious-eio'), 'landed-60263d5889e6', { dioPreInvalFail: 'warn_eio_continue' }), /fsync-eio-only-on-data-loss=sometimes/);
  assert.match(verdicts(find('shrinker-frees-buffers-before-page-done'), 'landed-80baab88bb93', { iomapPutFolioMode: 'unlock_then_done' }), /no-use-after-free-of-bh=sometimes/);
  assert.match(verdicts(find('worker-finds-page-clean'), 'landed-25f3c5021985', { btrfsStartHookReturn: 'ebusy' }), /dirty-page-never-dropped-unwritten=always/);
  assert.match(verdicts(find('willy-load-write-store'), 'landed-e9c3a8e820ed', { wbSubmitErrorClearsUptodate: true }), /mkwrite-only-on-uptodate=always/);
});

test('a variant is exactly its switch set', () => {
  for (const s of scenarios) {
    for (const v of THREAD_VARIANTS[s.thread as ThreadSlug]) {
      const full = { ...DEFAULT_SWITCHES, ...THREAD_BASE[s.thread as ThreadSlug], ...v.switches };
      assert.equal(verdicts(s, Object.keys(s.expect)[0]!, full), verdicts(s, v.id, {}), `${s.id} [${v.id}]`);
    }
  }
});
