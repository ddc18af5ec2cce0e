/**
 * Warm latency: one child process per variant and source (and again with X-Ray on for the
 * traced variants), each timing the GET and the POST; the rows are the medians of its runs.
 */
import { dirname } from 'node:path';
import { median } from '../measure/percentiles.js';
import { type Profile, selectSources, selectVariants, XRAY_VARIANTS } from '../profile.js';
import type { WarmProcess, WarmRow } from '../report/results.js';
import { lambdaEnv } from '../workers/lambda-env.js';
import { runWorker } from '../workers/spawn-worker.js';
import { openXrayDaemon } from '../workers/xray-daemon.js';
import { TIMED_REQUESTS, type WarmJob, type WarmResult } from './warm-job.js';

/** The warm section's figures. */
export interface WarmSection {
  readonly rows: WarmRow[];
  readonly processes: WarmProcess[];
}

/** Lists the jobs of a profile: every variant on every source, then the X-Ray rows. */
export function warmJobs(profile: Profile): WarmJob[] {
  const { runs, warmup, sampling } = profile.warm;
  const jobs: WarmJob[] = [];
  const variants = selectVariants(profile);
  for (const xray of [false, true]) {
    for (const variant of variants) {
      if (xray && !XRAY_VARIANTS.includes(variant.name)) continue;
      for (const source of selectSources(profile, variant))
        jobs.push({ variant: variant.name, source, xray, runs, warmup, sampling });
    }
  }
  return jobs;
}

async function runJob(script: string, job: WarmJob) {
  if (!job.xray) {
    return runWorker<WarmResult>(script, job, { env: lambdaEnv(), timeoutMs: 300_000 });
  }
  const daemon = await openXrayDaemon();
  try {
    const env = lambdaEnv({ daemonPort: daemon.port, taskRoot: dirname(script) });
    const run = await runWorker<WarmResult>(script, job, { env, timeoutMs: 300_000 });
    // Datagrams still in flight when the worker exited.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { ...run, datagrams: daemon.received() };
  } finally {
    await daemon.close();
  }
}

/**
 * Runs the warm section, one worker at a time (two would share the machine's cores).
 *
 * @example
 * ```ts
 * const warm = await runWarm(PROFILES.quick, '.gantry/bench/quick/warm-worker.mjs', console.error);
 * ```
 */
export async function runWarm(
  profile: Profile,
  script: string,
  progress: (line: string) => void,
): Promise<WarmSection> {
  const jobs = warmJobs(profile);
  const rows: WarmRow[] = [];
  const processes: WarmProcess[] = [];
  for (const [index, job] of jobs.entries()) {
    const label = `${job.variant}${job.xray ? ' +X-Ray' : ''} on ${job.source}`;
    const started = performance.now();
    let run: Awaited<ReturnType<typeof runJob>>;
    try {
      run = await runJob(script, job);
    } catch (error) {
      throw new Error(`warm: ${label} failed: ${(error as Error).message}`);
    }
    const { result } = run;
    const figures: string[] = [];
    for (const request of TIMED_REQUESTS) {
      const runs = result.runs[request];
      const row: WarmRow = {
        variant: job.variant,
        source: job.source,
        xray: job.xray,
        request,
        p50: median(runs.map((stats) => stats.p50)),
        p99: median(runs.map((stats) => stats.p99)),
        runs,
      };
      rows.push(row);
      figures.push(`${request.split(' ')[0]} p50 ${(row.p50 / 1000).toFixed(1)} µs`);
    }
    processes.push({
      variant: job.variant,
      source: job.source,
      xray: job.xray,
      invocations: result.invocations,
      answersChecked: result.answersChecked,
      stdoutLines: run.stdoutLines,
      stdoutBytes: run.stdoutBytes,
      stderrLines: run.stderrLines,
      ...(run.stderrFirst ? { stderrFirst: run.stderrFirst } : {}),
      ...('datagrams' in run ? { datagrams: run.datagrams } : {}),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress(`warm [${index + 1}/${jobs.length}] ${label}: ${figures.join(', ')} (${seconds} s)`);
  }
  return { rows, processes };
}
