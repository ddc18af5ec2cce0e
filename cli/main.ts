/**
 * `gantry`: finds the command, parses its options with `node:util` `parseArgs`, runs it, and turns
 * what went wrong into one line on stderr and an exit code scripts can trust.
 */
import { parseArgs } from 'node:util';
import { CliError, type Command, type CommandInput, EXIT } from './command.js';
import { COMMANDS } from './commands/index.js';
import { commandHelp, overview } from './help.js';
import { gantryPackage } from './package-info.js';

type Io = Pick<CommandInput, 'cwd' | 'stdout' | 'stderr' | 'stdin'>;

/**
 * Runs `gantry <argv>` and resolves with the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['routes', 'src/handler.ts']);
 * ```
 */
export async function main(argv: string[], io: Partial<Io> = {}): Promise<number> {
  const { cwd = process.cwd(), stdout = process.stdout, stderr = process.stderr } = io;
  const stdin = io.stdin ?? process.stdin;
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(overview(COMMANDS));
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    let version: string;
    try {
      version = gantryPackage().version;
    } catch (error) {
      stderr.write(`gantry: cannot tell the version: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
    stdout.write(`${version}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    stderr.write(
      `gantry: unknown command ${JSON.stringify(name)}. Run "gantry --help" for the commands.\n`,
    );
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const { values, positionals } = parse(command, rest);
    return await command.run({ values, positionals, cwd, stdout, stderr, stdin });
  } catch (error) {
    stderr.write(`${failure(command, error)}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.failed;
  }
}

function parse(command: Command, args: string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = (error as Error).message.split('. ')[0];
    throw new CliError(`${reason}. Run "gantry ${command.name} --help"`);
  }
  const count = parsed.positionals.length;
  const { min, max } = command.positionals;
  if (count < min || count > max) {
    const wanted = count < min ? 'missing arguments' : 'too many arguments';
    throw new CliError(
      `${wanted}: gantry ${command.name} ${command.usage}. Run "gantry ${command.name} --help"`,
    );
  }
  return parsed as { values: CommandInput['values']; positionals: string[] };
}

/** One line: the command's name and what went wrong; a stack only with GANTRY_DEBUG=1. */
function failure(command: Command, error: unknown): string {
  const prefix = `gantry ${command.name}: `;
  const debug = process.env.GANTRY_DEBUG === '1';
  if (error instanceof CliError) {
    const { cause } = error;
    const stack = debug && cause instanceof Error && cause.stack ? `\n${cause.stack}` : '';
    return prefix + error.message + stack;
  }
  if (debug && error instanceof Error && error.stack)
    return `${prefix}unexpected error: ${error.stack}`;
  const message = error instanceof Error ? error.message : String(error);
  return `${prefix}unexpected error: ${message.split('\n')[0]} (GANTRY_DEBUG=1 shows where)`;
}
