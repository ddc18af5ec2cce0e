/**
 * What the harness asks of the memory worker, and what it answers.
 */
import type { Source } from '../app-check.js';
import type { HeapReading } from '../report/results.js';

/** Invoke `variant` `second` times on `source`, reading the heap after `first` and `second`. */
export interface MemoryJob {
  readonly variant: string;
  readonly source: Source;
  readonly first: number;
  readonly second: number;
}

/** The two readings, and how many answers were checked. */
export interface MemoryReadings {
  readonly first: HeapReading;
  readonly second: HeapReading;
  readonly answersChecked: number;
}
