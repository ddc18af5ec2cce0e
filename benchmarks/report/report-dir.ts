/**
 * Where a run writes its report. Only a complete full run (every section, the full profile)
 * writes benchmarks/results, the committed figures the README quotes; quick, smoke and `--only`
 * runs write under .gantry/bench-results (ignored by git), and are refused the committed
 * directory even when asked for it with `--out`.
 */
import { join, resolve } from 'node:path';
import { type BenchArgs, SECTIONS } from '../profile.js';

/** The committed results, from the repository root. */
export const COMMITTED_RESULTS = 'benchmarks/results';

/** Whether `args` asks for a complete full run: the only run whose report may be committed. */
export function isCompleteRun(args: Pick<BenchArgs, 'profile' | 'sections'>): boolean {
  return args.profile.name === 'full' && args.sections.length === SECTIONS.length;
}

/**
 * The directory of the report: `--out` (from `cwd`), else benchmarks/results for a complete
 * full run, else `.gantry/bench-results/<profile>` (`<profile>-<sections>` with `--only`).
 * Throws when a run that is not a complete full run would write benchmarks/results.
 *
 * @example
 * ```ts
 * reportDir(parseArgs(['--quick']), '/repo', '/repo'); // '/repo/.gantry/bench-results/quick'
 * reportDir(parseArgs(['--only', 'soak']), '/repo', '/repo'); // '/repo/.gantry/bench-results/full-soak'
 * ```
 */
export function reportDir(args: BenchArgs, root: string, cwd: string): string {
  const committed = join(root, COMMITTED_RESULTS);
  const complete = isCompleteRun(args);
  if (args.outDir !== undefined) {
    const dir = resolve(cwd, args.outDir);
    if (!complete && dir === committed)
      throw new Error(
        `npm run bench: only a complete full run (no --quick, --smoke or --only) writes ${COMMITTED_RESULTS}, the results the README quotes; pick another --out`,
      );
    return dir;
  }
  if (complete) return committed;
  const label =
    args.sections.length === SECTIONS.length
      ? args.profile.name
      : `${args.profile.name}-${args.sections.join('+')}`;
  return join(root, '.gantry/bench-results', label);
}
