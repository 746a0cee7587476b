// `threadlab search <query> [--json] [--limit N]`: lore-style search over the database.
import type { Command } from 'commander';
import { dbPath, openStore, searchMessages } from '../store';

/** Registers `search` on the program. */
export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description('search messages: s: subject, f: from, b: body, nq: own words, q: quoted words, d:FROM..TO, "phrases", -not, OR')
    .argument('<query...>', 'the query (several arguments are joined by spaces)')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many results', '20')
    .action((words: string[], opts: { json?: boolean; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit must be a positive integer, not "${opts.limit}"`);
      const db = openStore(dbPath());
      try {
        const outcome = searchMessages(db, words.join(' '), { limit });
        if (!outcome.ok) {
          process.stderr.write(`threadlab: search: ${outcome.error}\n`);
          process.exitCode = 2;
          return;
        }
        if (opts.json === true) {
          process.stdout.write(`${JSON.stringify(outcome.hits, null, 2)}\n`);
          return;
        }
        if (outcome.hits.length === 0) process.stdout.write('no messages found\n');
        for (const h of outcome.hits) {
          process.stdout.write(`${h.date?.slice(0, 10) ?? '----------'}  ${h.from.name ?? h.from.address ?? '?'}: ${h.subject ?? '(no subject)'}\n  <${h.messageId}>\n  ${h.snippet.replace(/\s+/g, ' ')}\n`);
        }
      } finally {
        db.close();
      }
    });
}
