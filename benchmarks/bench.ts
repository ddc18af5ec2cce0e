/**
 * `npm run bench`: warm latency, cold starts and bundle sizes, scaling with the number of routes,
 * a soak (heap after GC over up to a million invocations) and a concurrency check (1,000
 * invocations in flight, no cross-talk), for Gantry against the raw floor and its peers
 * (benchmarks/apps), in one run on one machine. Run through scripts/bench.mjs, which bundles this
 * harness into .gantry/bench/<profile>; the workers are bundled beside it. Progress goes to
 * stderr, the summary to stdout, the report to benchmarks/results/latest.{md,json,svg} for a
 * complete full run, else to .gantry/bench-results/<profile> (or `--out <dir>`).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCold } from './cold/run-cold.js';
import { runConcurrency } from './concurrency/run-concurrency.js';
import { parseArgs, type Section } from './profile.js';
import { describeMachine } from './report/machine.js';
import { reportDir } from './report/report-dir.js';
import type { BenchResults } from './report/results.js';
import { renderSummary } from './report/summary.js';
import { evaluateTargets } from './report/targets.js';
import { writeReport } from './report/write-report.js';
import { runScaling } from './scaling/run-scaling.js';
import { runSoak } from './soak/run-soak.js';
import { runWarm } from './warm/run-warm.js';

const progress = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`);
};

async function main(argv: readonly string[]): Promise<void> {
  const started = performance.now();
  const date = new Date();
  const args = parseArgs(argv);
  const { profile, sections } = args;
  // This file runs from <root>/.gantry/bench/<profile>, beside the bundled workers.
  const harness = dirname(fileURLToPath(import.meta.url));
  const root = resolve(harness, '../../..');
  const dir = reportDir(args, root, process.env.INIT_CWD ?? process.cwd());
  progress(`profile ${profile.name}; sections ${sections.join(', ')}; report to ${dir}`);

  /** Runs one section if asked for, saying how long it took. */
  async function section<T>(name: Section, run: () => Promise<T>): Promise<T | undefined> {
    if (!sections.includes(name)) return undefined;
    const begun = performance.now();
    const result = await run();
    progress(`${name} done in ${((performance.now() - begun) / 1000).toFixed(1)} s`);
    return result;
  }
  const worker = (name: string) => join(harness, `${name}.mjs`);
  const warm = (await section('warm', () => runWarm(profile, worker('warm-worker'), progress))) ?? {
    rows: [],
    processes: [],
  };
  const cold = (await section('cold', () =>
    runCold(
      profile,
      { root, runner: worker('cold-runner'), bundles: join(harness, 'cold') },
      progress,
    ),
  )) ?? { rows: [], bundles: [] };
  const scaling = (await section('scaling', () =>
    runScaling(profile, worker('scaling-worker'), progress),
  )) ?? { rows: [], answersChecked: 0 };
  const soak = await section('soak', () => runSoak(profile, worker('soak-worker'), progress));
  const concurrency = await section('concurrency', () =>
    runConcurrency(profile, worker('concurrency-worker'), progress),
  );

  const results: BenchResults = {
    profile: profile.name,
    sections,
    machine: describeMachine(date),
    durationMs: performance.now() - started,
    warm,
    cold,
    scaling: scaling.rows,
    ...(soak ? { soak } : {}),
    ...(concurrency ? { concurrency } : {}),
    targets: evaluateTargets({ warm: warm.rows, cold: cold.rows, soak, concurrency }),
    answersChecked: {
      warm: warm.processes.reduce((total, process) => total + process.answersChecked, 0),
      cold: cold.rows.reduce((total, row) => total + row.samples.length, 0),
      scaling: scaling.answersChecked,
      soak: soak?.answersChecked ?? 0,
      concurrency: (concurrency ?? []).reduce((total, row) => total + row.checked.answers, 0),
    },
  };
  for (const file of writeReport(results, dir)) progress(`wrote ${file}`);
  process.stdout.write(renderSummary(results));
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  progress(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
