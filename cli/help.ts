/**
 * The text of `gantry --help` and `gantry <command> --help`.
 */
import type { Command } from './command.js';

/**
 * Every command with its summary.
 *
 * @example
 * ```ts
 * process.stdout.write(overview(COMMANDS));
 * ```
 */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'gantry: HTTP APIs on AWS Lambda, in TypeScript',
    '',
    'Usage: gantry <command> [options]',
    '',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run "gantry <command> --help" for its options. gantry --version prints the version.',
    '',
  ].join('\n');
}

/**
 * A command's usage, description and options.
 *
 * @example
 * ```ts
 * process.stdout.write(commandHelp(COMMANDS[0]));
 * ```
 */
export function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, option]) => {
    const short = option.short ? `-${option.short}, ` : '    ';
    const value = option.type === 'string' ? ` <${option.valueName ?? name}>` : '';
    const repeat = option.multiple ? ' (repeatable)' : '';
    return [`${short}--${name}${value}`, `${option.description}${repeat}`] as const;
  });
  const width = Math.max(12, ...options.map(([flags]) => flags.length));
  return [
    `Usage: gantry ${command.name} ${command.usage}`,
    '',
    command.summary,
    ...(command.description ? ['', command.description] : []),
    '',
    'Options:',
    ...options.map(([flags, text]) => `  ${flags.padEnd(width)}  ${text}`),
    `  ${'-h, --help'.padEnd(width)}  this help`,
    '',
  ].join('\n');
}
