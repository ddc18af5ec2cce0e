#!/usr/bin/env node
// `npm run fuzz [-- <vitest args>]`: the fuzz suites of test/fuzz at FUZZ_RUNS cases per
// property and source (default 100000), from FUZZ_SEED (default: a random seed, printed).
// Runs vitest without coverage, then prints per source the cases, the wall time and the slowest
// invocations (measured, never asserted); then times each row of the bad-input table. Exits
// non-zero when either run fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.FUZZ_RUNS ?? '100000';
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
if (!/^[1-9]\d*$/.test(runs) || !/^-?\d+$/.test(seed)) {
  console.error(
    `fuzz: FUZZ_RUNS must be a positive integer and FUZZ_SEED an integer (got ${runs}, ${seed})`,
  );
  process.exit(2);
}
const report = mkdtempSync(join(tmpdir(), 'gantry-fuzz-'));
const given = process.env.FUZZ_SEED === undefined ? 'random' : 'given';
console.log(
  `fuzz: ${runs} cases per property and source, seed ${seed} (${given}; replay with FUZZ_SEED=${seed})`,
);

const started = Date.now();
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const args = [vitest, 'run', 'test/fuzz', '--coverage.enabled=false', ...process.argv.slice(2)];
const result = spawnSync(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed, FUZZ_REPORT: report },
});
const wall = (ms) =>
  ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;

const files = readdirSync(report).filter((file) => file.endsWith('.json'));
const sources = files.map((file) => JSON.parse(readFileSync(join(report, file), 'utf8')));
console.log(
  `\nfuzz: seed ${seed}, ${runs} cases per property, ${wall(Date.now() - started)} in all`,
);
console.log('source                 cases/property  invocations  wall time  failed');
for (const stats of sources) {
  const cases = Math.max(...stats.properties.map((run) => run.cases));
  const ms = stats.properties.reduce((sum, run) => sum + run.wallMs, 0);
  const failed = stats.properties.filter((run) => run.failed);
  console.log(
    `${stats.source.padEnd(22)} ${String(cases).padStart(14)}  ${String(stats.invocations).padStart(11)}  ${wall(ms).padStart(9)}  ${failed.length}/${stats.properties.length}`,
  );
  for (const run of failed) console.log(`    failed after ${run.cases} cases: ${run.property}`);
}
for (const stats of sources) {
  console.log(`\nslowest invocations, ${stats.source}:`);
  for (const slow of stats.slowest) {
    console.log(
      `  ${slow.ms.toFixed(1).padStart(8)} ms  ${String(slow.status).padEnd(8)} ${slow.fuzzCase}`,
    );
  }
}

// The bad-input table, timed row by row (measured here, never asserted in a test).
const table = join(report, 'bad-input.json');
const timed = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    'test/runtime/handler/bad-input.test.ts',
    '--coverage.enabled=false',
    '--reporter=json',
    `--outputFile=${table}`,
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (timed.status === 0) {
  const rows = JSON.parse(readFileSync(table, 'utf8')).testResults.flatMap((file) =>
    file.assertionResults.map((row) => ({ name: row.title, ms: row.duration ?? 0 })),
  );
  rows.sort((a, b) => b.ms - a.ms);
  console.log(`\nbad-input table: ${rows.length} rows, slowest first`);
  for (const row of rows.slice(0, 12)) {
    console.log(`  ${row.ms.toFixed(1).padStart(8)} ms  ${row.name}`);
  }
} else {
  console.log('\nbad-input table: failed, see above');
}
rmSync(report, { recursive: true, force: true });
process.exit(result.status || timed.status || 0);
