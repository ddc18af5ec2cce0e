import { MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  ANNOTATIONS,
  CORRELATION_HEADER,
  CORRELATION_REQUEST_HEADERS,
  DEFAULT_NAMESPACE,
  DIMENSIONS,
  LOG_KEYS,
  LOG_MESSAGES,
  METRICS,
  SENSITIVE_HEADER_PATTERN,
  SENSITIVE_HEADERS,
  subsegmentName,
  UNMATCHED_ROUTE,
} from 'gantry';
import { describe, expect, it } from 'vitest';

const ROUTE_METRICS = ['requests', 'latency', 'errors4xx', 'faults5xx'] as const;
const ENVIRONMENT_METRICS = ['coldStart', 'initDuration'] as const;

describe('subsegmentName', () => {
  it('prefixes the route template with "## "', () => {
    // Act
    const name = subsegmentName('GET /items/:id');

    // Assert
    expect(name).toBe('## GET /items/:id');
  });

  it('names the subsegment of an unmatched request "## unmatched"', () => {
    // Act
    const name = subsegmentName(UNMATCHED_ROUTE);

    // Assert
    expect(name).toBe('## unmatched');
  });
});

describe('METRICS', () => {
  it('lists exactly the route metrics and the execution-environment metrics', () => {
    // Assert
    expect(Object.keys(METRICS).sort()).toEqual([...ROUTE_METRICS, ...ENVIRONMENT_METRICS].sort());
  });

  it.each(ROUTE_METRICS)('publishes %s per service and route, and per service', (key) => {
    // Assert
    expect(METRICS[key].dimensionSets).toEqual([
      [DIMENSIONS.service, DIMENSIONS.route],
      [DIMENSIONS.service],
    ]);
  });

  it.each(ENVIRONMENT_METRICS)('publishes %s under the dimension service only', (key) => {
    // Assert
    expect(METRICS[key].dimensionSets).toEqual([[DIMENSIONS.service]]);
  });

  it.each(Object.entries(METRICS))('gives %s a CloudWatch unit Powertools knows', (_, metric) => {
    // Assert
    expect(Object.values(MetricUnit)).toContain(metric.unit);
  });

  it('names every metric differently', () => {
    // Prepare
    const names = Object.values(METRICS).map((metric) => metric.name);

    // Assert
    expect(new Set(names).size).toBe(names.length);
  });

  it('measures counts in Count and durations in Milliseconds', () => {
    // Assert
    expect(
      Object.fromEntries(Object.values(METRICS).map((metric) => [metric.name, metric.unit])),
    ).toEqual({
      Requests: 'Count',
      Latency: 'Milliseconds',
      Errors4xx: 'Count',
      Faults5xx: 'Count',
      ColdStart: 'Count',
      InitDuration: 'Milliseconds',
    });
  });
});

describe('the rest of the contract', () => {
  it('defaults the namespace to Gantry', () => {
    // Assert
    expect(DEFAULT_NAMESPACE).toBe('Gantry');
  });

  it('reads x-correlation-id first, then x-request-id, and answers with x-correlation-id', () => {
    // Assert
    expect(CORRELATION_REQUEST_HEADERS).toEqual(['x-correlation-id', 'x-request-id']);
    expect(CORRELATION_HEADER).toBe('x-correlation-id');
  });

  it('never logs credentials, cookies, API keys, AWS session tokens or ALB OIDC headers', () => {
    // Assert
    expect(SENSITIVE_HEADERS).toEqual(
      expect.arrayContaining([
        'authorization',
        'proxy-authorization',
        'cookie',
        'set-cookie',
        'x-api-key',
        'x-amz-security-token',
        'x-amzn-oidc-accesstoken',
        'x-amzn-oidc-data',
        'x-amzn-oidc-identity',
      ]),
    );
    for (const name of SENSITIVE_HEADERS) expect(name).toBe(name.toLowerCase());
  });

  it.each([
    'x-amzn-oidc-anything',
    'X-Refresh-Token',
    'x-client-secret',
    'x-user-password',
    'x-goog-api-key',
    'x-session-id',
    'x-hub-signature-256',
    'x-custom-auth',
    'x-aws-credentials',
  ])('treats %s as sensitive by its name', (name) => {
    // Assert
    expect(SENSITIVE_HEADER_PATTERN.test(name)).toBe(true);
  });

  it.each([
    'accept',
    'content-type',
    'user-agent',
    'host',
    'x-correlation-id',
    'x-request-id',
    'x-amzn-trace-id',
    'x-forwarded-for',
    'cloudfront-viewer-country',
  ])('keeps %s, which carries no secret', (name) => {
    // Assert
    expect(SENSITIVE_HEADER_PATTERN.test(name)).toBe(false);
  });

  it('annotates traces with route, method, status, correlation_id and cold_start', () => {
    // Assert
    expect(Object.values(ANNOTATIONS).sort()).toEqual(
      ['cold_start', 'correlation_id', 'method', 'route', 'status'].sort(),
    );
  });

  it('uses snake_case log keys, the Powertools convention', () => {
    // Assert
    for (const key of Object.values(LOG_KEYS)) expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('gives each of its own log lines a distinct message', () => {
    // Prepare
    const messages = Object.values(LOG_MESSAGES);

    // Assert
    expect(new Set(messages).size).toBe(messages.length);
  });
});
