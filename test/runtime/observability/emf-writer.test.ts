import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emfWriter } from '../../../runtime/observability/emf-writer.js';
import { captureOutput } from '../../support/output.js';

const output = captureOutput();

afterEach(() => {
  vi.unstubAllEnvs();
});

const GROUP = [
  { name: 'Requests', unit: 'Count' },
  { name: 'Latency', unit: 'Milliseconds' },
];

describe('emfWriter', () => {
  it('writes the document Powertools Metrics writes for the same metrics', () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    const write = emfWriter({ service: 'items', namespace: 'Shop' }).group(GROUP, [
      ['service', 'route'],
      ['service'],
    ]);
    const metrics = new Metrics({ serviceName: 'items', namespace: 'Shop' });

    // Act
    write([1, 2.5], { route: 'GET /items/:id', correlation_id: 'c-1' });
    metrics.addDimension('route', 'GET /items/:id');
    metrics.addDimensions({});
    metrics.addMetadata('correlation_id', 'c-1');
    metrics.addMetric('Requests', MetricUnit.Count, 1);
    metrics.addMetric('Latency', MetricUnit.Milliseconds, 2.5);
    metrics.publishStoredMetrics();

    // Assert
    const [ours, theirs] = output.emf();
    expect(output.emf()).toHaveLength(2);
    const { _aws: ourAws, ...ourRoot } = ours ?? { _aws: undefined };
    const { _aws: theirAws, ...theirRoot } = theirs ?? { _aws: undefined };
    expect(ourRoot).toEqual(theirRoot);
    expect(ourAws?.CloudWatchMetrics).toEqual(theirAws?.CloudWatchMetrics);
    expect(ourAws?.Timestamp).toEqual(expect.any(Number));
    expect(Math.abs((ourAws?.Timestamp ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('writes each document as one line, in one write', () => {
    // Prepare
    const write = emfWriter({ service: 's', namespace: 'N', disabled: false }).group(GROUP, [
      ['service'],
    ]);
    const writes = vi.spyOn(process.stdout, 'write');

    // Act
    write([1, 1], {});

    // Assert
    expect(writes).toHaveBeenCalledTimes(1);
    const text = String(writes.mock.calls[0]?.[0]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.slice(0, -1)).not.toContain('\n');
  });

  it('escapes names and values that need it', () => {
    // Prepare
    const write = emfWriter({ service: 'a"b', namespace: 'N', disabled: false }).group(GROUP, [
      ['service', 'route'],
    ]);

    // Act
    write([1, 1], { route: 'GET /say/"hi"\n' });

    // Assert
    expect(output.emf()).toEqual([
      expect.objectContaining({ service: 'a"b', route: 'GET /say/"hi"\n' }),
    ]);
  });

  it('writes 0 for a value that is not a finite number (JSON has no NaN)', () => {
    // Prepare
    const write = emfWriter({ service: 's', namespace: 'N', disabled: false }).group(GROUP, [
      ['service'],
    ]);

    // Act
    write([Number.NaN, Number.POSITIVE_INFINITY], {});
    write([1], {});

    // Assert
    expect(output.emf().map((doc) => [doc.Requests, doc.Latency])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('uses POWERTOOLS_METRICS_NAMESPACE, else Gantry, when no namespace is given', () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'FromEnvironment');
    const fromEnvironment = emfWriter({ service: 's', disabled: false }).group(GROUP, [
      ['service'],
    ]);
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', '');
    const byDefault = emfWriter({ service: 's', disabled: false }).group(GROUP, [['service']]);

    // Act
    fromEnvironment([1, 1], {});
    byDefault([1, 1], {});

    // Assert
    expect(output.emf().map((doc) => doc._aws.CloudWatchMetrics[0]?.Namespace)).toEqual([
      'FromEnvironment',
      'Gantry',
    ]);
  });

  it.each([
    { env: { POWERTOOLS_METRICS_DISABLED: 'true' }, disabled: true },
    { env: { POWERTOOLS_METRICS_DISABLED: 'false', POWERTOOLS_DEV: 'true' }, disabled: false },
    { env: { POWERTOOLS_DEV: 'true' }, disabled: true },
    { env: { POWERTOOLS_DEV: 'false' }, disabled: false },
  ])('follows Powertools: $env -> disabled $disabled', ({ env, disabled }) => {
    // Prepare
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', undefined);
    vi.stubEnv('POWERTOOLS_DEV', undefined);
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    const emf = emfWriter({ service: 's', namespace: 'N' });
    const powertools = new Metrics({ serviceName: 's', namespace: 'N' });

    // Act
    emf.group(GROUP, [['service']])([1, 1], {});

    // Assert
    expect(emf.disabled).toBe(disabled);
    // `isDisabled` is protected in Powertools' types: the same rule, read from the source.
    expect((powertools as unknown as { isDisabled(): boolean }).isDisabled()).toBe(disabled);
    expect(output.emf().length).toBe(disabled ? 0 : 1);
  });
});
