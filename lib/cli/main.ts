// The threadlab command line: one commander program; each capability registers its subcommands
// from its own file, so adding a command never edits another's code.
import { Command, CommanderError } from 'commander';
import { registerImportCommand } from './import-command';
import { registerParseCommand } from './parse-command';
import { registerSearchCommand } from './search-command';
import { registerScenarioCommand } from './scenario-command';
import { registerClaimsCommand } from './claims-command';
import { packageVersion } from './package-version';

/** Builds the `threadlab` program with every subcommand registered. */
export function buildProgram(): Command {
  const program = new Command('threadlab');
  program
    .description(
      'threadlab: Linux kernel mailing-list threads whose arguments replay in a page-cache model.\n' +
        'The database is ./data/threadlab.db unless THREADLAB_DB names another file.',
    )
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .showHelpAfterError('(run threadlab --help for usage)')
    .exitOverride();
  registerImportCommand(program);
  registerParseCommand(program);
  registerSearchCommand(program);
  registerScenarioCommand(program);
  registerClaimsCommand(program);
  return program;
}

/** Runs the command line and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`threadlab: ${msg}\n`);
    return 1;
  }
}
