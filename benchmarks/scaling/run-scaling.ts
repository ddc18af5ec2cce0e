/**
 * Scaling: Gantry, the Powertools Router and Hono with 10, 100 and 1,000 generated routes, each
 * in fresh processes (the route-table build is a once-per-process figure): build time, first
 * request, and warm lookups of the first route, the last route and a 404.
 */
import { median } from '../measure/percentiles.js';
import type { Profile } from '../profile.js';
import type { ScalingRow } from '../report/results.js';
import { lambdaEnv } from '../workers/lambda-env.js';
import { runWorker } from '../workers/spawn-worker.js';
import { FRAMEWORKS } from './route-sets.js';
import type { ScalingResult } from './scaling-job.js';

type Lookup = 'first' | 'last' | 'notFound';

function medianOf(runs: readonly ScalingResult[], lookup: Lookup) {
  return {
    p50: median(runs.map((run) => run[lookup].p50)),
    p99: median(runs.map((run) => run[lookup].p99)),
  };
}

/**
 * Runs the scaling section with `script` (the bundled scaling worker).
 *
 * @example
 * ```ts
 * const rows = await runScaling(PROFILES.quick, '.gantry/bench/quick/scaling-worker.mjs', console.error);
 * ```
 */
export async function runScaling(
  profile: Profile,
  script: string,
  progress: (line: string) => void,
): Promise<{ rows: ScalingRow[]; answersChecked: number }> {
  const { sizes, runs, warmup, sampling } = profile.scaling;
  const rows: ScalingRow[] = [];
  let answersChecked = 0;
  for (const routes of sizes) {
    for (const framework of FRAMEWORKS) {
      const results: ScalingResult[] = [];
      for (let run = 0; run < runs; run++) {
        const job = { framework, routes, warmup, sampling };
        try {
          const { result } = await runWorker<ScalingResult>(script, job, {
            env: lambdaEnv(),
            timeoutMs: 300_000,
          });
          results.push(result);
          answersChecked += result.answersChecked;
        } catch (error) {
          throw new Error(
            `scaling: ${framework} with ${routes} routes failed: ${(error as Error).message}`,
          );
        }
      }
      const row: ScalingRow = {
        framework,
        routes,
        buildMs: median(results.map((result) => result.buildMs)),
        firstRequestMs: median(results.map((result) => result.firstRequestMs)),
        first: medianOf(results, 'first'),
        last: medianOf(results, 'last'),
        notFound: medianOf(results, 'notFound'),
        runs: results.map(({ answersChecked: _, ...run }) => run),
      };
      rows.push(row);
      progress(
        `scaling: ${framework} with ${routes} routes: build ${row.buildMs.toFixed(2)} ms, last route p50 ${(row.last.p50 / 1000).toFixed(1)} µs`,
      );
    }
  }
  return { rows, answersChecked };
}
