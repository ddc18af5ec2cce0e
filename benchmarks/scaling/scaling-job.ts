/**
 * What the harness asks of a scaling worker, and what it answers.
 */
import type { Sampling } from '../measure/measure-invocations.js';
import type { Warmup } from '../profile.js';
import type { ScalingRun } from '../report/results.js';
import type { Framework } from './route-sets.js';

/** Build `routes` routes on `framework` in a fresh process and time three lookups. */
export interface ScalingJob {
  readonly framework: Framework;
  readonly routes: number;
  readonly warmup: Warmup;
  readonly sampling: Sampling;
}

/** The worker's figures, and how many answers it checked. */
export interface ScalingResult extends ScalingRun {
  readonly answersChecked: number;
}
