/**
 * `npm run bench` end to end, in its smallest configuration (`--smoke`: the floor, gantry-full
 * and raw-powertools on the HTTP API, with and without X-Ray; tiny samples; 3 cold processes;
 * 10 and 100 routes; a soak of 2,000 invocations read at 500, 1,000 and 2,000; two bursts of
 * 1,000 invocations in flight): every section runs, every handler answers correctly, and the
 * report's three files are written. No timing figure is asserted: the benchmark reports what it
 * measured.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../benchmarks/report/results.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SMOKE_VARIANTS = ['raw', 'gantry-full', 'raw-powertools'];
const XRAY_VARIANTS = ['gantry-full', 'raw-powertools'];
const TARGETS = [
  'gantry-off p50 <= 3x raw',
  'gantry-full (tracing off) p50 <= 0.7x raw-powertools',
  'faster than powertools-router-observed',
  'X-Ray on',
  'Cold start',
  'Soak: gantry-full heap used after GC grows < 5 MB',
  'Concurrency: invocations in flight at once on gantry-full, no cross-talk',
];

describe('npm run bench -- --smoke', () => {
  const out = mkdtempSync(join(tmpdir(), 'gantry-bench-smoke-'));
  let stdout = '';
  let results: BenchResults;
  let markdown = '';
  let svg = '';

  beforeAll(async () => {
    // Act (once for the suite: the run takes seconds)
    const run = await promisify(execFile)(
      process.execPath,
      ['scripts/bench.mjs', '--smoke', '--out', out],
      { cwd: root, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
    );
    stdout = run.stdout;
    results = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as BenchResults;
    markdown = readFileSync(join(out, 'latest.md'), 'utf8');
    svg = readFileSync(join(out, 'latest.svg'), 'utf8');
  }, 120_000);

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('times the GET and the POST of every variant, and of the traced ones again with X-Ray', () => {
    // Assert
    const rows = results.warm.rows;
    const keys = rows.map((row) => `${row.variant}${row.xray ? '+x' : ''} ${row.request}`);
    for (const variant of SMOKE_VARIANTS) {
      expect(keys).toContain(`${variant} GET /items/:id`);
      expect(keys).toContain(`${variant} POST /items`);
    }
    for (const variant of XRAY_VARIANTS) expect(keys).toContain(`${variant}+x POST /items`);
    for (const row of rows) {
      expect(row.source).toBe('apigw-v2');
      expect(row.runs.length).toBeGreaterThan(0);
      expect(Number.isFinite(row.p50) && Number.isFinite(row.p99)).toBe(true);
    }
  });

  it('checked every answer, in every section', () => {
    // Assert
    for (const worker of results.warm.processes) {
      // app-check (3 requests) before and after timing, and the last timed GET and POST.
      expect(worker.answersChecked).toBeGreaterThanOrEqual(8);
    }
    expect(results.answersChecked.cold).toBe(results.cold.rows.length * 3);
    expect(results.answersChecked.scaling).toBeGreaterThan(0);
    // The soak checks every answer, and the app on its source before and after.
    expect(results.answersChecked.soak).toBe(2_000 + 2 * 3);
    expect(results.answersChecked.concurrency).toBe(2 * 1_000);
  });

  it('counts the logs of the observed variants and the segments the traced ones send', () => {
    // Assert
    const observed = results.warm.processes.filter((worker) => worker.variant !== 'raw');
    for (const worker of observed) expect(worker.stdoutLines).toBeGreaterThan(0);
    const traced = results.warm.processes.filter((worker) => worker.xray);
    expect(traced.map((worker) => worker.variant).sort()).toEqual([...XRAY_VARIANTS].sort());
    for (const worker of traced) expect(worker.datagrams).toBeGreaterThan(0);
  });

  it('starts every bundle cold and sizes it', () => {
    // Assert
    const cold = results.cold.rows.map((row) => `${row.variant}${row.xray ? '+x' : ''}`);
    expect(cold).toEqual([...SMOKE_VARIANTS, ...XRAY_VARIANTS.map((variant) => `${variant}+x`)]);
    for (const row of results.cold.rows) expect(row.samples).toHaveLength(3);
    expect(results.cold.bundles.map((bundle) => bundle.variant)).toEqual(SMOKE_VARIANTS);
    for (const bundle of results.cold.bundles) {
      expect(bundle.bytes).toBeGreaterThan(0);
      expect(bundle.gzipBytes).toBeGreaterThan(0);
    }
  });

  it('builds 10 and 100 routes on Gantry, the Powertools Router and Hono', () => {
    // Assert
    expect(results.scaling.map((row) => `${row.framework} ${row.routes}`)).toEqual([
      'gantry 10',
      'powertools-router 10',
      'hono 10',
      'gantry 100',
      'powertools-router 100',
      'hono 100',
    ]);
  });

  it('soaks gantry-full and reads its heap after GC at every checkpoint, the growth from the readings', () => {
    // Assert
    const soak = results.soak as NonNullable<BenchResults['soak']>;
    expect(soak.variant).toBe('gantry-full');
    expect(soak.invocations).toBe(2_000);
    expect(soak.readings.map((reading) => reading.invocations)).toEqual([500, 1_000, 2_000]);
    for (const reading of soak.readings) {
      // A real V8 heap: megabytes, not zero, not a placeholder, under the process's RSS.
      expect(reading.heapUsed).toBeGreaterThan(1e6);
      expect(reading.heapUsed).toBeLessThan(reading.rss);
      expect(Number.isInteger(reading.heapUsed)).toBe(true);
    }
    const elapsed = soak.readings.map((reading) => reading.elapsedMs);
    expect([...elapsed].sort((a, b) => a - b)).toEqual(elapsed);
    const [first, , last] = soak.readings;
    expect(soak.growthBytes).toBe((last?.heapUsed ?? 0) - (first?.heapUsed ?? 0));
    expect(soak.goalBytes).toBe(5_000_000);
    const target = results.targets.find((row) => row.target.startsWith('Soak'));
    expect(target?.met).toBe(soak.growthBytes < 5_000_000);
  });

  it('checks two bursts of 1,000 invocations in flight for cross-talk, and finds none', () => {
    // Assert
    const rows = results.concurrency ?? [];
    expect(rows.map((row) => row.app)).toEqual(['gantry-full', 'gantry-full-awaiting']);
    for (const row of rows) {
      expect(row.inFlight).toBe(1_000);
      expect(row.peakInFlight).toBe(1_000);
      expect(row.crossTalk).toBe(0);
      expect(row.crossTalkExamples).toEqual([]);
      expect(row.checked).toMatchObject({
        answers: 1_000,
        accessLines: 1_000,
        emfDocuments: 1_000,
        coldStartDocuments: 1,
        routeLines: row.app === 'gantry-full-awaiting' ? 1_000 : 0,
      });
      expect(row.checked.logLines).toBe(row.checked.accessLines + row.checked.routeLines + 1);
    }
    // The awaiting routes really interleave: answers come back in another order than sent.
    expect(rows[1]?.outOfOrder).toBeGreaterThan(0);
    const target = results.targets.find((row) => row.target.startsWith('Concurrency'));
    expect(target?.met).toBe(true);
  });

  it('evaluates every target, met or missed or not measured, in the JSON, the report and the summary', () => {
    // Assert
    expect(results.targets).toHaveLength(TARGETS.length);
    for (const [index, target] of TARGETS.entries()) {
      const row = results.targets[index];
      expect(row?.target).toContain(target);
      expect([true, false, null]).toContain(row?.met);
      expect(markdown).toContain(row?.target);
      expect(stdout).toContain(row?.target);
    }
  });

  it('writes a report with every section and the machine it ran on', () => {
    // Assert
    for (const heading of [
      '## Targets',
      '## Warm latency per invocation (ns)',
      '## Cold start (ms)',
      '## Bundle size',
      '## Scaling with the number of routes',
      '## Soak (heap after GC)',
      '## Concurrency (invocations in flight at once)',
    ]) {
      expect(markdown).toContain(heading);
    }
    expect(results.sections).toEqual(['warm', 'cold', 'scaling', 'soak', 'concurrency']);
    expect(markdown).not.toContain('Not run');
    expect(markdown).toContain(results.machine.cpuModel);
    expect(markdown).toContain(process.version);
    expect(results.machine.cpuCount).toBeGreaterThan(0);
  });

  it('draws a well-formed SVG chart with one labelled bar pair per warm row', () => {
    // Assert
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/<title>Warm latency per invocation, p50 .+<\/title>/);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    for (const label of ['raw', 'gantry-full', 'raw-powertools', 'gantry-full +X-Ray'])
      expect(svg).toContain(`>${label}</text>`);
    const bars = svg.match(/<rect class="bar"/g) ?? [];
    expect(bars).toHaveLength(results.warm.rows.length);
  });
});
