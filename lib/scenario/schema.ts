// The scenario file format (zod v4): declarative data, one file per claim, with the expected
// verdict for every variant of its thread written in the file. Structural checks live here; checks
// that need the engine (known operations, arguments, names) are in validate-scenario.ts.
import { z } from 'zod';

const name = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, 'a name of letters, digits, _ or - (at most 32 characters)');
const index = z.int().min(0).max(30);

/** Expected verdict over all interleavings. */
export const verdictSchema = z.enum(['never', 'sometimes', 'always']);

/** One instruction of an actor's program. */
export const instrSchema = z.strictObject({
  op: z.string(),
  page: index.optional(),
  data: z.int().min(0).max(1_000_000).optional(),
  fd: name.optional(),
  nr: z.int().min(1).max(1_000_000).optional(),
  sync: z.enum(['none', 'all']).optional(),
  target: name.optional(),
});

/** An initially cached page. */
export const cachedPageSchema = z.strictObject({
  index,
  data: z.int().min(0).max(1_000_000),
  flags: z.array(z.enum(['PG_dirty', 'PG_uptodate', 'PG_error', 'PG_checked', 'PG_private', 'PG_private_2'])).default([]),
  buffers: z.boolean().default(false),
  ptes: z.record(name, z.enum(['none', 'ro', 'rw'])).default({}),
});

/** One fault of the fault plan. */
export const faultSchema = z.strictObject({
  kind: z.enum(['map-error', 'io-error', 'dio-io-error', 'release-fail', 'read-error', 'enospc', 'space-flush', 'short-copy']),
  page: index,
  times: z.union([z.literal('always'), z.int().min(1).max(1000)]).default('always'),
  errno: z.enum(['EIO', 'ENOSPC']).default('EIO'),
});

/** The initial state. */
export const setupSchema = z.strictObject({
  fs: z.enum(['xfs', 'btrfs', 'ext4', 'gfs2']),
  kernel: z.string().regex(/^v\d+\.\d+(\.\d+)?$/, 'a kernel version such as v4.19'),
  pages: z.int().min(1).max(31),
  disk: z.array(z.int().min(0).max(1_000_000)).optional(),
  blocks: z.array(z.enum(['hole', 'delalloc', 'real'])).optional(),
  cached: z.array(cachedPageSchema).default([]),
  files: z.array(z.strictObject({ name, open: z.boolean().default(true) })).default([]),
  tasks: z.array(name).default([]),
  blocksPerPage: z.int().min(1).max(8).default(1),
  assume: z.strictObject({ migrationIgnoresExtraRefs: z.boolean().default(false) }).default({ migrationIgnoresExtraRefs: false }),
});

/** A whole scenario file. */
export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id'),
  title: z.string().min(1).max(200),
  thread: z.string(),
  claims: z.array(z.string().regex(/^[a-z]\d+$/, 'a claim id such as c7 or d4')).min(1),
  subsystems: z.array(z.string()).min(1),
  summary: z.string().min(1),
  invariants: z.array(z.string()).min(1).max(31),
  setup: setupSchema,
  actors: z.array(z.strictObject({ name, task: name.optional(), program: z.array(instrSchema).min(1).max(64) })).min(1).max(8),
  faults: z.array(faultSchema).default([]),
  schedule: z.array(z.string()).max(500).optional(),
  expect: z.record(z.string(), z.record(z.string(), verdictSchema)),
  notes: z.string().optional(),
});

/** A validated scenario (defaults applied). */
export type Scenario = z.output<typeof scenarioSchema>;
/** One instruction as written in a file. */
export type ScenarioInstr = z.output<typeof instrSchema>;
/** An expected or observed verdict. */
export type ScenarioVerdict = z.output<typeof verdictSchema>;
