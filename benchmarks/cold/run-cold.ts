/**
 * Cold starts: every variant's Lambda bundle, started in fresh `node` processes in a Lambda-like
 * environment (and again with X-Ray on for the traced variants), taking turns so that machine
 * noise spreads over all of them; every first answer is checked.
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { APP_REQUESTS, appEvent, checkAnswer } from '../app-check.js';
import { percentile } from '../measure/percentiles.js';
import { type Profile, selectVariants, XRAY_VARIANTS } from '../profile.js';
import type { BundleRow, ColdRow, ColdSample } from '../report/results.js';
import { lambdaEnv } from '../workers/lambda-env.js';
import { countLines } from '../workers/spawn-worker.js';
import { openXrayDaemon, type XrayDaemon } from '../workers/xray-daemon.js';
import { bundleVariant } from './bundle-variant.js';
import type { ColdReport } from './cold-runner.js';

/** The cold section's figures. */
export interface ColdSection {
  readonly rows: ColdRow[];
  readonly bundles: BundleRow[];
}

interface ColdPlan {
  readonly variant: string;
  readonly bundle: string;
  readonly daemon?: XrayDaemon;
  readonly samples: ColdSample[];
  stdoutLines: number;
}

const GET = APP_REQUESTS[0] as (typeof APP_REQUESTS)[number];

/** Starts one fresh process on `plan`'s bundle and resolves with its report. */
function coldStart(runner: string, plan: ColdPlan, event: string): Promise<ColdReport> {
  const taskRoot = dirname(plan.bundle);
  const env = plan.daemon ? lambdaEnv({ daemonPort: plan.daemon.port, taskRoot }) : lambdaEnv();
  const args = [runner, plan.bundle, event, ...(plan.daemon ? ['wait'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: taskRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let report = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      plan.stdoutLines += countLines(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4_000);
    });
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      report += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && report) return resolve(JSON.parse(report) as ColdReport);
      reject(new Error(`exited with ${signal ?? `code ${code}`}\n${stderr.trim()}`));
    });
  });
}

function percentiles(values: number[]) {
  return { p50: percentile(values, 50), p90: percentile(values, 90) };
}

/**
 * Runs the cold section: bundles every variant (from the repository at `paths.root`) into
 * `paths.bundles`, then starts each bundle `profile.cold.processes` times with `paths.runner`
 * (the bundled cold-runner).
 *
 * @example
 * ```ts
 * const paths = { root: process.cwd(), runner, bundles: '.gantry/bench/quick/cold' };
 * const cold = await runCold(PROFILES.quick, paths, console.error);
 * ```
 */
export async function runCold(
  profile: Profile,
  paths: { readonly root: string; readonly runner: string; readonly bundles: string },
  progress: (line: string) => void,
): Promise<ColdSection> {
  const { runner } = paths;
  const variants = selectVariants(profile);
  const bundles = new Map(
    variants.map((variant) => [variant.name, bundleVariant(variant, paths.root, paths.bundles)]),
  );
  progress(`cold: bundled ${bundles.size} variants with the infra's BUNDLE_SETTINGS`);
  const plans: ColdPlan[] = [];
  for (const xray of [false, true]) {
    for (const variant of variants) {
      if (xray && !XRAY_VARIANTS.includes(variant.name)) continue;
      const bundle = (bundles.get(variant.name) as { file: string }).file;
      const daemon = xray ? await openXrayDaemon() : undefined;
      plans.push({ variant: variant.name, bundle, daemon, samples: [], stdoutLines: 0 });
    }
  }
  const event = JSON.stringify(appEvent('apigw-v2', GET, 'cold-start-request'));
  try {
    for (let round = 0; round < profile.cold.processes; round++) {
      for (const plan of plans) {
        const label = `${plan.variant}${plan.daemon ? ' +X-Ray' : ''}`;
        let report: ColdReport;
        try {
          report = await coldStart(runner, plan, event);
          checkAnswer('apigw-v2', GET, report.answer);
        } catch (error) {
          throw new Error(`cold: ${label}, process ${round + 1}: ${(error as Error).message}`);
        }
        const { importMs, firstInvokeMs, totalMs } = report;
        plan.samples.push({ importMs, firstInvokeMs, totalMs });
      }
      progress(`cold: round ${round + 1}/${profile.cold.processes} (${plans.length} processes)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const rows = plans.map(
      (plan): ColdRow => ({
        variant: plan.variant,
        xray: plan.daemon !== undefined,
        importMs: percentiles(plan.samples.map((sample) => sample.importMs)),
        firstInvokeMs: percentiles(plan.samples.map((sample) => sample.firstInvokeMs)),
        totalMs: percentiles(plan.samples.map((sample) => sample.totalMs)),
        samples: plan.samples,
        stdoutLines: plan.stdoutLines,
        ...(plan.daemon ? { datagrams: plan.daemon.received() } : {}),
      }),
    );
    return { rows, bundles: [...bundles.values()].map((bundle) => bundle.row) };
  } finally {
    for (const plan of plans) await plan.daemon?.close();
  }
}
