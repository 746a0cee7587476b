import { compileScenario, type Scenario } from '@/lib/scenario';
import { AS_EIO, AS_ENOSPC, BLK_NAMES, PAGE_FLAG_NAMES, TAG_NAMES, runSchedule, type ModelState } from '@/lib/engine';

/** One page's row in the player's table. */
export interface PageRow {
  slot: number;
  index: number;
  mapped: boolean;
  locked: boolean;
  flags: string[];
  tags: string[];
  ref: number;
  data: number;
  disk: number | null;
  blk: string[];
}

/** What the player shows after a step: pages and the mapping's error state. */
export interface Snapshot {
  pages: PageRow[];
  wbErr: number;
  asFlags: string[];
  delayed: number;
  fds: number[][];
}

function names(bits: number, table: readonly string[]): string[] {
  return table.filter((_, i) => (bits & (1 << i)) !== 0);
}

function snapshot(s: ModelState): Snapshot {
  return {
    pages: s.pages.map((p, slot) => ({
      slot,
      index: p.index,
      mapped: p.mapped === 1,
      locked: p.lock !== -1,
      flags: names(p.flags, PAGE_FLAG_NAMES),
      tags: names(p.tags, TAG_NAMES),
      ref: p.ref,
      data: p.data,
      disk: s.disk[p.index] ?? null,
      blk: names(s.blk[p.index] ?? 0, BLK_NAMES),
    })),
    wbErr: s.wbErr,
    asFlags: [...((s.asFlags & AS_EIO) !== 0 ? ['AS_EIO'] : []), ...((s.asFlags & AS_ENOSPC) !== 0 ? ['AS_ENOSPC'] : [])],
    delayed: s.delayed,
    fds: s.fds.map((f) => f.slice()),
  };
}

/**
 * The state before step 1 and after every step of a replayed schedule, for the player. Each
 * snapshot replays the schedule's prefix from the initial state (traces are tens of steps, so
 * the quadratic cost is a few milliseconds and keeps the engine's runner the only stepping code).
 */
export function traceSnapshots(s: Scenario, variant: string, schedule: readonly string[]): Snapshot[] {
  const { world, init } = compileScenario(s, variant);
  const out: Snapshot[] = [snapshot(init)];
  for (let k = 1; k <= schedule.length; k += 1) {
    out.push(snapshot(runSchedule(world, init, schedule.slice(0, k), k).final));
  }
  return out;
}
