/**
 * Rounds milliseconds to two decimals (10 µs), the precision logs and metrics report.
 *
 * @example
 * ```ts
 * roundMs(1.23456); // 1.23
 * ```
 */
export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}
