/**
 * The soak's verdict: how much the heap used after GC grew from the first checkpoint to the
 * last, against the goal.
 */
import type { HeapReading } from '../report/results.js';

/** The goal: less than 5 MB (5,000,000 bytes) of growth, first checkpoint to last. */
export const SOAK_GOAL_BYTES = 5_000_000;

/**
 * Heap used after GC at the last checkpoint less at the first, bytes (negative when it shrank).
 *
 * @example
 * ```ts
 * heapGrowth([{ invocations: 10, heapUsed: 6e6, rss: 6e7, elapsedMs: 1 },
 *             { invocations: 20, heapUsed: 7e6, rss: 6e7, elapsedMs: 2 }]); // 1_000_000
 * ```
 */
export function heapGrowth(readings: readonly HeapReading[]): number {
  const first = readings[0];
  const last = readings.at(-1);
  if (!first || !last || readings.length < 2)
    throw new Error(`the soak needs two heap readings at least, got ${readings.length}`);
  for (const reading of readings) {
    if (!Number.isFinite(reading.heapUsed) || reading.heapUsed <= 0)
      throw new Error(`soak: no heap reading after ${reading.invocations} invocations`);
  }
  return last.heapUsed - first.heapUsed;
}

/**
 * Checks a profile's checkpoints: two at least, positive whole numbers, increasing.
 *
 * @example
 * ```ts
 * checkCheckpoints([10_000, 100_000]); // fine
 * checkCheckpoints([100, 10]); // throws
 * ```
 */
export function checkCheckpoints(checkpoints: readonly number[]): void {
  const increasing = checkpoints.every(
    (n, index) =>
      Number.isInteger(n) && n > 0 && (index === 0 || n > (checkpoints[index - 1] ?? 0)),
  );
  if (checkpoints.length < 2 || !increasing)
    throw new Error(
      `soak: checkpoints must be two or more increasing counts, got [${checkpoints.join(', ')}]`,
    );
}
