/**
 * `npm run bench` end to end, in its smallest configuration (`--smoke`: the floor, gantry-full
 * and raw-powertools on the HTTP API, with and without X-Ray; tiny samples; 3 cold processes;
 * 10 and 100 routes; 1,000 against 2,000 invocations): every section runs, every handler answers
 * correctly, and the report's three files are written. No timing figure is asserted: the
 * benchmark reports what it measured.
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
    expect(results.answersChecked.memory).toBeGreaterThan(0);
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

  it('builds 10 and 100 routes on Gantry, the Powertools Router and Hono, and reads the heap twice', () => {
    // Assert
    expect(results.scaling.map((row) => `${row.framework} ${row.routes}`)).toEqual([
      'gantry 10',
      'powertools-router 10',
      'hono 10',
      'gantry 100',
      'powertools-router 100',
      'hono 100',
    ]);
    expect(results.memory.first.invocations).toBe(1_000);
    expect(results.memory.second.invocations).toBe(2_000);
    expect(results.memory.first.heapUsed).toBeGreaterThan(0);
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
      '## Memory',
    ]) {
      expect(markdown).toContain(heading);
    }
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
