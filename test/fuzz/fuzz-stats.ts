/**
 * What a fuzz run measured for one source: cases and wall time per property, and the slowest
 * invocations (recorded, never asserted), written where `npm run fuzz` reads them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** One invocation among the slowest. */
export interface SlowCase {
  ms: number;
  status: number | 'rejected';
  /** The fuzz case, printed as fast-check prints it, cut to 400 characters. */
  fuzzCase: string;
}

/** One property's run. */
export interface PropertyRun {
  property: string;
  cases: number;
  shrinks: number;
  wallMs: number;
  failed: boolean;
}

/** The statistics of one source. */
export interface SourceStats {
  source: string;
  seed: number;
  runsPerProperty: number;
  properties: PropertyRun[];
  invocations: number;
  slowest: SlowCase[];
}

const KEEP = 5;

/**
 * Collects a source's statistics.
 *
 * @example
 * ```ts
 * const stats = fuzzStats('alb (single-value)', 20260521, 1500);
 * stats.invocation(1.2, 400, fuzzCase);
 * stats.write('/tmp/fuzz-report');
 * ```
 */
export function fuzzStats(source: string, seed: number, runsPerProperty: number) {
  const stats: SourceStats = {
    source,
    seed,
    runsPerProperty,
    properties: [],
    invocations: 0,
    slowest: [],
  };
  return {
    stats,
    /** Records one invocation's duration; keeps it if it is among the slowest. */
    invocation(ms: number, status: number | 'rejected', fuzzCase: unknown) {
      stats.invocations++;
      const slowest = stats.slowest;
      if (slowest.length >= KEEP && ms <= (slowest[slowest.length - 1]?.ms ?? 0)) return;
      slowest.push({ ms, status, fuzzCase: fc.stringify(fuzzCase).slice(0, 400) });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, KEEP);
    },
    /** Records a property's run. */
    property(run: PropertyRun) {
      stats.properties.push(run);
    },
    /** Writes `<dir>/<source>.json`. */
    write(dir: string) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, `${source.replace(/[^\w.-]+/g, '_')}.json`),
        JSON.stringify(stats, null, 2),
      );
    },
  };
}

/** The recorder {@link fuzzStats} returns. */
export type FuzzStats = ReturnType<typeof fuzzStats>;
