/**
 * The soak: gantry-full (tracing off) invoked warm up to a million times on the profile's
 * sources, every answer checked, its heap used read after forced GCs at a few checkpoints; the
 * growth from the first checkpoint to the last is judged against a goal of less than 5 MB.
 */
import { VARIANTS } from '../apps/index.js';
import { type Profile, selectSources } from '../profile.js';
import type { SoakResult } from '../report/results.js';
import { lambdaEnv } from '../workers/lambda-env.js';
import { runWorker } from '../workers/spawn-worker.js';
import { checkCheckpoints, heapGrowth, SOAK_GOAL_BYTES } from './heap-growth.js';
import type { SoakJob, SoakReadings } from './soak-job.js';

const VARIANT = 'gantry-full';

/**
 * Runs the soak with `script` (the bundled soak worker).
 *
 * @example
 * ```ts
 * const soak = await runSoak(PROFILES.quick, '.gantry/bench/quick/soak-worker.mjs', console.error);
 * soak.growthBytes < soak.goalBytes; // the goal met
 * ```
 */
export async function runSoak(
  profile: Profile,
  script: string,
  progress: (line: string) => void,
): Promise<SoakResult> {
  const variant = VARIANTS.find((candidate) => candidate.name === VARIANT);
  if (!variant) throw new Error(`no variant '${VARIANT}' in benchmarks/apps/index.ts`);
  const { checkpoints } = profile.soak;
  checkCheckpoints(checkpoints);
  const job: SoakJob = { variant: VARIANT, sources: selectSources(profile, variant), checkpoints };
  const last = checkpoints.at(-1) ?? 0;
  let run: Awaited<ReturnType<typeof runWorker<SoakReadings>>>;
  try {
    run = await runWorker<SoakReadings>(script, job, {
      env: lambdaEnv(),
      // A minute, and a millisecond per invocation: ten times what one takes on 2 slow cores.
      timeoutMs: 60_000 + last,
      progress: (line) => progress(`soak: ${line}`),
    });
  } catch (error) {
    throw new Error(`soak: ${job.variant} failed: ${(error as Error).message}`);
  }
  const { readings, invocations, durationMs, answersChecked } = run.result;
  const growthBytes = heapGrowth(readings);
  const first = readings[0] as (typeof readings)[number];
  progress(
    `soak: ${job.variant} heap after GC grew ${(growthBytes / 1e6).toFixed(2)} MB from ${first.invocations.toLocaleString('en-US')} to ${invocations.toLocaleString('en-US')} invocations (goal < ${SOAK_GOAL_BYTES / 1e6} MB)`,
  );
  return {
    variant: job.variant,
    sources: job.sources,
    readings,
    growthBytes,
    goalBytes: SOAK_GOAL_BYTES,
    invocations,
    durationMs,
    answersChecked,
    stdoutLines: run.stdoutLines,
  };
}
