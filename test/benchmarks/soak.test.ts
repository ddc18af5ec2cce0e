/**
 * The soak's pieces: its requests are ones gantry-full answers as the soak expects, its growth
 * is the last reading less the first, and its target is met only below 5 MB.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appEvent, checkAnswer, invokeHandler, SOURCES } from '../../benchmarks/app-check.js';
import { VARIANTS } from '../../benchmarks/apps/index.js';
import { lambdaContext } from '../../benchmarks/lambda-context.js';
import type { HeapReading, SoakResult } from '../../benchmarks/report/results.js';
import { soakTarget } from '../../benchmarks/report/targets.js';
import {
  checkCheckpoints,
  heapGrowth,
  SOAK_GOAL_BYTES,
} from '../../benchmarks/soak/heap-growth.js';
import { soakRequest, soakSource } from '../../benchmarks/soak/soak-requests.js';
import { captureOutput } from '../support/output.js';

const reading = (invocations: number, heapUsed: number): HeapReading => ({
  invocations,
  heapUsed,
  rss: 4 * heapUsed,
  elapsedMs: invocations / 10,
});

const soak = (growthBytes: number): SoakResult => ({
  variant: 'gantry-full',
  sources: ['apigw-v2'],
  readings: [reading(10_000, 6e6), reading(1_000_000, 6e6 + growthBytes)],
  growthBytes,
  goalBytes: SOAK_GOAL_BYTES,
  invocations: 1_000_000,
  durationMs: 90_000,
  answersChecked: 1_000_006,
  stdoutLines: 2_000_000,
});

describe('soak requests', () => {
  captureOutput();

  beforeAll(() => {
    vi.stubEnv('AWS_EXECUTION_ENV', undefined);
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'false');
  });

  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('each have a path or a name of their own, and gantry-full answers them as expected on every source', async () => {
    // Prepare
    const variant = VARIANTS.find((candidate) => candidate.name === 'gantry-full');
    const { handler } = await (variant as (typeof VARIANTS)[number]).load();
    const numbers = Array.from({ length: 4 * SOURCES.length }, (_, index) => index + 1);

    // Act
    for (const n of numbers) {
      const source = soakSource(SOURCES, n);
      const request = soakRequest(n);
      const answer = await invokeHandler(handler, appEvent(source, request), lambdaContext());

      // Assert
      checkAnswer(source, request, answer);
    }
    const keys = numbers.map((n) => `${soakRequest(n).spec.path} ${soakRequest(n).spec.body}`);
    expect(new Set(keys).size).toBe(numbers.length);
    expect(new Set(numbers.map((n) => soakSource(SOURCES, n)))).toEqual(new Set(SOURCES));
  });
});

describe('heap growth', () => {
  it('is the heap used after GC at the last checkpoint less at the first', () => {
    // Act, Assert
    expect(heapGrowth([reading(10, 6_000_000), reading(20, 9e6), reading(30, 6_250_000)])).toBe(
      250_000,
    );
    expect(heapGrowth([reading(10, 6_000_000), reading(20, 5_900_000)])).toBe(-100_000);
  });

  it('refuses fewer than two readings, or a reading that is not one', () => {
    // Act, Assert
    expect(() => heapGrowth([reading(10, 6e6)])).toThrow(/two heap readings/);
    expect(() => heapGrowth([reading(10, 6e6), reading(20, 0)])).toThrow(/after 20 invocations/);
    expect(() => heapGrowth([reading(10, Number.NaN), reading(20, 6e6)])).toThrow(/after 10/);
  });

  it('takes two or more increasing checkpoints only', () => {
    // Act, Assert
    expect(() => checkCheckpoints([10_000, 100_000])).not.toThrow();
    expect(() => checkCheckpoints([100_000])).toThrow(/two or more/);
    expect(() => checkCheckpoints([100, 100])).toThrow(/increasing/);
    expect(() => checkCheckpoints([0, 100])).toThrow(/increasing/);
  });
});

describe('the soak target', () => {
  it('is met below 5 MB of growth and missed from 5 MB, and not measured without a soak', () => {
    // Act
    const below = soakTarget(soak(SOAK_GOAL_BYTES - 1));
    const at = soakTarget(soak(SOAK_GOAL_BYTES));
    const none = soakTarget(undefined);

    // Assert
    expect(below.met).toBe(true);
    expect(below.measured).toBe('+5.00 MB (10,000 to 1,000,000 invocations)');
    expect(at.met).toBe(false);
    expect(none.met).toBeNull();
  });
});
