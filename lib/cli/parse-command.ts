// `threadlab parse <file> [--json] [--format F]`: reads a file the way import would, without
// touching the database, and prints its messages as JSON or as a readable outline.
import type { Command } from 'commander';
import type { Block, ParsedMessage } from '../mail';
import { parseSource, detectFile } from '../importer';
import { checkFormat } from './import-command';

/** The JSON printed by `parse --json`. */
export interface ParseOutput {
  format: string;
  messages: {
    messageId: string;
    inReplyTo: string | null;
    references: string[];
    subject: string | null;
    from: { name: string | null; address: string | null };
    date: string | null;
    derived: boolean;
    blocks: Pick<Block, 'kind' | 'depth' | 'speaker' | 'text' | 'raw' | 'confidence'>[];
    diagnostics: { ruleId: string; reason: string; line: number | null }[];
  }[];
}

/** Parses a file into the `parse --json` shape. */
export async function parseFile(path: string, format?: string): Promise<ParseOutput> {
  const forced = checkFormat(format);
  const det = await detectFile(path, forced);
  const out: ParseOutput = { format: det.format, messages: [] };
  for await (const copy of parseSource(path, forced === undefined ? {} : { format: forced })) out.messages.push(shape(copy.message));
  return out;
}

function shape(m: ParsedMessage): ParseOutput['messages'][number] {
  return {
    messageId: m.messageId, inReplyTo: m.inReplyTo, references: m.references, subject: m.subject, from: m.from, date: m.date, derived: m.derived,
    blocks: m.blocks.map((b) => ({ kind: b.kind, depth: b.depth, speaker: b.speaker, text: b.text, raw: b.raw, confidence: b.confidence })),
    diagnostics: m.diagnostics.map((d) => ({ ruleId: d.ruleId, reason: d.reason, line: d.line })),
  };
}

const MARGIN = 18;

/** The outline: one line per block, indented by depth, the speaker's name in the margin. */
export function outline(p: ParseOutput): string {
  const lines: string[] = [`format: ${p.format}`];
  for (const m of p.messages) {
    lines.push('', `<${m.messageId}>${m.derived ? ' (derived)' : ''}`, `  subject: ${m.subject ?? '-'}`, `  from: ${m.from.name ?? '-'}${m.from.address !== null ? ` <${m.from.address}>` : ''}  date: ${m.date ?? '-'}`);
    if (m.inReplyTo !== null) lines.push(`  in-reply-to: <${m.inReplyTo}>`);
    for (const b of m.blocks) {
      if (b.kind === 'blank') continue;
      const who = (b.speaker?.name ?? '?').slice(0, MARGIN - 1).padEnd(MARGIN);
      const first = b.text.split('\n')[0] ?? '';
      const more = b.text.includes('\n') ? ` (+${b.text.split('\n').length - 1} lines)` : '';
      lines.push(`${who}${'  '.repeat(b.depth)}[${b.kind}] ${first.slice(0, 100)}${more}`);
    }
    for (const d of m.diagnostics) lines.push(`  ! ${d.ruleId}: ${d.reason}${d.line !== null ? ` (line ${d.line})` : ''}`);
  }
  return lines.join('\n') + '\n';
}

/** Registers `parse` on the program. */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('parse a file without touching the database; print its messages and quote trees')
    .argument('<file>', 'an mbox, .eml or archive page')
    .option('--json', 'print JSON instead of the outline')
    .option('--format <format>', 'force the input format')
    .action(async (file: string, opts: { json?: boolean; format?: string }) => {
      let result: ParseOutput;
      try {
        result = await parseFile(file, opts.format);
      } catch (err) {
        // One line naming the file, as import does: the reason alone does not say which input.
        throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
      process.stdout.write(opts.json === true ? `${JSON.stringify(result, null, 2)}\n` : outline(result));
    });
}
