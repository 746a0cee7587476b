// Parses and validates scenario JSON text: structure with zod, then everything that needs the
// engine (operations, their arguments, names, invariants, variants). Problems are reported as data
// naming the JSON path of the bad field (`actors[1].program[3].op: unknown operation "foo"`), never
// thrown: a bad scenario file is an operating error, not a bug.
import { INVARIANT_BY_ID, OPS, THREAD_VARIANTS, ENDIO_ACTOR } from '../engine';
import { scenarioSchema, type Scenario } from './schema';

/** One problem found in a scenario file. */
export interface ScenarioProblem {
  /** JSON path of the bad field (`actors[1].program[3].op`), or '' for the whole file. */
  path: string;
  /** What is wrong. */
  message: string;
}

/** The result of validating one file. */
export interface ScenarioValidation {
  /** The scenario, or null if there were problems. */
  scenario: Scenario | null;
  /** Problems, empty when valid. */
  problems: ScenarioProblem[];
}

/** Formats a zod issue path as a JSON path: `actors[1].program[3].op`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? String(k) : `.${String(k)}`;
  return out;
}

/** One line per problem: `path: message`. */
export function formatProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('\n');
}

function semanticProblems(s: Scenario): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const add = (path: string, message: string): void => {
    out.push({ path, message });
  };
  const variants = (THREAD_VARIANTS as Record<string, ReadonlyArray<{ id: string }> | undefined>)[s.thread];
  if (variants === undefined) add('thread', `unknown thread "${s.thread}"`);
  s.invariants.forEach((id, i) => {
    if (INVARIANT_BY_ID[id] === undefined) add(`invariants[${i}]`, `unknown invariant "${id}"`);
  });
  if (new Set(s.invariants).size !== s.invariants.length) add('invariants', 'an invariant is listed twice');
  const st = s.setup;
  if (st.disk !== undefined && st.disk.length !== st.pages) add('setup.disk', `must have ${st.pages} entries (setup.pages)`);
  if (st.blocks !== undefined && st.blocks.length !== st.pages) add('setup.blocks', `must have ${st.pages} entries (setup.pages)`);
  const fileNames = st.files.map((f) => f.name);
  const actorNames = s.actors.map((a) => a.name);
  if (new Set(actorNames).size !== actorNames.length) add('actors', 'two actors have the same name');
  if (actorNames.includes(ENDIO_ACTOR)) add('actors', `"${ENDIO_ACTOR}" is the system actor's name`);
  const seen = new Set<number>();
  st.cached.forEach((p, i) => {
    if (p.index >= st.pages) add(`setup.cached[${i}].index`, `page ${p.index} is beyond setup.pages (${st.pages})`);
    if (seen.has(p.index)) add(`setup.cached[${i}].index`, `page ${p.index} is listed twice`);
    seen.add(p.index);
    for (const t of Object.keys(p.ptes)) if (!st.tasks.includes(t)) add(`setup.cached[${i}].ptes.${t}`, `unknown task "${t}"`);
  });
  s.actors.forEach((a, ai) => {
    if (a.task !== undefined && !st.tasks.includes(a.task)) add(`actors[${ai}].task`, `unknown task "${a.task}"`);
    a.program.forEach((ins, k) => {
      const path = `actors[${ai}].program[${k}]`;
      const op = OPS[ins.op];
      if (op === undefined) {
        add(`${path}.op`, `unknown operation "${ins.op}"`);
        return;
      }
      const given = (['page', 'data', 'fd', 'nr', 'sync', 'target'] as const).filter((f) => ins[f] !== undefined);
      for (const need of op.args) if (!given.includes(need)) add(`${path}.${need}`, `operation "${ins.op}" needs "${need}"`);
      for (const g of given) if (!op.args.includes(g) && !op.optional.includes(g)) add(`${path}.${g}`, `operation "${ins.op}" takes no "${g}"`);
      if (ins.page !== undefined && ins.page >= st.pages) add(`${path}.page`, `page ${ins.page} is beyond setup.pages (${st.pages})`);
      if (ins.fd !== undefined && !fileNames.includes(ins.fd)) add(`${path}.fd`, `unknown file "${ins.fd}"`);
      if (ins.target !== undefined && !actorNames.includes(ins.target)) add(`${path}.target`, `unknown actor "${ins.target}"`);
      if ((ins.op === 'mmap_load' || ins.op === 'mmap_store') && a.task === undefined) add(`actors[${ai}].task`, `actor "${a.name}" maps nothing but runs ${ins.op}`);
    });
  });
  s.faults.forEach((f, i) => {
    if (f.page >= st.pages) add(`faults[${i}].page`, `page ${f.page} is beyond setup.pages (${st.pages})`);
  });
  s.schedule?.forEach((n, i) => {
    if (!actorNames.includes(n) && n !== ENDIO_ACTOR) add(`schedule[${i}]`, `unknown actor "${n}"`);
  });
  if (variants !== undefined) {
    const ids = variants.map((v) => v.id);
    for (const v of ids) if (s.expect[v] === undefined) add('expect', `no expected verdicts for variant "${v}"`);
    for (const [v, table] of Object.entries(s.expect)) {
      if (!ids.includes(v)) {
        add(`expect.${v}`, `unknown variant "${v}" of thread ${s.thread} (known: ${ids.join(', ')})`);
        continue;
      }
      for (const id of s.invariants) if (table[id] === undefined) add(`expect.${v}`, `no expected verdict for invariant "${id}"`);
      for (const id of Object.keys(table)) if (!s.invariants.includes(id)) add(`expect.${v}.${id}`, `"${id}" is not in invariants`);
    }
  }
  return out;
}

/** Validates parsed JSON data as a scenario. */
export function validateScenario(data: unknown): ScenarioValidation {
  const r = scenarioSchema.safeParse(data);
  if (!r.success) return { scenario: null, problems: r.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
  const problems = semanticProblems(r.data);
  return { scenario: problems.length === 0 ? r.data : null, problems };
}

/** Parses scenario JSON text and validates it. */
export function parseScenario(text: string): ScenarioValidation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { scenario: null, problems: [{ path: '', message: `not JSON: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  return validateScenario(data);
}
