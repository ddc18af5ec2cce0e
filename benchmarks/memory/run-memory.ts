/**
 * Memory: the heap of gantry-full (tracing off) after `first` and after `second` warm
 * invocations, and its growth between the two.
 */
import type { Profile } from '../profile.js';
import type { MemoryResult } from '../report/results.js';
import { lambdaEnv } from '../workers/lambda-env.js';
import { runWorker } from '../workers/spawn-worker.js';
import type { MemoryJob, MemoryReadings } from './memory-job.js';

/**
 * Runs the memory section with `script` (the bundled memory worker).
 *
 * @example
 * ```ts
 * const memory = await runMemory(PROFILES.quick, '.gantry/bench/quick/memory-worker.mjs', console.error);
 * ```
 */
export async function runMemory(
  profile: Profile,
  script: string,
  progress: (line: string) => void,
): Promise<{ result: MemoryResult; answersChecked: number }> {
  const job: MemoryJob = { variant: 'gantry-full', source: 'apigw-v2', ...profile.memory };
  let run: Awaited<ReturnType<typeof runWorker<MemoryReadings>>>;
  try {
    run = await runWorker<MemoryReadings>(script, job, { env: lambdaEnv(), timeoutMs: 600_000 });
  } catch (error) {
    throw new Error(`memory: ${job.variant} failed: ${(error as Error).message}`);
  }
  const { first, second, answersChecked } = run.result;
  const result: MemoryResult = {
    variant: job.variant,
    source: job.source,
    first,
    second,
    growthBytes: second.heapUsed - first.heapUsed,
    stdoutLines: run.stdoutLines,
  };
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
  progress(
    `memory: ${job.variant} heap ${mib(first.heapUsed)} MiB after ${first.invocations} invocations, ${mib(second.heapUsed)} MiB after ${second.invocations}`,
  );
  return { result, answersChecked };
}
