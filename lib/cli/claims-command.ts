// `threadlab claims [thread] [--json]`: the knowledge base's claims of a thread (or of every
// thread): who said what, of which kind, what it answers, its status and the scenario verdicts
// that replay it — the terminal view of what the thread page shows.
import type { Command } from 'commander';
import { listAnnotations } from '../store';

/** Registers `claims` on the program. */
export function registerClaimsCommand(program: Command): void {
  program
    .command('claims')
    .description('print the annotated claims of a thread (by its content slug), or of every thread')
    .argument('[thread]', 'thread slug, e.g. write-cache-pages-stop-on-error')
    .option('--json', 'print JSON')
    .action((thread: string | undefined, opts: { json?: boolean }) => {
      const all = listAnnotations();
      const chosen = thread === undefined ? all : all.filter((a) => a.slug === thread);
      if (chosen.length === 0) {
        process.stderr.write(`threadlab: claims: no annotated thread "${thread}" (known: ${all.map((a) => a.slug).join(', ')})\n`);
        process.exitCode = 2;
        return;
      }
      const problems = chosen.flatMap((a) => a.diagnostics);
      for (const d of problems) process.stderr.write(`${d.file}:${d.line}: ${d.claim ?? '-'} ${d.field ?? ''}: ${d.reason} [${d.ruleId}]\n`);
      if (problems.length > 0) process.exitCode = 1;
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify(chosen.map((a) => ({ thread: a.slug, file: a.file, claims: a.annotation?.claims ?? [] })), null, 2)}\n`);
        return;
      }
      for (const a of chosen) {
        const claims = a.annotation?.claims ?? [];
        process.stdout.write(`${a.slug}: ${a.annotation?.title ?? '(annotation invalid)'} (${claims.length} claims)\n`);
        for (const c of claims) {
          const status = c.status.state === 'landed' && c.status.commit !== null ? `landed ${c.status.commit.slice(0, 12)}` : c.status.state;
          process.stdout.write(`  ${c.id.padEnd(4)} ${c.kind.padEnd(16)} ${c.speaker}, ${c.message.date}${c.answers.length > 0 ? ` (answers ${c.answers.join(', ')})` : ''} [${status}]\n`);
          process.stdout.write(`       ${c.title}\n       "${c.anchor.quote.exact}"\n`);
          for (const l of c.scenarios) process.stdout.write(`       ${l.relation === 'supports' ? '+' : '-'} ${l.scenario} @ ${l.variant}: ${l.invariant} ${l.verdict === 'never' ? 'never violated' : `${l.verdict} violated`}\n`);
          if (c.notReplayable !== null) process.stdout.write(`       not replayable: ${c.notReplayable}\n`);
        }
      }
    });
}
