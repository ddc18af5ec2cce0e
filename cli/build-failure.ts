/**
 * esbuild's errors said in one line, `file:line:col: text`, the way compilers and editors point
 * at a place (1-based column).
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
