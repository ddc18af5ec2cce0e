/**
 * The fuzz suite of one kind of event: six properties over the same seeded cases of mutated
 * real events, against a handler with the full observability chain. Each case is invoked once
 * and judged by all six properties; the verdicts are kept by the case's printed form, so the
 * six property runs (and their shrinking) share invocations instead of repeating them.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { GantryHandler } from 'gantry';
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { captureConsole } from '../support/console.js';
import { captureOutput } from '../support/output.js';
import { type FuzzCase, fuzzCase } from './event-mutations.js';
import { FUZZ_ENV, fuzzHandler } from './fuzz-app.js';
import { fuzzConfig } from './fuzz-config.js';
import { type FuzzSourceName, fuzzSources } from './fuzz-sources.js';
import { fuzzStats } from './fuzz-stats.js';
import { invokeCase } from './invoke-case.js';
import { judge, PROPERTIES, statusOf } from './properties.js';
import { type PrototypeGuard, prototypeGuard } from './prototype-guard.js';

/**
 * Declares the fuzz suite of one kind of event.
 *
 * @example
 * ```ts
 * describeFuzz('alb-single');
 * ```
 */
export function describeFuzz(name: FuzzSourceName): void {
  const source = fuzzSources[name]();
  const { runs, seed, path, reportDir, timeoutMs } = fuzzConfig;

  describe(`fuzzed ${source.name} events (${runs} cases per property, seed ${seed})`, () => {
    const output = captureOutput();
    captureConsole();
    const stats = fuzzStats(source.name, seed, runs);
    const verdicts = new Map<string, (string | undefined)[]>();
    let handler: GantryHandler;
    let guard: PrototypeGuard;

    beforeAll(() => {
      for (const [key, value] of Object.entries(FUZZ_ENV)) vi.stubEnv(key, value);
      handler = fuzzHandler();
      guard = prototypeGuard();
    });

    afterAll(() => {
      vi.unstubAllEnvs();
      verdicts.clear();
      if (reportDir) stats.write(reportDir);
    });

    async function verdictsOf(fuzz: FuzzCase): Promise<(string | undefined)[]> {
      const key = createHash('sha1').update(fc.stringify(fuzz)).digest('base64');
      const known = verdicts.get(key);
      if (known) return known;
      const outcome = await invokeCase(handler, source, fuzz, output, guard);
      stats.invocation(outcome.ms, statusOf(outcome) ?? 'rejected', fuzz);
      const judged = judge(outcome);
      verdicts.set(key, judged);
      return judged;
    }

    PROPERTIES.forEach(([title], index) => {
      it(
        title,
        async () => {
          const started = performance.now();
          const details = await fc.check(
            fc.asyncProperty(fuzzCase(source), async (fuzz) => {
              const failure = (await verdictsOf(fuzz))[index];
              if (failure !== undefined) throw new Error(failure);
            }),
            { seed, numRuns: runs, path, includeErrorInReport: true },
          );
          stats.property({
            property: title,
            cases: details.numRuns,
            shrinks: details.numShrinks,
            wallMs: performance.now() - started,
            failed: details.failed,
          });
          if (details.failed) throw new Error(fc.defaultReportMessage(details));
        },
        timeoutMs,
      );
    });
  });
}
