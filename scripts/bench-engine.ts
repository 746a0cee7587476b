// Engine benchmark: distinct states per second of exhaustive exploration, for every seed scenario
// (under every variant) and for a scaled family (more pages, more actors) that shows how cost
// grows. Rates use the process's CPU time (user + system), because the machine is shared and wall
// time measures the neighbours; wall time is printed too. It rewrites only its own section of
// docs/benchmarks.md, between <!-- bench:engine --> and <!-- /bench:engine -->.
// Run: node --import tsx scripts/bench-engine.ts [--no-write]
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_SWITCHES, MODEL_VERSION, buildInitialState, explore, invariantLayout, type ExploreResult, type Instr, type World } from '../lib/engine';
import { exploreScenario } from '../lib/scenario';
import { loadScenarios } from '../lib/scenario/node';
import { writeBenchSection } from './bench-lib';

const root = resolve(import.meta.dirname, '..');
const TARGET_PER_S = 300_000;

interface Row {
  name: string;
  states: number;
  transitions: number;
  cpuMs: number;
  wallMs: number;
}

function timed(name: string, f: () => ExploreResult): Row {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const wallMs = performance.now() - t0;
  const cu = process.cpuUsage(c0);
  if (!r.complete) throw new Error(`${name}: ${r.message}`);
  return { name, states: r.states, transitions: r.transitions, cpuMs: (cu.user + cu.system) / 1000, wallMs };
}

function ins(op: string, f: Partial<Instr> = {}): Instr {
  return { op, page: -1, data: -1, fd: -1, nr: -1, sync: -1, target: -1, ...f };
}

/** The scaled family: `writers` actors each write(2) one of `pages` pages and kick background writeback, racing one fsync; page 1 fails to map. */
function family(pages: number, writers: number): { world: World; init: ReturnType<typeof buildInitialState> } {
  const actors = Array.from({ length: writers }, (_, j) => ({ name: `W${j}`, task: -1, program: [ins('write', { page: j % pages, data: j + 2 }), ins('writeback', { sync: 0, nr: 2 })] }));
  actors.push({ name: 'F', task: -1, program: [ins('fsync', { fd: 0 })] });
  const world: World = {
    fs: 'xfs', kernel: 'v4.19', switches: { ...DEFAULT_SWITCHES }, actors, tasks: [], files: ['A'],
    ...invariantLayout(['integrity-writeback-visits-all-dirty-pages', 'fsync-eio-only-on-data-loss', 'fsync-reports-data-loss']),
    pageCount: pages, blocksPerPage: 1, migrationIgnoresExtraRefs: false,
  };
  const init = buildInitialState(world, { pages: [], disk: new Array<number>(pages).fill(0), blk: new Array<number>(pages).fill(0), openFiles: [true], faults: [{ kind: 'map-error', page: 1, left: -1, errno: 5 }] });
  return { world, init };
}

function rate(r: Row): number {
  return r.cpuMs > 0 ? Math.round((r.states / r.cpuMs) * 1000) : 0;
}

function table(rows: Row[]): string {
  const lines = ['| run | distinct states | transitions | CPU ms | wall ms | states/s (CPU) |', '|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.name} | ${r.states} | ${r.transitions} | ${r.cpuMs.toFixed(0)} | ${r.wallMs.toFixed(0)} | ${rate(r)} |`);
  return lines.join('\n');
}

const seedRows: Row[] = [];
for (const l of loadScenarios(join(root, 'content/scenarios'))) {
  if (l.scenario === null) throw new Error(`${l.file}: invalid`);
  const s = l.scenario;
  let states = 0;
  let transitions = 0;
  let cpuMs = 0;
  let wallMs = 0;
  for (const variant of Object.keys(s.expect)) {
    const r = timed(s.id, () => exploreScenario(s, { variant }));
    states += r.states;
    transitions += r.transitions;
    cpuMs += r.cpuMs;
    wallMs += r.wallMs;
  }
  seedRows.push({ name: `${s.thread}/${s.id} (${Object.keys(s.expect).length} variants)`, states, transitions, cpuMs, wallMs });
}

const familyRows: Row[] = [];
for (const [pages, writers] of [[1, 1], [1, 2], [2, 2], [1, 3], [2, 3], [3, 3]] as const) {
  const { world, init } = family(pages, writers);
  explore(world, init, { maxStates: 2000, maxDepth: 10_000 });
  familyRows.push(timed(`${pages} pages, ${writers} writers + fsync`, () => explore(world, init, { maxStates: 3_000_000, maxDepth: 10_000, counterexamples: false })));
}

const big = familyRows.filter((r) => r.states >= 100_000);
const bigStates = big.reduce((a, r) => a + r.states, 0);
const bigCpu = big.reduce((a, r) => a + r.cpuMs, 0);
const bigRate = bigCpu > 0 ? Math.round((bigStates / bigCpu) * 1000) : 0;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const section = [
  '<!-- bench:engine -->',
  '## Engine',
  '',
  `Exhaustive exploration (depth-first, every interleaving, states de-duplicated by a 64-bit hash), model \`${MODEL_VERSION}\`, Node ${process.version}, ${cpu}, one core.`,
  'Rates are distinct states per second of process CPU time (the machine is shared; wall time is shown for reference).',
  'Regenerate with `node --import tsx scripts/bench-engine.ts`.',
  '',
  '### Seed scenarios (all variants of each)',
  '',
  table(seedRows),
  '',
  '### Scaled family',
  '',
  'k writers each write(2) a page and start background writeback (nr_to_write 2) while one fsync runs; page 1 always fails to map (XFS, v4.19). Cost grows with the number of interleavings, about 15-80 times per added actor here, and with the pages they touch.',
  '',
  table(familyRows),
  '',
  `Runs with at least 100,000 states: **${bigRate} distinct states/s** (target ${TARGET_PER_S}: ${bigRate >= TARGET_PER_S ? 'met' : 'NOT met'}).`,
  '<!-- /bench:engine -->',
].join('\n');

process.stdout.write(`${section}\n`);
if (!process.argv.includes('--no-write')) {
  writeBenchSection('engine', section);
}
