/**
 * What the harness asks of a warm worker, and what it answers.
 */
import type { Source } from '../app-check.js';
import type { LatencyStats, Sampling } from '../measure/measure-invocations.js';
import type { Warmup } from '../profile.js';
import type { TimedRequest } from '../report/results.js';

/** The timed requests: the GET and the POST with a JSON body (the base64 POST is only checked). */
export const TIMED_REQUESTS: readonly TimedRequest[] = ['GET /items/:id', 'POST /items'];

/** Measure one variant on one source. */
export interface WarmJob {
  readonly variant: string;
  readonly source: Source;
  /** Give each invocation a sampled trace of its own (`_X_AMZN_TRACE_ID`), as Lambda does. */
  readonly xray: boolean;
  readonly runs: number;
  readonly warmup: Warmup;
  readonly sampling: Sampling;
}

/** The worker's figures. */
export interface WarmResult {
  readonly invocations: number;
  readonly answersChecked: number;
  /** Per timed request, one entry per run. */
  readonly runs: Readonly<Record<TimedRequest, readonly LatencyStats[]>>;
}
