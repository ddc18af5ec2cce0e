/**
 * Concurrency: 1,000 invocations in flight at once on one handler (gantry-full, and the same
 * chain with routes that await), in a process set up as a Lambda Managed Instance, each with a
 * correlation id, Lambda request id, trace id and path or body of its own; every answer, access
 * line, route log line and EMF document is checked to belong to its own request. Any cross-talk
 * fails the run: it is a correctness check, not a figure.
 */
import { VARIANTS } from '../apps/index.js';
import { type Profile, selectSources } from '../profile.js';
import type { ConcurrencyRow } from '../report/results.js';
import { lambdaEnv } from '../workers/lambda-env.js';
import { runWorker } from '../workers/spawn-worker.js';
import { CONCURRENCY_APPS } from './concurrency-apps.js';
import type { ConcurrencyJob, ConcurrencyReport } from './concurrency-job.js';
import { managedInstanceEnv } from './managed-instance.js';

/** Problems quoted in the report and in the error. */
const EXAMPLES = 10;

/**
 * Fails, quoting the first problems, when a burst found any.
 *
 * @example
 * ```ts
 * assertNoCrossTalk(row); // throws 'concurrency: 3 cross-talk(s) on gantry-full …'
 * ```
 */
export function assertNoCrossTalk(row: ConcurrencyRow): void {
  if (row.crossTalk === 0) return;
  throw new Error(
    `concurrency: ${row.crossTalk} cross-talk(s) on ${row.app} with ${row.inFlight} invocations in flight (outputs that did not belong to exactly their own request):\n  ${row.crossTalkExamples.join('\n  ')}`,
  );
}

/**
 * Runs the concurrency section with `script` (the bundled concurrency worker); throws on any
 * cross-talk.
 *
 * @example
 * ```ts
 * const rows = await runConcurrency(PROFILES.quick, '.gantry/bench/quick/concurrency-worker.mjs', console.error);
 * ```
 */
export async function runConcurrency(
  profile: Profile,
  script: string,
  progress: (line: string) => void,
): Promise<ConcurrencyRow[]> {
  const full = VARIANTS.find((candidate) => candidate.name === 'gantry-full');
  if (!full) throw new Error("no variant 'gantry-full' in benchmarks/apps/index.ts");
  const sources = selectSources(profile, full);
  const { inFlight } = profile.concurrency;
  const env = { ...lambdaEnv(), ...managedInstanceEnv(inFlight) };
  const rows: ConcurrencyRow[] = [];
  for (const app of CONCURRENCY_APPS) {
    const job: ConcurrencyJob = { app: app.name, sources, inFlight };
    let report: ConcurrencyReport;
    try {
      report = (await runWorker<ConcurrencyReport>(script, job, { env, timeoutMs: 120_000 }))
        .result;
    } catch (error) {
      throw new Error(`concurrency: ${app.name} failed: ${(error as Error).message}`);
    }
    const row: ConcurrencyRow = {
      app: app.name,
      description: app.description,
      sources,
      inFlight,
      peakInFlight: report.peakInFlight,
      outOfOrder: report.outOfOrder,
      durationMs: report.durationMs,
      checked: report.checked,
      crossTalk: report.problems.length,
      crossTalkExamples: report.problems.slice(0, EXAMPLES),
    };
    const { checked } = row;
    progress(
      `concurrency: ${app.name}, ${inFlight} in flight (peak ${row.peakInFlight}, ${row.outOfOrder} out of order): ${checked.answers} answers, ${checked.accessLines} access lines, ${checked.routeLines} route lines, ${checked.emfDocuments} EMF documents checked; cross-talk ${row.crossTalk}`,
    );
    assertNoCrossTalk(row);
    if (row.peakInFlight !== inFlight)
      throw new Error(
        `concurrency: ${app.name}: only ${row.peakInFlight} of ${inFlight} invocations were in flight at once`,
      );
    rows.push(row);
  }
  return rows;
}
