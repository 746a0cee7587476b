// Turns a validated scenario and a variant id into the engine's world and initial state.
import {
  BLK_DELALLOC, BLK_REAL, EIO, ENOSPC, PG_checked, PG_dirty, PG_error, PG_private, PG_private_2, PG_uptodate, PTE_NONE, PTE_RO, PTE_RW,
  buildInitialState, invariantLayout, switchesFor, type Instr, type ModelState, type World,
} from '../engine';
import type { Scenario } from './schema';

const FLAG_BITS: Readonly<Record<string, number>> = { PG_dirty, PG_uptodate, PG_error, PG_checked, PG_private, PG_private_2 };
const PTE_BITS: Readonly<Record<string, number>> = { none: PTE_NONE, ro: PTE_RO, rw: PTE_RW };

/** A scenario ready to run under one variant. */
export interface CompiledScenario {
  /** The immutable half. */
  world: World;
  /** The initial state. */
  init: ModelState;
}

/** Thrown when a scenario cannot be compiled (unknown variant): an operating error. */
export class ScenarioError extends Error {}

/** The variant ids of a scenario's thread, in order (the expect table's keys follow them). */
export function scenarioVariants(s: Scenario): string[] {
  return Object.keys(s.expect);
}

/** Compiles `s` under `variant` into a world and an initial state. */
export function compileScenario(s: Scenario, variant: string): CompiledScenario {
  const switches = switchesFor(s.thread, variant);
  if (switches === null) throw new ScenarioError(`scenario ${s.id}: unknown variant "${variant}" (known: ${scenarioVariants(s).join(', ')})`);
  const st = s.setup;
  const files = st.files.map((f) => f.name);
  const names = s.actors.map((a) => a.name);
  const actors = s.actors.map((a) => ({
    name: a.name,
    task: a.task === undefined ? -1 : st.tasks.indexOf(a.task),
    program: a.program.map((ins): Instr => ({
      op: ins.op,
      page: ins.page ?? -1,
      data: ins.data ?? -1,
      fd: ins.fd === undefined ? -1 : files.indexOf(ins.fd),
      nr: ins.nr ?? -1,
      sync: ins.sync === undefined ? -1 : ins.sync === 'all' ? 1 : 0,
      target: ins.target === undefined ? -1 : names.indexOf(ins.target),
    })),
  }));
  const world: World = {
    fs: st.fs,
    kernel: st.kernel,
    switches,
    actors,
    tasks: [...st.tasks],
    files,
    ...invariantLayout(s.invariants),
    pageCount: st.pages,
    blocksPerPage: st.blocksPerPage,
    migrationIgnoresExtraRefs: st.assume.migrationIgnoresExtraRefs,
  };
  const blocks = st.blocks ?? new Array<string>(st.pages).fill('hole');
  const init = buildInitialState(world, {
    pages: st.cached.map((p) => ({
      index: p.index,
      flags: p.flags.reduce((acc, f) => acc | (FLAG_BITS[f] ?? 0), p.buffers ? PG_private : 0),
      data: p.data,
      bhs: p.buffers ? new Array<number>(st.blocksPerPage).fill(0) : [],
      ptes: st.tasks.map((t) => PTE_BITS[p.ptes[t] ?? 'none'] ?? PTE_NONE),
    })),
    disk: st.disk ?? new Array<number>(st.pages).fill(0),
    blk: blocks.map((b) => (b === 'delalloc' ? BLK_DELALLOC : b === 'real' ? BLK_REAL : 0)),
    openFiles: st.files.map((f) => f.open),
    faults: s.faults.map((f) => ({ kind: f.kind, page: f.page, left: f.times === 'always' ? -1 : f.times, errno: f.errno === 'ENOSPC' ? ENOSPC : EIO })),
  });
  return { world, init };
}
