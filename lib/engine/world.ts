// The immutable half of a run: which filesystem and kernel, the variant's switches, the actors'
// programs and the invariants of interest. The engine's step function reads it and never changes it.
import type { ModelState } from './state';
import type { Switches } from './switches';

/** Filesystems whose ->writepage / ->page_mkwrite / direct I/O wrappers the model distinguishes. */
export type FsKind = 'xfs' | 'btrfs' | 'ext4' | 'gfs2';

/** One instruction of an actor's program, with its arguments resolved to numbers (-1 = absent). */
export interface Instr {
  /** Operation kind (a key of the op registry). */
  op: string;
  /** Page index the operation targets. */
  page: number;
  /** Data version written (write, store, direct write). */
  data: number;
  /** Open file slot. */
  fd: number;
  /** wbc->nr_to_write for background writeback. */
  nr: number;
  /** 1 for WB_SYNC_ALL, 0 for WB_SYNC_NONE. */
  sync: number;
  /** Another actor's index (wait_for). */
  target: number;
}

/** One actor: a name, its mmap task slot (or -1) and its program. */
export interface ActorSpec {
  /** Name used in schedules and traces. */
  name: string;
  /** Index into ModelState.ptes, or -1 if the actor maps nothing. */
  task: number;
  /** The program, run one micro-step at a time. */
  program: Instr[];
}

/** A state predicate: true while the invariant holds. */
export type StateCheck = (st: ModelState, w: World) => boolean;

/** Everything about a run that does not change from step to step. */
export interface World {
  /** The filesystem whose callbacks the steps take. */
  fs: FsKind;
  /** Kernel version label the steps cite (e.g. v4.19). */
  kernel: string;
  /** The variant's behaviour switches. */
  switches: Switches;
  /** Actors in schedule order; the endio system actor comes after them. */
  actors: ActorSpec[];
  /** Mmap task names (index = ModelState.ptes index). */
  tasks: string[];
  /** Open-file slot names (index = ModelState.fds index). */
  files: string[];
  /** Invariants of interest; bit i of ModelState.violated is invariants[i]. */
  invariants: string[];
  /** Bit index of each invariant of interest. */
  invBit: Readonly<Record<string, number>>;
  /** State predicates of the invariants of interest that have one, with their bits. */
  stateChecks: ReadonlyArray<{ bit: number; check: StateCheck }>;
  /** Number of file pages (and disk blocks). */
  pageCount: number;
  /** Buffer heads per page (gfs2; 1 when blocksize == PAGE_SIZE). */
  blocksPerPage: number;
  /** Modelling assumption: page migration ignores extra page references (see btrfs notes, S003-a). */
  migrationIgnoresExtraRefs: boolean;
}

/** The name of the system actor that runs bio completions and the btrfs ordered-extent worker. */
export const ENDIO_ACTOR = 'endio';
