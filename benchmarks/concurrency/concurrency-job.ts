/**
 * What the harness asks of the concurrency worker, and what it answers.
 */
import type { Source } from '../app-check.js';
import type { IsolationCounts } from '../report/results.js';

/** One burst: `inFlight` invocations at once on `app`, the sources taking turns. */
export interface ConcurrencyJob {
  /** A name from benchmarks/concurrency/concurrency-apps.ts. */
  readonly app: string;
  readonly sources: readonly Source[];
  readonly inFlight: number;
}

/** What the burst did and what its check found. */
export interface ConcurrencyReport {
  readonly peakInFlight: number;
  readonly outOfOrder: number;
  readonly durationMs: number;
  readonly checked: IsolationCounts;
  /** Every problem found (each a cross-talk or a wrong output), described. */
  readonly problems: readonly string[];
}
