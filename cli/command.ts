/**
 * What every `gantry` command is: its name, its one-line summary, its options (in the shape of
 * `node:util` `parseArgs`) and a `run` that returns the process exit code. Commands never call
 * `process.exit` and never print a stack: they throw {@link CliError} for what the user got wrong.
 */
import type { ParseArgsConfig } from 'node:util';

/** A command's options, as `parseArgs` takes them, each with the text `--help` shows. */
export type CommandOptions = Record<
  string,
  NonNullable<ParseArgsConfig['options']>[string] & { description: string; valueName?: string }
>;

/** What `run` receives: the parsed options and positionals, and where to write. */
export interface CommandInput {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  /** The directory the command was typed in. */
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Standard input (for `gantry invoke <handler> -`). */
  stdin: NodeJS.ReadableStream;
}

/** One `gantry` command. */
export interface Command {
  name: string;
  /** One line, shown by `gantry --help`. */
  summary: string;
  /** The usage line after `gantry <name>`, e.g. `<handler> [event.json | -]`. */
  usage: string;
  /** Longer help: what it does, examples. */
  description?: string;
  options: CommandOptions;
  /** How many positionals the command takes. */
  positionals: { min: number; max: number };
  run(input: CommandInput): Promise<number>;
}

/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** The command ran and found a problem (a failed build, a 5xx answer with `--fail`). */
  failed: 1,
  /** The command line or its input was wrong: unknown option, missing file, bad JSON. */
  usage: 2,
} as const;

/**
 * An error the user can act on: printed as one line, `gantry <command>: <message>`, with no
 * stack, and the process exits with `exitCode`.
 *
 * @example
 * ```ts
 * throw new CliError(`no handler file at ${path}`);
 * ```
 */
export class CliError extends Error {
  readonly exitCode: number;
  /** `options.cause`: what went wrong underneath, whose stack `GANTRY_DEBUG=1` prints. */
  constructor(message: string, exitCode: number = EXIT.usage, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
