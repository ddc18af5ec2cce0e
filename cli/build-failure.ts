/**
 * esbuild's errors said in one line, `file:line:col: text`, the way compilers and editors point
 * at a place (1-based column), whether they come as esbuild's messages or as its formatted text.
 */
import { relative, resolve } from 'node:path';

/** What the CLI reads of an esbuild message. */
export interface EsbuildMessage {
  text: string;
  location?: { file: string; line: number; column: number } | null;
}

/**
 * The first of esbuild's `errors` (as a failed `build` throws them), on one line, with its file
 * relative to `cwd` (`workingDir` is the directory esbuild resolved the file names from).
 *
 * @example
 * ```ts
 * buildErrorLine(failure.errors, cwd); // 'src/handler.ts:3:12: Expected ";" but found "x"'
 * ```
 */
export function buildErrorLine(
  errors: readonly EsbuildMessage[],
  cwd: string,
  workingDir: string = cwd,
): string {
  const [first] = errors;
  if (!first) return 'build failed';
  const where = first.location
    ? `${relative(cwd, resolve(workingDir, first.location.file))}:${first.location.line}:${first.location.column + 1}: `
    : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : '';
  return `${where}${first.text}${more}`;
}

/**
 * esbuild's formatted error text (`✘ [ERROR] text`, a blank line, `file:line:col:` with a
 * 0-based column, the code frame), read back into one line: the first error only.
 *
 * @example
 * ```ts
 * formattedErrorLine('✘ [ERROR] Unexpected end of file\n\n    a.ts:3:0:\n', cwd); // 'a.ts:3:1: Unexpected end of file'
 * ```
 */
export function formattedErrorLine(
  text: string,
  cwd: string,
  workingDir: string = process.cwd(),
): string | undefined {
  const count = text.match(/\[ERROR\]/g)?.length ?? 0;
  const more = count > 1 ? ` (and ${count - 1} more errors)` : '';
  const match = /\[ERROR\] ([^\n]*)\n(?:[ \t]*\n)*[ \t]+([^\n]+?):(\d+):(\d+):/.exec(text);
  if (!match) {
    const message = /\[ERROR\] ([^\n]*)/.exec(text)?.[1]?.trim();
    return message === undefined ? undefined : `${message}${more}`;
  }
  const [, message = '', file = '', line = '', column = ''] = match;
  const location = { file, line: Number(line), column: Number(column) };
  return `${buildErrorLine([{ text: message.trim(), location }], cwd, workingDir)}${more}`;
}
