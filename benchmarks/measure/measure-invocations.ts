/**
 * Per-invocation latency with mitata: one sample per invocation (never batched, so p99 is the
 * p99 of single invocations), each on a fresh input built outside the timed region.
 */
import { measure } from 'mitata';

/** How long mitata samples: until both minimums are reached, or `maxSamples`. */
export interface Sampling {
  /** Milliseconds of measured time to collect at least. */
  readonly minCpuMs: number;
  readonly minSamples: number;
  readonly maxSamples: number;
}

/** Latency of one invocation, in nanoseconds. */
export interface LatencyStats {
  readonly p50: number;
  readonly p99: number;
  readonly avg: number;
  readonly min: number;
  readonly max: number;
  /** Samples kept (mitata drops the 2 fastest and the 2 slowest). */
  readonly samples: number;
}

/**
 * Times `invoke(input)` once per sample, `input` coming from `prepare()`, which runs before the
 * timer starts (a fresh event, and a turn of the event loop, as the Lambda runtime takes between
 * two invocations).
 *
 * @example
 * ```ts
 * const stats = await measureInvocations(
 *   () => ({ event: appEvent('apigw-v2', GET), context: lambdaContext() }),
 *   ({ event, context }) => handler(event, context),
 *   { minCpuMs: 100, minSamples: 1000, maxSamples: 20_000 },
 * );
 * ```
 */
export async function measureInvocations<T>(
  prepare: () => T | Promise<T>,
  invoke: (input: T) => unknown,
  sampling: Sampling,
): Promise<LatencyStats> {
  const bench = { 0: prepare, bench: (input: T) => invoke(input) };
  const stats = await measure(
    // A generator yielding mitata's "computed parameter" form: parameter 0 is recomputed for
    // every sample, outside the timed region.
    function* () {
      yield bench as unknown as () => unknown;
    },
    {
      min_cpu_time: sampling.minCpuMs * 1e6,
      min_samples: sampling.minSamples,
      max_samples: sampling.maxSamples,
      // Never batch: a sample is one invocation.
      batch_threshold: -1,
      // No forced GC before sampling: a forced full GC shrinks V8's young generation, and
      // allocation-heavy handlers then run up to 2x slower until it grows back (measured on
      // Hono: 50 µs without, 85-150 µs with). A Lambda process never forces one.
      gc: false,
    },
  );
  return {
    p50: stats.p50,
    p99: stats.p99,
    avg: stats.avg,
    min: stats.min,
    max: stats.max,
    samples: stats.samples.length,
  };
}

/** Waits for one turn of the event loop (timers, I/O callbacks, then immediates). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
