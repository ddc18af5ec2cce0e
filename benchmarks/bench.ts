/**
 * `npm run bench`: warm latency, cold starts and bundle sizes, scaling with the number of routes,
 * and memory, for Gantry against the raw floor and its peers (benchmarks/apps), in one run on one
 * machine. Run through scripts/bench.mjs, which bundles this harness into .gantry/bench/<profile>;
 * the workers are bundled beside it. Progress goes to stderr, the summary to stdout, the report
 * to benchmarks/results/latest.{md,json,svg} (or `--out <dir>`).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCold } from './cold/run-cold.js';
import { runMemory } from './memory/run-memory.js';
import { parseArgs } from './profile.js';
import { describeMachine } from './report/machine.js';
import type { BenchResults } from './report/results.js';
import { renderSummary } from './report/summary.js';
import { evaluateTargets } from './report/targets.js';
import { writeReport } from './report/write-report.js';
import { runScaling } from './scaling/run-scaling.js';
import { runWarm } from './warm/run-warm.js';

const progress = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`);
};

/** Runs one section, saying how long it took. */
async function section<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  progress(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main(argv: readonly string[]): Promise<void> {
  const started = performance.now();
  const date = new Date();
  const { profile, outDir } = parseArgs(argv);
  // This file runs from <root>/.gantry/bench/<profile>, beside the bundled workers.
  const harness = dirname(fileURLToPath(import.meta.url));
  const root = resolve(harness, '../../..');
  const dir = outDir
    ? resolve(process.env.INIT_CWD ?? process.cwd(), outDir)
    : join(root, 'benchmarks/results');
  progress(`profile ${profile.name}; report to ${dir}`);

  const worker = (name: string) => join(harness, `${name}.mjs`);
  const warm = await section('warm', () => runWarm(profile, worker('warm-worker'), progress));
  const cold = await section('cold', () =>
    runCold(
      profile,
      { root, runner: worker('cold-runner'), bundles: join(harness, 'cold') },
      progress,
    ),
  );
  const scaling = await section('scaling', () =>
    runScaling(profile, worker('scaling-worker'), progress),
  );
  const memory = await section('memory', () =>
    runMemory(profile, worker('memory-worker'), progress),
  );

  const results: BenchResults = {
    profile: profile.name,
    machine: describeMachine(date),
    durationMs: performance.now() - started,
    warm,
    cold,
    scaling: scaling.rows,
    memory: memory.result,
    targets: evaluateTargets(warm.rows, cold.rows),
    answersChecked: {
      warm: warm.processes.reduce((total, process) => total + process.answersChecked, 0),
      cold: cold.rows.reduce((total, row) => total + row.samples.length, 0),
      scaling: scaling.answersChecked,
      memory: memory.answersChecked,
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
