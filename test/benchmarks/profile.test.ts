/**
 * The bench's command line and where it writes: only a complete full run writes the committed
 * results the README quotes; quick, smoke and `--only` runs write elsewhere, and are refused the
 * committed directory.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES, parseArgs, SECTIONS } from '../../benchmarks/profile.js';
import { reportDir } from '../../benchmarks/report/report-dir.js';
import { checkCheckpoints } from '../../benchmarks/soak/heap-growth.js';

const ROOT = '/repo';
const COMMITTED = join(ROOT, 'benchmarks/results');

describe('parseArgs', () => {
  it('runs every section unless --only names some, in the order they run', () => {
    // Act, Assert
    expect(parseArgs([]).sections).toEqual(SECTIONS);
    expect(parseArgs(['--only', 'concurrency,soak']).sections).toEqual(['soak', 'concurrency']);
    expect(parseArgs(['--only', 'soak', '--only', 'warm']).sections).toEqual(['warm', 'soak']);
  });

  it('refuses a section it does not know, with the usage', () => {
    // Act, Assert
    expect(() => parseArgs(['--only', 'memory'])).toThrow(/no section 'memory'.*Usage/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument '--fast'/);
  });
});

describe('the profiles', () => {
  it('soak a million invocations in the full run and far fewer in the others, 1,000 in flight', () => {
    // Act, Assert
    for (const profile of Object.values(PROFILES)) {
      expect(() => checkCheckpoints(profile.soak.checkpoints)).not.toThrow();
      expect(profile.concurrency.inFlight).toBe(1_000);
    }
    expect(PROFILES.full.soak.checkpoints).toEqual([10_000, 100_000, 500_000, 1_000_000]);
    expect(PROFILES.quick.soak.checkpoints.at(-1)).toBeLessThanOrEqual(100_000);
    expect(PROFILES.smoke.soak.checkpoints.at(-1)).toBeLessThanOrEqual(2_000);
  });
});

describe('reportDir', () => {
  it('writes the committed results for a complete full run only', () => {
    // Act, Assert
    expect(reportDir(parseArgs([]), ROOT, ROOT)).toBe(COMMITTED);
    expect(reportDir(parseArgs(['--quick']), ROOT, ROOT)).toBe(
      join(ROOT, '.gantry/bench-results/quick'),
    );
    expect(reportDir(parseArgs(['--smoke']), ROOT, ROOT)).toBe(
      join(ROOT, '.gantry/bench-results/smoke'),
    );
    expect(reportDir(parseArgs(['--only', 'soak,concurrency']), ROOT, ROOT)).toBe(
      join(ROOT, '.gantry/bench-results/full-soak+concurrency'),
    );
  });

  it('refuses the committed results to any other run, however --out names them', () => {
    // Act, Assert
    for (const argv of [
      ['--quick', '--out', 'benchmarks/results'],
      ['--smoke', '--out', `${COMMITTED}/`],
      ['--only', 'soak', '--out', '../repo/benchmarks/results'],
    ]) {
      expect(() => reportDir(parseArgs(argv), ROOT, ROOT)).toThrow(/only a complete full run/);
    }
    expect(reportDir(parseArgs(['--out', 'benchmarks/results']), ROOT, ROOT)).toBe(COMMITTED);
    expect(reportDir(parseArgs(['--smoke', '--out', '/tmp/x']), ROOT, ROOT)).toBe('/tmp/x');
  });
});
