import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import {
  type AppOptions,
  apiGatewayV2,
  Controller,
  createApp,
  DEFAULT_LIMITS,
  DEFAULT_NAMESPACE,
  type EventSource,
  Get,
  Post,
} from 'gantry';
import { afterEach, describe, expect, it, vi } from 'vitest';

@Controller('/items')
class ItemsController {
  @Get('/')
  list() {
    return [];
  }
  @Post('/')
  create() {
    return {};
  }
}

/** The namespace a Metrics instance publishes under, as it would appear in its EMF output. */
function namespaceOf(metrics: Metrics): string | undefined {
  metrics.addMetric('probe', 'Count', 1);
  const emf = metrics.serializeMetrics() as {
    _aws: { CloudWatchMetrics: { Namespace: string }[] };
  };
  metrics.clearMetrics();
  return emf._aws.CloudWatchMetrics[0]?.Namespace;
}

describe('createApp', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('builds the routes of its controllers, with their names', () => {
    // Act
    const app = createApp({ controllers: [ItemsController], service: 'items' });

    // Assert
    expect(app.service).toBe('items');
    expect(app.routes.map((route) => route.name)).toEqual(['GET /items', 'POST /items']);
    expect(app.table.find('HEAD', '/items')?.store.name).toBe('HEAD /items');
  });

  it.each([
    ['an empty service name', { controllers: [], service: '' }],
    ['no service name', { controllers: [] }],
  ])('refuses %s with a message that shows the fix', (_, options) => {
    // Prepare
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', '');

    // Act
    const build = () => createApp(options as AppOptions);

    // Assert
    expect(build).toThrow(
      'createHandler needs a service name: createHandler({ controllers, service: "items" })',
    );
  });

  it('takes the service name from POWERTOOLS_SERVICE_NAME when none is given', () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'orders');

    // Act
    const app = createApp({ controllers: [ItemsController] });

    // Assert
    expect(app.service).toBe('orders');
  });

  it('warns once when the service name given differs from POWERTOOLS_SERVICE_NAME', () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'orders');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    // Act
    const app = createApp({ controllers: [ItemsController], service: 'items' });
    createApp({ controllers: [ItemsController], service: 'orders' });

    // Assert
    expect(app.service).toBe('items');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(
      "createHandler({ service: 'items' }) differs from POWERTOOLS_SERVICE_NAME 'orders'",
    );
    warn.mockRestore();
  });

  it.each([
    ['no controllers', { service: 'items' }],
    ['controllers that are not a list', { service: 'items', controllers: {} }],
  ])('refuses %s with a message that shows the fix', (_, options) => {
    // Act
    const build = () => createApp(options as unknown as AppOptions);

    // Assert
    expect(build).toThrow(
      new TypeError(
        'createHandler needs a list of controllers: createHandler({ controllers: [ItemsController], service: "items" })',
      ),
    );
  });

  it('uses defaults: 1 MiB body limit, stage stripped, no base path, built-in sources', () => {
    // Act
    const app = createApp({ controllers: [], service: 'items' });

    // Assert
    expect(app.bodyLimit).toBe(1024 * 1024);
    expect(app.translate).toEqual({ basePaths: [], stripStage: true, limits: DEFAULT_LIMITS });
    expect(app.sources.map((source) => source.name)).toEqual([
      'apigw-v2',
      'apigw-v1',
      'function-url',
      'alb',
      'vpc-lattice',
    ]);
  });

  it('normalises base paths and drops empty ones', () => {
    // Act
    const app = createApp({
      controllers: [],
      service: 'items',
      basePath: ['api/v1/', '/', '', '/v2'],
      stripStage: false,
      bodyLimit: 42,
    });

    // Assert
    expect(app.translate).toEqual({
      basePaths: ['/api/v1', '/v2'],
      stripStage: false,
      limits: { ...DEFAULT_LIMITS, body: 42 },
    });
    expect(app.bodyLimit).toBe(42);
  });

  it('puts your sources first', () => {
    // Prepare
    const mine: EventSource<never> = { ...apiGatewayV2, name: 'mine' } as EventSource<never>;

    // Act
    const app = createApp({ controllers: [], service: 'items', sources: [mine] });

    // Assert
    expect(app.sources[0]?.name).toBe('mine');
    expect(app.sources).toHaveLength(6);
  });

  it('creates one logger and one metrics for the service, on first use', () => {
    // Prepare
    const app = createApp({ controllers: [], service: 'items' });

    // Act
    const logger = app.logger;
    const metrics = app.metrics;

    // Assert
    expect(logger).toBeInstanceOf(Logger);
    expect(app.logger).toBe(logger);
    expect(metrics).toBeInstanceOf(Metrics);
    expect(app.metrics).toBe(metrics);
  });

  it('publishes metrics under the Gantry namespace by default', () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', '');
    const app = createApp({ controllers: [], service: 'items' });

    // Act
    const namespace = namespaceOf(app.metrics);

    // Assert
    expect(namespace).toBe(DEFAULT_NAMESPACE);
  });

  it('publishes metrics under POWERTOOLS_METRICS_NAMESPACE, or the namespace option first', () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'FromEnv');
    const fromEnv = createApp({ controllers: [], service: 'items' });
    const fromOption = createApp({ controllers: [], service: 'items', namespace: 'FromOption' });

    // Act
    const envNamespace = namespaceOf(fromEnv.metrics);
    const optionNamespace = namespaceOf(fromOption.metrics);

    // Assert
    expect(envNamespace).toBe('FromEnv');
    expect(optionNamespace).toBe('FromOption');
  });

  it('uses the logger and metrics it is given', () => {
    // Prepare
    const logger = new Logger({ serviceName: 'mine' });
    const metrics = new Metrics({ serviceName: 'mine', namespace: 'Mine' });

    // Act
    const app = createApp({ controllers: [], service: 'items', logger, metrics });

    // Assert
    expect(app.logger).toBe(logger);
    expect(app.metrics).toBe(metrics);
  });
});
