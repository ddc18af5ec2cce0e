import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { coldStart, createHandler, LOG_MESSAGES, METRICS } from 'gantry';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../../support/output.js';
import { coldStartDocuments, invoke, linesWith } from './invoke.js';
import { ProbeController, probeHandler } from './probe-controller.js';

const output = captureOutput();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('cold start', () => {
  it('publishes ColdStart 1 and InitDuration under the service dimension on the first invocation', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/1', headers: { 'x-correlation-id': 'first-request' } });

    // Assert
    const documents = coldStartDocuments(output);
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document?._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'Gantry',
        Dimensions: [['service']],
        Metrics: [
          { Name: METRICS.coldStart.name, Unit: 'Count' },
          { Name: METRICS.initDuration.name, Unit: 'Milliseconds' },
        ],
      },
    ]);
    expect(document).toMatchObject({
      service: 'probe',
      ColdStart: 1,
      init_type: 'on-demand',
      correlation_id: 'first-request',
    });
    expect(document).not.toHaveProperty('route');
    expect(document?.InitDuration).toEqual(expect.any(Number));
    expect(document?.InitDuration as number).toBeGreaterThan(0);
  });

  it('publishes ColdStart once per handler instance, not on later invocations', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    for (const id of ['1', '2', '3']) await invoke(handler, { path: `/items/${id}` });

    // Assert
    expect(coldStartDocuments(output)).toHaveLength(1);
    expect(linesWith(output, LOG_MESSAGES.coldStart)).toHaveLength(1);
  });

  it('counts a cold start for each handler instance (each one is its own execution environment)', async () => {
    // Prepare
    const first = probeHandler();
    const second = probeHandler();

    // Act
    await invoke(first, { path: '/items/1' });
    await invoke(second, { path: '/items/1' });
    await invoke(first, { path: '/items/1' });

    // Assert
    expect(coldStartDocuments(output)).toHaveLength(2);
  });

  it.each(['on-demand', 'provisioned-concurrency', 'snap-start'])(
    'reports init type %s from AWS_LAMBDA_INITIALIZATION_TYPE in the metric and the log',
    async (initType) => {
      // Prepare
      vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', initType);
      const handler = probeHandler();

      // Act
      await invoke(handler, { path: '/items/1' });

      // Assert
      expect(coldStartDocuments(output)).toEqual([
        expect.objectContaining({ ColdStart: 1, init_type: initType }),
      ]);
      const [line] = linesWith(output, LOG_MESSAGES.coldStart);
      expect(line).toMatchObject({ level: 'INFO', init_type: initType, cold_start: true });
      expect(line?.init_duration_ms).toBe(coldStartDocuments(output)[0]?.InitDuration);
    },
  );

  it.each(['on-demand', 'provisioned-concurrency', 'snap-start'])(
    'marks every log line of the first invocation, and no other, cold_start (init type %s)',
    async (initType) => {
      // Prepare
      vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', initType);
      const handler = probeHandler();

      // Act
      await invoke(handler, { path: '/items/1' }, 'first-invocation');
      await invoke(handler, { path: '/items/2' }, 'second-invocation');

      // Assert
      const lines = output.logs();
      const first = lines.filter((line) => line.function_request_id === 'first-invocation');
      const second = lines.filter((line) => line.function_request_id === 'second-invocation');
      expect(first.map((line) => line.message)).toEqual([
        LOG_MESSAGES.coldStart,
        'item read',
        LOG_MESSAGES.access,
      ]);
      expect(first.map((line) => line.cold_start)).toEqual([true, true, true]);
      expect(second.map((line) => line.message)).toEqual(['item read', LOG_MESSAGES.access]);
      expect(second.map((line) => line.cold_start)).toEqual([false, false]);
    },
  );

  it('publishes the cold start separately from the route metrics, which keep their own dimensions', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/1' });

    // Assert
    const documents = output.emf();
    expect(documents.map((doc) => doc._aws.CloudWatchMetrics[0]?.Dimensions)).toEqual([
      [['service']],
      [['service', 'route'], ['service']],
    ]);
    expect(documents[1]).not.toHaveProperty('ColdStart');
  });
});

describe('coldStart middleware in a custom chain', () => {
  it('reports the init duration it was given', async () => {
    // Prepare
    const metrics = new Metrics({ serviceName: 'custom', namespace: 'Custom' });
    const logger = new Logger({ serviceName: 'custom' });
    const handler = createHandler({
      controllers: [ProbeController],
      service: 'custom',
      observability: false,
    }).use(coldStart({ logger, metrics, initDurationMs: 123.456 }));

    // Act
    await invoke(handler, { path: '/items/1' });

    // Assert
    expect(coldStartDocuments(output)).toEqual([
      expect.objectContaining({ InitDuration: 123.46, ColdStart: 1 }),
    ]);
    expect(linesWith(output, LOG_MESSAGES.coldStart)).toEqual([
      expect.objectContaining({ init_duration_ms: 123.46 }),
    ]);
  });

  it('publishes without a correlation id when no correlationId middleware runs', async () => {
    // Prepare
    const metrics = new Metrics({ serviceName: 'custom', namespace: 'Custom' });
    const handler = createHandler({
      controllers: [ProbeController],
      service: 'custom',
      observability: false,
    }).use(coldStart({ metrics }));

    // Act
    await invoke(handler, { path: '/items/1' });

    // Assert
    const [document] = coldStartDocuments(output);
    expect(document).toMatchObject({ ColdStart: 1, init_type: 'on-demand' });
    expect(document).not.toHaveProperty('correlation_id');
    expect(linesWith(output, LOG_MESSAGES.coldStart)).toEqual([]);
  });
});
