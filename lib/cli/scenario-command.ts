// `threadlab scenario list|run|explore|verify`: the engine from the command line. Text by default,
// --json for machines; `verify` is the judge CI runs (exit code 1 on any wrong verdict or any
// scenario that could not run). Exit codes are set on process.exitCode, never by process.exit.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_BUDGET, ERRNO_NAMES, type ExploreBudget } from '../engine';
import { exploreScenario, formatProblems, judgeScenario, runScenario, scenarioHash, tally, type Judgement, type Scenario } from '../scenario';
import { loadScenarioFile, loadScenarios, type LoadedScenario } from '../scenario/node';

/** Where output goes; tests pass their own. */
export interface CliIo {
  /** Standard output. */
  out: (s: string) => void;
  /** Standard error. */
  err: (s: string) => void;
}

const processIo: CliIo = {
  out: (s) => {
    process.stdout.write(s);
  },
  err: (s) => {
    process.stderr.write(s);
  },
};

function fail(io: CliIo, msg: string): void {
  io.err(`threadlab scenario: ${msg}\n`);
  process.exitCode = 1;
}

function scenariosDir(opts: { dir?: string }): string {
  return resolve(opts.dir ?? 'content/scenarios');
}

/** Finds a scenario by file path or by id (or thread/id) under the scenarios directory. */
function resolveScenario(io: CliIo, ref: string, opts: { dir?: string }): Scenario | null {
  let loaded: LoadedScenario | undefined;
  if (ref.endsWith('.json') && existsSync(ref)) loaded = loadScenarioFile(ref);
  else {
    const dir = scenariosDir(opts);
    if (!existsSync(dir)) {
      fail(io, `no scenarios directory ${dir} (use --dir)`);
      return null;
    }
    const all = loadScenarios(dir);
    const matches = all.filter((l) => l.file.replace(/\\/g, '/').replace(/\.json$/, '').endsWith(ref.includes('/') ? ref : `/${ref}`));
    if (matches.length > 1) {
      fail(io, `"${ref}" names ${matches.length} scenarios (${matches.map((m) => m.file).join(', ')}); use thread/id`);
      return null;
    }
    loaded = matches[0];
  }
  if (loaded === undefined) {
    fail(io, `no scenario "${ref}"`);
    return null;
  }
  if (loaded.scenario === null) {
    fail(io, `${loaded.file} is not a valid scenario:\n${formatProblems(loaded.problems)}`);
    return null;
  }
  return loaded.scenario;
}

function ret(n: number): string {
  return n < 0 && ERRNO_NAMES[-n] !== undefined ? `-${ERRNO_NAMES[-n]}` : String(n);
}

function budgetOf(opts: { maxStates?: string }): ExploreBudget | null {
  if (opts.maxStates === undefined) return DEFAULT_BUDGET;
  const n = Number(opts.maxStates);
  return Number.isInteger(n) && n > 0 ? { ...DEFAULT_BUDGET, maxStates: n } : null;
}

function guard(io: CliIo, f: () => void): void {
  try {
    f();
  } catch (err) {
    fail(io, err instanceof Error ? err.message : String(err));
  }
}

/** Registers `scenario list|run|explore|verify` on the program. */
export function registerScenarioCommand(program: Command, io: CliIo = processIo): void {
  const cmd = program.command('scenario').description('list, replay, explore and verify the engine scenarios under content/scenarios');

  cmd.command('list')
    .description('list every scenario: id, title, thread and variants')
    .option('--dir <dir>', 'scenarios directory (default: content/scenarios)')
    .option('--json', 'print JSON')
    .action((opts: { dir?: string; json?: boolean }) => guard(io, () => {
      const dir = scenariosDir(opts);
      if (!existsSync(dir)) return fail(io, `no scenarios directory ${dir} (use --dir)`);
      const all = loadScenarios(dir);
      const rows = all.map((l) => (l.scenario === null
        ? { file: l.file, problems: l.problems }
        : { id: l.scenario.id, title: l.scenario.title, thread: l.scenario.thread, claims: l.scenario.claims, variants: Object.keys(l.scenario.expect), contentHash: scenarioHash(l.scenario) }));
      if (opts.json === true) io.out(`${JSON.stringify(rows, null, 2)}\n`);
      else for (const r of rows) io.out('id' in r ? `${r.thread}/${r.id}  ${r.title}\n    variants: ${(r.variants ?? []).join(', ')}\n` : `${r.file}  INVALID\n${formatProblems(r.problems)}\n`);
      if (all.some((l) => l.scenario === null)) process.exitCode = 1;
    }));

  cmd.command('run <scenario>')
    .description('replay one schedule and print the trace (id, thread/id or a .json file)')
    .option('--variant <variant>', 'kernel behaviour to run under (default: the thread\'s first, the original code)')
    .option('--schedule <names>', 'comma-separated actor names, e.g. W,W,F,endio,R; then the lowest-numbered actor that can move runs')
    .option('--dir <dir>', 'scenarios directory (default: content/scenarios)')
    .option('--json', 'print the trace as JSON')
    .action((ref: string, opts: { variant?: string; schedule?: string; dir?: string; json?: boolean }) => guard(io, () => {
      const s = resolveScenario(io, ref, opts);
      if (s === null) return;
      const schedule = opts.schedule === undefined ? undefined : opts.schedule.split(',').map((x) => x.trim()).filter((x) => x !== '');
      const r = runScenario(s, { variant: opts.variant, schedule });
      if (r.error !== null) process.exitCode = 1;
      if (opts.json === true) {
        io.out(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      io.out(`${s.thread}/${s.id} under ${r.variant}  (content hash ${r.contentHash}, ${r.modelVersion})\n`);
      for (const st of r.steps) {
        io.out(`${String(st.index).padStart(3)} ${st.actor.padEnd(6)} ${st.fn}  [${st.ref}]\n      ${st.note}\n`);
        for (const ch of st.changes) io.out(`        ${ch}\n`);
        if (st.violated.length > 0) io.out(`      VIOLATED: ${st.violated.join(', ')}\n`);
      }
      for (const [actor, rets] of Object.entries(r.returns)) io.out(`returns ${actor}: ${rets.map(ret).join(', ')}\n`);
      for (const inv of r.invariants) io.out(`${inv.violated ? 'VIOLATED' : 'holds   '} ${inv.id}${inv.firstStep !== null ? ` (first at step ${inv.firstStep})` : ''}\n`);
      if (r.deadlock) io.out('deadlock: an actor could not finish\n');
      if (r.error !== null) fail(io, r.error);
    }));

  cmd.command('explore <scenario>')
    .description('explore every interleaving: distinct states, verdicts, shortest counterexamples')
    .option('--variant <variant>', 'kernel behaviour (default: the thread\'s first)')
    .option('--max-states <n>', `state budget (default ${DEFAULT_BUDGET.maxStates})`)
    .option('--dir <dir>', 'scenarios directory (default: content/scenarios)')
    .option('--json', 'print JSON')
    .action((ref: string, opts: { variant?: string; maxStates?: string; dir?: string; json?: boolean }) => guard(io, () => {
      const s = resolveScenario(io, ref, opts);
      if (s === null) return;
      const budget = budgetOf(opts);
      if (budget === null) return fail(io, `--max-states must be a positive integer, not "${opts.maxStates}"`);
      const t0 = performance.now();
      const r = exploreScenario(s, { variant: opts.variant, budget });
      const elapsedMs = Math.round(performance.now() - t0);
      if (!r.complete) process.exitCode = 1;
      if (opts.json === true) {
        io.out(`${JSON.stringify({ ...r, elapsedMs }, null, 2)}\n`);
        return;
      }
      io.out(`${s.thread}/${s.id} under ${r.variant}  (content hash ${r.contentHash}, ${r.modelVersion})\n`);
      io.out(`${r.states} distinct states, ${r.transitions} transitions, ${r.terminals} terminal states (${r.deadlocks} deadlocked), longest schedule ${r.maxDepth}, ${elapsedMs} ms\n`);
      if (!r.complete) io.out(`INCOMPLETE: ${r.message}; verdicts below are partial\n`);
      for (const v of r.verdicts) {
        io.out(`${v.verdict.padEnd(9)} ${v.id}\n`);
        if (v.counterexample !== null) io.out(`          shortest counterexample (${v.counterexample.length} steps): ${v.counterexample.join(',')}\n`);
      }
    }));

  cmd.command('verify')
    .description('explore every scenario under every variant and compare with the verdicts written in the files')
    .option('--dir <dir>', 'scenarios directory (default: content/scenarios)')
    .option('--json', 'print JSON')
    .action((opts: { dir?: string; json?: boolean }) => guard(io, () => {
      const dir = scenariosDir(opts);
      if (!existsSync(dir)) return fail(io, `no scenarios directory ${dir} (use --dir)`);
      const js: Judgement[] = [];
      for (const l of loadScenarios(dir)) {
        if (l.scenario === null) js.push({ scenario: l.file, variant: '', status: 'could-not-run', details: l.problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)), states: 0 });
        else js.push(...judgeScenario(l.scenario));
      }
      const t = tally(js);
      const failed = t.wrong + t.couldNotRun;
      if (failed > 0) process.exitCode = 1;
      if (opts.json === true) {
        io.out(`${JSON.stringify({ passed: t.passed, failed, wrongVerdict: t.wrong, couldNotRun: t.couldNotRun, judgements: js }, null, 2)}\n`);
        return;
      }
      for (const j of js) {
        const label = j.status === 'pass' ? 'pass' : j.status === 'wrong-verdict' ? 'WRONG VERDICT' : 'COULD NOT RUN';
        io.out(`${label.padEnd(13)} ${j.scenario}${j.variant !== '' ? ` [${j.variant}]` : ''}\n`);
        for (const d of j.details) io.out(`              ${d}\n`);
      }
      io.out(`${t.passed} passed, ${failed} failed (${t.wrong} wrong verdict, ${t.couldNotRun} could not run)\n`);
    }));
}
