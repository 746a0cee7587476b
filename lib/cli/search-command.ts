// `threadlab search <query> [--json] [--limit N]`: lore-style search over the database: the
// knowledge base's threads, claims and scenarios first, then the messages.
import type { Command } from 'commander';
import { dbPath, openStore, searchKnowledge, searchMessages, type KnowledgeHits } from '../store';

/** Registers `search` on the program. */
export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description(
      'search claims, scenarios and messages: s: subject, f: from, b: body, nq: own words, q: quoted words, d:FROM..TO, "phrases", -not, OR; ' +
        'inv:<invariant>, sub:<subsystem>, verdict:<never|sometimes|always> or verdict:<variant>=<verdict>, claim:<thread>#<id> or claim:<id>',
    )
    .argument('<query...>', 'the query (several arguments are joined by spaces)')
    .option('--json', 'print JSON: { threads, claims, scenarios, messages }')
    .option('--limit <n>', 'at most this many results per group', '20')
    .action((words: string[], opts: { json?: boolean; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit must be a positive integer, not "${opts.limit}"`);
      const db = openStore(dbPath());
      try {
        const query = words.join(' ');
        const kb = searchKnowledge(db, query, { limit });
        const outcome = searchMessages(db, query, { limit });
        if (!outcome.ok || !kb.ok) {
          process.stderr.write(`threadlab: search: ${!outcome.ok ? outcome.error : !kb.ok ? kb.error : ''}\n`);
          process.exitCode = 2;
          return;
        }
        if (opts.json === true) {
          process.stdout.write(`${JSON.stringify({ threads: kb.threads, claims: kb.claims, scenarios: kb.scenarios, messages: outcome.hits }, null, 2)}\n`);
          return;
        }
        printKnowledge(kb);
        if (outcome.hits.length === 0) process.stdout.write('no messages found\n');
        for (const h of outcome.hits) {
          process.stdout.write(`${h.date?.slice(0, 10) ?? '----------'}  ${h.from.name ?? h.from.address ?? '?'}: ${h.subject ?? '(no subject)'}\n  <${h.messageId}>\n  ${h.snippet.replace(/\s+/g, ' ')}\n`);
        }
      } finally {
        db.close();
      }
    });
}

/** The knowledge-base groups as text, one heading per non-empty group. */
function printKnowledge(kb: KnowledgeHits): void {
  if (kb.threads.length > 0) {
    process.stdout.write(`threads (${kb.threads.length}):\n`);
    for (const t of kb.threads) process.stdout.write(`  ${t.slug}  ${t.title}\n`);
  }
  if (kb.claims.length > 0) {
    process.stdout.write(`claims (${kb.claims.length}):\n`);
    for (const c of kb.claims) process.stdout.write(`  ${c.thread}#${c.id}  ${c.kind}  ${c.speaker}: ${c.title}\n    ${c.snippet.replace(/\s+/g, ' ')}\n`);
  }
  if (kb.scenarios.length > 0) {
    process.stdout.write(`scenarios (${kb.scenarios.length}):\n`);
    for (const s of kb.scenarios) {
      process.stdout.write(`  ${s.thread}/${s.id}  ${s.title}\n`);
      if (s.verdicts.length > 0) process.stdout.write(`    ${s.verdicts.map((v) => `${v.variant}: ${v.invariant} ${v.verdict}`).join('; ')}\n`);
    }
  }
  if (kb.threads.length + kb.claims.length + kb.scenarios.length > 0) process.stdout.write('messages:\n');
}
