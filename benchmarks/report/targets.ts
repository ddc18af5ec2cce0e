/**
 * The targets, evaluated from one run's own numbers (ratios within one run on one machine): each
 * latency target is met or missed on its worst case over every source and request both variants
 * were measured on; the soak on the growth of its heap after GC; the concurrency check on its
 * cross-talk count. A missed target is reported like a met one.
 */
import { SOURCES } from '../app-check.js';
import { TIMED_REQUESTS } from '../warm/warm-job.js';
import { formatMB, formatRatio } from './format.js';
import { findCold, type WarmKey, warmRatio } from './lookup.js';
import type { ColdRow, ConcurrencyRow, SoakResult, TargetRow, WarmRow } from './results.js';

interface Pair {
  readonly where: string;
  readonly ratio: number;
}

/** `a.p50 / b.p50` on every source and request where both were measured. */
function warmPairs(
  rows: readonly WarmRow[],
  a: Pick<WarmKey, 'variant' | 'xray'>,
  b: Pick<WarmKey, 'variant' | 'xray'>,
): Pair[] {
  const pairs: Pair[] = [];
  for (const source of SOURCES) {
    for (const request of TIMED_REQUESTS) {
      const ratio = warmRatio(rows, { ...a, source, request }, b);
      if (ratio !== undefined) pairs.push({ where: `${source} ${request.split(' ')[0]}`, ratio });
    }
  }
  return pairs;
}

/**
 * A target on warm ratios: `worst` picks the pair that decides it, `meets` judges it. `invert`
 * shows `1 / ratio` (a speed-up) instead of the ratio.
 */
function warmTarget(
  target: string,
  pairs: Pair[],
  limit: { max?: number; minSpeedup?: number },
): TargetRow {
  if (pairs.length === 0)
    return { target, measured: 'not measured', met: null, detail: 'variants not in this run' };
  if (limit.minSpeedup !== undefined) {
    const speedups = pairs.map(({ where, ratio }) => ({ where, ratio: 1 / ratio }));
    const worst = speedups.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    const best = speedups.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    return {
      target,
      measured: `${formatRatio(worst.ratio)} faster (${worst.where})`,
      met: worst.ratio >= limit.minSpeedup,
      detail: `worst of ${pairs.length} source/request pairs; best ${formatRatio(best.ratio)} (${best.where})`,
    };
  }
  const worst = pairs.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const best = pairs.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  return {
    target,
    measured: `${formatRatio(worst.ratio)} (${worst.where})`,
    met: worst.ratio <= (limit.max as number),
    detail: `worst of ${pairs.length} source/request pairs; best ${formatRatio(best.ratio)} (${best.where})`,
  };
}

function coldTarget(rows: readonly ColdRow[]): TargetRow {
  const target = 'Cold start, gantry-full (tracing off): total p50 <= 0.75x raw-powertools';
  const gantry = findCold(rows, 'gantry-full');
  const powertools = findCold(rows, 'raw-powertools');
  if (!gantry || !powertools)
    return { target, measured: 'not measured', met: null, detail: 'variants not in this run' };
  const ratio = gantry.totalMs.p50 / powertools.totalMs.p50;
  return {
    target,
    measured: formatRatio(ratio),
    met: ratio <= 0.75,
    detail: `${gantry.totalMs.p50.toFixed(1)} ms against ${powertools.totalMs.p50.toFixed(1)} ms (p50 of ${gantry.samples.length} processes each)`,
  };
}

/** The soak's goal: heap used after GC grows less than 5 MB from the first checkpoint to the last. */
export function soakTarget(soak: SoakResult | undefined): TargetRow {
  const target = 'Soak: gantry-full heap used after GC grows < 5 MB, first checkpoint to last';
  if (!soak) return { target, measured: 'not measured', met: null, detail: 'section not run' };
  const first = soak.readings[0];
  const last = soak.readings.at(-1);
  const count = (n: number | undefined) => (n ?? 0).toLocaleString('en-US');
  return {
    target,
    measured: `${formatMB(soak.growthBytes, true)} (${count(first?.invocations)} to ${count(last?.invocations)} invocations)`,
    met: soak.growthBytes < soak.goalBytes,
    detail: `heap after GC ${formatMB(first?.heapUsed ?? 0)} to ${formatMB(last?.heapUsed ?? 0)}; ${count(soak.invocations)} invocations in ${(soak.durationMs / 1000).toFixed(1)} s, every answer checked`,
  };
}

/** The concurrency check: no output of one request on another, with every burst in flight. */
export function concurrencyTarget(rows: readonly ConcurrencyRow[] | undefined): TargetRow {
  const target = 'Concurrency: invocations in flight at once on gantry-full, no cross-talk';
  if (!rows || rows.length === 0)
    return { target, measured: 'not measured', met: null, detail: 'section not run' };
  const crossTalk = rows.reduce((total, row) => total + row.crossTalk, 0);
  const sum = (pick: (row: ConcurrencyRow) => number) =>
    rows.reduce((total, row) => total + pick(row), 0).toLocaleString('en-US');
  return {
    target,
    measured: `${crossTalk} cross-talk, ${rows.map((row) => row.inFlight.toLocaleString('en-US')).join(' + ')} in flight`,
    met: crossTalk === 0,
    detail: `${rows.length} bursts; ${sum((row) => row.checked.answers)} answers, ${sum((row) => row.checked.accessLines)} access lines, ${sum((row) => row.checked.routeLines)} route lines, ${sum((row) => row.checked.emfDocuments)} EMF documents checked`,
  };
}

/** What the targets are judged on: the rows of the sections that ran. */
export interface TargetInputs {
  readonly warm: readonly WarmRow[];
  readonly cold: readonly ColdRow[];
  readonly soak?: SoakResult;
  readonly concurrency?: readonly ConcurrencyRow[];
}

/**
 * Evaluates the targets on a run's rows.
 *
 * @example
 * ```ts
 * evaluateTargets({ warm: warm.rows, cold: cold.rows, soak, concurrency }).filter((row) => row.met === false); // the misses
 * ```
 */
export function evaluateTargets({ warm, cold, soak, concurrency }: TargetInputs): TargetRow[] {
  const off = { xray: false };
  return [
    warmTarget(
      'gantry-off p50 <= 3x raw, on every source and request',
      warmPairs(warm, { variant: 'gantry-off', ...off }, { variant: 'raw', ...off }),
      { max: 3 },
    ),
    warmTarget(
      'gantry-full (tracing off) p50 <= 0.7x raw-powertools',
      warmPairs(warm, { variant: 'gantry-full', ...off }, { variant: 'raw-powertools', ...off }),
      { max: 0.7 },
    ),
    warmTarget(
      'gantry-full (tracing off) >= 3x faster than powertools-router-observed (p50)',
      warmPairs(
        warm,
        { variant: 'gantry-full', ...off },
        { variant: 'powertools-router-observed', ...off },
      ),
      { minSpeedup: 3 },
    ),
    warmTarget(
      'X-Ray on: gantry-full +X-Ray p50 no slower than raw-powertools +X-Ray',
      warmPairs(
        warm,
        { variant: 'gantry-full', xray: true },
        { variant: 'raw-powertools', xray: true },
      ),
      { max: 1 },
    ),
    coldTarget(cold),
    soakTarget(soak),
    concurrencyTarget(concurrency),
  ];
}
