/**
 * The benchmark's apps: every variant answers the app's requests correctly from every source it
 * claims, really fails the ones it is recorded as not supporting, and the observed variants
 * emit per request what Gantry emits (so the benchmark compares like with like).
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_REQUESTS, appEvent, checkApp, invokeHandler } from '../../benchmarks/app-check.js';
import { VARIANTS } from '../../benchmarks/apps/index.js';
import { lambdaContext } from '../../benchmarks/lambda-context.js';
import { captureOutput } from '../support/output.js';

const OBSERVED = ['gantry-full', 'raw-powertools', 'powertools-router-observed'];
const ROUTE_METRICS = ['Requests', 'Latency', 'Errors4xx', 'Faults5xx'];

describe('benchmark apps', () => {
  const output = captureOutput();

  beforeAll(() => {
    // As outside Lambda: no tracing. Set before any variant builds its Powertools utilities.
    vi.stubEnv('AWS_EXECUTION_ENV', undefined);
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'false');
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'GantryBench');
  });

  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('lists every module of benchmarks/apps once, each claiming at least one source', () => {
    // Prepare
    const modules = readdirSync(fileURLToPath(new URL('../../benchmarks/apps', import.meta.url)))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => `benchmarks/apps/${file}`);

    // Act
    const listed = VARIANTS.map((variant) => variant.module);

    // Assert
    expect([...listed].sort()).toEqual(modules.sort());
    for (const variant of VARIANTS) {
      expect(existsSync(variant.file)).toBe(true);
      expect(variant.sources.length).toBeGreaterThan(0);
    }
  });

  for (const variant of VARIANTS) {
    describe(variant.name, () => {
      for (const source of variant.sources) {
        it(`answers GET /items/:id and POST /items (text and base64 bodies) from ${source}`, async () => {
          // Prepare
          const { handler } = await variant.load();

          // Act
          const checked = checkApp(handler, source);

          // Assert
          await expect(checked).resolves.toBeUndefined();
        });
      }

      for (const source of Object.keys(
        variant.unsupported,
      ) as (keyof typeof variant.unsupported)[]) {
        it(`fails the app check from ${source}, as its unsupported entry records`, async () => {
          // Prepare
          const { handler } = await variant.load();

          // Act
          const checked = checkApp(handler, source);

          // Assert
          await expect(checked).rejects.toThrow(source);
        });
      }
    });
  }

  describe.each(OBSERVED)('%s, per request', (name) => {
    it('writes one access line with the route template and the correlation id, and the four route metrics', async () => {
      // Prepare
      const variant = VARIANTS.find((candidate) => candidate.name === name);
      const { handler } = await (variant as (typeof VARIANTS)[number]).load();
      const get = APP_REQUESTS[0] as (typeof APP_REQUESTS)[number];
      const event = appEvent('apigw-v2', {
        ...get,
        spec: { ...get.spec, headers: { ...get.spec.headers, 'x-correlation-id': 'order-42' } },
      });
      output.clear();

      // Act
      await invokeHandler(handler, event, lambdaContext('observed-request'));

      // Assert
      const access = output.logs().filter((line) => line.message === 'request completed');
      expect(access).toHaveLength(1);
      expect(access[0]).toMatchObject({
        level: 'INFO',
        service: 'bench',
        method: 'GET',
        route: 'GET /items/:id',
        status: 200,
        duration_ms: expect.any(Number),
        correlation_id: 'order-42',
      });
      const routeDocs = output.emf().filter((doc) => 'Requests' in doc);
      expect(routeDocs).toHaveLength(1);
      const doc = routeDocs[0] as (typeof routeDocs)[number];
      expect(doc).toMatchObject({ route: 'GET /items/:id', service: 'bench', Requests: 1 });
      const directive = doc._aws.CloudWatchMetrics[0];
      expect(directive?.Namespace).toBe('GantryBench');
      expect(directive?.Metrics.map((metric) => metric.Name)).toEqual(ROUTE_METRICS);
      expect(directive?.Dimensions.some((set) => set.includes('route'))).toBe(true);
    });
  });
});
