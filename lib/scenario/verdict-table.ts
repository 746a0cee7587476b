// The table of curated scenarios and their expected verdicts, as markdown. lib/scenario/README.md
// holds it between markers and a test keeps it equal to what the files say, so the table in the
// documentation cannot drift from the scenarios.
import { THREAD_SLUGS, THREAD_VARIANTS } from '../engine';
import type { Scenario } from './schema';

/** Markdown tables, one per thread in seed order, of each scenario's claims, invariants and expected verdicts per variant. */
export function verdictTable(scenarios: readonly Scenario[]): string {
  const out: string[] = [];
  for (const thread of THREAD_SLUGS) {
    const mine = scenarios.filter((s) => s.thread === thread).sort((a, b) => a.id.localeCompare(b.id));
    if (mine.length === 0) continue;
    const variants = THREAD_VARIANTS[thread].map((v) => v.id);
    out.push(`**${thread}** (columns: ${variants.map((v) => `\`${v}\``).join(', ')})`, '');
    out.push(`| scenario | claims | invariant | ${variants.map((_, i) => `V${i}`).join(' | ')} |`);
    out.push(`|---|---|---|${variants.map(() => '---').join('|')}|`);
    for (const s of mine) {
      s.invariants.forEach((inv, i) => {
        const head = i === 0 ? `| \`${s.id}\` | ${s.claims.join(', ')} |` : '|  |  |';
        out.push(`${head} \`${inv}\` | ${variants.map((v) => s.expect[v]?.[inv] ?? '—').join(' | ')} |`);
      });
    }
    out.push('');
  }
  return out.join('\n');
}
