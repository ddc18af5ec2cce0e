/**
 * Finding figures in a run's rows, for ratios and targets.
 */
import type { Source } from '../app-check.js';
import type { ColdRow, TimedRequest, WarmRow } from './results.js';

/** Which warm row: a variant on a source, one request, tracing off or on. */
export interface WarmKey {
  readonly variant: string;
  readonly source: Source;
  readonly request: TimedRequest;
  readonly xray: boolean;
}

/**
 * The warm row for `key`, if measured.
 *
 * @example
 * ```ts
 * findWarm(rows, { variant: 'raw', source: 'alb', request: 'POST /items', xray: false })?.p50;
 * ```
 */
export function findWarm(rows: readonly WarmRow[], key: WarmKey): WarmRow | undefined {
  return rows.find(
    (row) =>
      row.variant === key.variant &&
      row.source === key.source &&
      row.request === key.request &&
      row.xray === key.xray,
  );
}

/** `numerator.p50 / denominator.p50` for the same source and request, if both were measured. */
export function warmRatio(
  rows: readonly WarmRow[],
  numerator: WarmKey,
  denominator: Pick<WarmKey, 'variant' | 'xray'>,
): number | undefined {
  const top = findWarm(rows, numerator);
  const bottom = findWarm(rows, { ...numerator, ...denominator });
  return top && bottom ? top.p50 / bottom.p50 : undefined;
}

/** The cold row of a variant, tracing off or on, if measured. */
export function findCold(
  rows: readonly ColdRow[],
  variant: string,
  xray = false,
): ColdRow | undefined {
  return rows.find((row) => row.variant === variant && row.xray === xray);
}
