/**
 * What the harness asks of the soak worker, and what it answers.
 */
import type { Source } from '../app-check.js';
import type { HeapReading } from '../report/results.js';

/**
 * Invoke `variant` warm up to the last checkpoint, taking turns on `sources`, reading the heap
 * after forced GCs at each checkpoint.
 */
export interface SoakJob {
  readonly variant: string;
  readonly sources: readonly Source[];
  readonly checkpoints: readonly number[];
}

/** The readings, one per checkpoint, and how many answers were checked. */
export interface SoakReadings {
  readonly readings: readonly HeapReading[];
  readonly invocations: number;
  /** From the first invocation of the soak to the last reading, ms. */
  readonly durationMs: number;
  readonly answersChecked: number;
}
