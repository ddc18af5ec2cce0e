/**
 * Milliseconds for durations, without touching the global `performance`: Node loads perf_hooks
 * the first time it is read, about a millisecond of every cold start.
 */

/**
 * A monotonic clock in milliseconds (arbitrary origin): subtract two readings for a duration.
 *
 * @example
 * ```ts
 * const start = monotonicMs();
 * const durationMs = monotonicMs() - start;
 * ```
 */
export function monotonicMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1e3 + nanoseconds / 1e6;
}

/**
 * Milliseconds since this process started (what `performance.now()` reads, from the same origin).
 *
 * @example
 * ```ts
 * const initDurationMs = sinceProcessStartMs(); // at the end of init
 * ```
 */
export function sinceProcessStartMs(): number {
  return process.uptime() * 1e3;
}
