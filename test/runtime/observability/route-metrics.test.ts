import { Metrics } from '@aws-lambda-powertools/metrics';
import { DEFAULT_NAMESPACE, METRICS, routeMetrics } from 'gantry';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../../support/output.js';
import { invoke, routeDocuments } from './invoke.js';
import { probeHandler } from './probe-controller.js';

const output = captureOutput();

afterEach(() => {
  vi.unstubAllEnvs();
});

const ROUTE_METRIC_NAMES = [
  METRICS.requests,
  METRICS.latency,
  METRICS.errors4xx,
  METRICS.faults5xx,
].map((metric) => ({ Name: metric.name, Unit: metric.unit }));

describe('route metrics (EMF)', () => {
  it('publishes one EMF document per request with Requests, Latency, Errors4xx and Faults5xx', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, {
      path: '/items/42',
      headers: { 'x-correlation-id': 'corr-42' },
    });

    // Assert
    expect(answer.statusCode).toBe(200);
    const documents = routeDocuments(output);
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(document?._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: DEFAULT_NAMESPACE,
        Dimensions: [['service', 'route'], ['service']],
        Metrics: ROUTE_METRIC_NAMES,
      },
    ]);
    expect(document).toMatchObject({
      service: 'probe',
      route: 'GET /items/:id',
      Requests: 1,
      Errors4xx: 0,
      Faults5xx: 0,
      correlation_id: 'corr-42',
    });
    expect(document?.Latency).toEqual(expect.any(Number));
    expect(document?.Latency as number).toBeGreaterThanOrEqual(0);
  });

  it('names the route by its template and method, never by the raw path', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/user-7f3a' });
    await invoke(handler, { path: '/items/user-9c1b' });

    // Assert
    const documents = routeDocuments(output);
    expect(documents.map((doc) => doc.route)).toEqual(['GET /items/:id', 'GET /items/:id']);
    expect(JSON.stringify(documents)).not.toMatch(/user-7f3a|user-9c1b/);
  });

  it('files a request that matched no route under route "unmatched" and counts it in Errors4xx', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, { path: '/no/such/thing' });

    // Assert
    expect(answer.statusCode).toBe(404);
    expect(routeDocuments(output)).toEqual([
      expect.objectContaining({ route: 'unmatched', Requests: 1, Errors4xx: 1, Faults5xx: 0 }),
    ]);
  });

  it('files a method the path does not allow (405) under route "unmatched"', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, { method: 'DELETE', path: '/items/1' });

    // Assert
    expect(answer.statusCode).toBe(405);
    expect(routeDocuments(output)).toEqual([
      expect.objectContaining({ route: 'unmatched', Errors4xx: 1, Faults5xx: 0 }),
    ]);
  });

  it.each([
    {
      failure: 'an HttpError 404',
      path: '/items/1/missing',
      status: 404,
      Errors4xx: 1,
      Faults5xx: 0,
    },
    { failure: 'a thrown Error', path: '/items/1/fail', status: 500, Errors4xx: 0, Faults5xx: 1 },
    {
      failure: 'a thrown non-Error',
      path: '/items/1/throw-string',
      status: 500,
      Errors4xx: 0,
      Faults5xx: 1,
    },
    {
      failure: 'an HttpError 503',
      path: '/items/1/unavailable',
      status: 503,
      Errors4xx: 0,
      Faults5xx: 1,
    },
    { failure: 'a returned 503', path: '/items/1/busy', status: 503, Errors4xx: 0, Faults5xx: 1 },
  ])(
    'counts $failure ($status) as Errors4xx $Errors4xx, Faults5xx $Faults5xx',
    async ({ path, status, Errors4xx, Faults5xx }) => {
      // Prepare
      const handler = probeHandler();

      // Act
      const answer = await invoke(handler, { path });

      // Assert
      expect(answer.statusCode).toBe(status);
      const documents = routeDocuments(output);
      expect(documents).toHaveLength(1);
      expect(documents[0]).toMatchObject({ Requests: 1, Errors4xx, Faults5xx });
      expect(documents[0]?.route).toMatch(/^GET \/items\/:id\//);
    },
  );

  it('flushes once per invocation: each document counts its own request only', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    for (const id of ['1', '2', '3']) await invoke(handler, { path: `/items/${id}` });

    // Assert
    const documents = routeDocuments(output);
    expect(documents).toHaveLength(3);
    for (const document of documents) expect(document.Requests).toBe(1);
  });

  it('publishes the metrics a route adds through req.metrics under the same route dimensions', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      path: '/items',
      headers: { 'x-correlation-id': 'corr-post' },
    });

    // Assert
    expect(answer.statusCode).toBe(201);
    const documents = routeDocuments(output);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ route: 'POST /items', Requests: 1 });
    const added = output.emf().filter((doc) => 'ItemsCreated' in doc);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      service: 'probe',
      route: 'POST /items',
      ItemsCreated: 1,
      correlation_id: 'corr-post',
    });
    expect(added[0]?._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: DEFAULT_NAMESPACE,
        Dimensions: [['service', 'route'], ['service']],
        Metrics: [{ Name: 'ItemsCreated', Unit: 'Count' }],
      },
    ]);
  });

  it('writes no second document when no route used req.metrics', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/1' });
    await invoke(handler, { method: 'POST', path: '/items' });
    await invoke(handler, { path: '/items/2' });

    // Assert
    expect(routeDocuments(output)).toHaveLength(3);
    expect(output.emf().filter((doc) => 'ItemsCreated' in doc)).toHaveLength(1);
    expect(
      output.emf().filter((doc) => !('Requests' in doc) && !('ColdStart' in doc)),
    ).toHaveLength(1);
  });

  it('publishes in the namespace given to createHandler', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'FromEnvironment');
    const handler = probeHandler({ namespace: 'Shop' });

    // Act
    await invoke(handler, { path: '/items/1' });

    // Assert
    expect(routeDocuments(output)[0]?._aws.CloudWatchMetrics[0]?.Namespace).toBe('Shop');
  });

  it('publishes in POWERTOOLS_METRICS_NAMESPACE when no namespace is given', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'FromEnvironment');
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/1' });

    // Assert
    expect(routeDocuments(output)[0]?._aws.CloudWatchMetrics[0]?.Namespace).toBe('FromEnvironment');
  });

  it('publishes through the Metrics instance passed to createHandler', async () => {
    // Prepare
    const metrics = new Metrics({ namespace: 'Mine', serviceName: 'my-service' });
    const handler = probeHandler({ metrics });

    // Act
    await invoke(handler, { path: '/items/1' });

    // Assert
    expect(routeDocuments(output)).toEqual([
      expect.objectContaining({ service: 'my-service', route: 'GET /items/:id' }),
    ]);
    expect(routeDocuments(output)[0]?._aws.CloudWatchMetrics[0]?.Namespace).toBe('Mine');
  });

  it('publishes no metrics when observability is off', async () => {
    // Prepare
    const handler = probeHandler({ observability: false });

    // Act
    const answer = await invoke(handler, { path: '/items/1' });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(output.emf()).toEqual([]);
  });
});

describe('routeMetrics in a custom chain', () => {
  it('writes Gantry’s EMF line for the service it is given', async () => {
    // Prepare
    const handler = probeHandler({ observability: false }).use(
      routeMetrics({ service: 'custom', namespace: 'Custom' }),
    );

    // Act
    await invoke(handler, { path: '/items/9' });

    // Assert
    expect(routeDocuments(output)).toEqual([
      expect.objectContaining({ service: 'custom', route: 'GET /items/:id', Requests: 1 }),
    ]);
    expect(routeDocuments(output)[0]?._aws.CloudWatchMetrics[0]?.Namespace).toBe('Custom');
    expect(routeDocuments(output)[0]).not.toHaveProperty('correlation_id');
  });

  it('takes the service from POWERTOOLS_SERVICE_NAME, and refuses to guess without one', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', '');
    const withoutService = () => routeMetrics();
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'from-environment');
    const handler = probeHandler({ observability: false }).use(routeMetrics());

    // Act
    await invoke(handler, { path: '/items/9' });

    // Assert
    expect(routeDocuments(output)).toEqual([
      expect.objectContaining({ service: 'from-environment', Requests: 1 }),
    ]);
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', '');
    expect(withoutService).toThrow(/routeMetrics needs a service name/);
  });
});
