/**
 * How many cases each property runs, from which seed: a fixed, quick run under `npm test`;
 * `npm run fuzz` sets `FUZZ_RUNS` (and `FUZZ_SEED`, `FUZZ_PATH` to replay a failure).
 */

/** Cases per property and source in a plain `npm test` run. */
export const SEEDED_RUNS = 2_000;

/** The seed of a plain `npm test` run. */
export const SEEDED_SEED = 20_260_521;

const runs = Number(process.env.FUZZ_RUNS ?? SEEDED_RUNS);
const seed = Number(process.env.FUZZ_SEED ?? SEEDED_SEED);

/** The run settings, read once from the environment. */
export const fuzzConfig = {
  runs: Number.isInteger(runs) && runs > 0 ? runs : SEEDED_RUNS,
  seed: Number.isInteger(seed) ? seed : SEEDED_SEED,
  /** A counterexample path fast-check printed, to replay one failure (with `-t` for its test). */
  path: process.env.FUZZ_PATH || undefined,
  /** A directory `npm run fuzz` reads per-source statistics from. */
  reportDir: process.env.FUZZ_REPORT || undefined,
  /** Shrinking a failure can take long; a long fuzz run has no time limit at all. */
  timeoutMs: process.env.FUZZ_RUNS ? 0 : 300_000,
};
