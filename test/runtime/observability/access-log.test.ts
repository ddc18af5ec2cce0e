import { Logger } from '@aws-lambda-powertools/logger';
import { accessLog, createHandler, LOG_MESSAGES, redactHeaders } from 'gantry';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsole } from '../../support/console.js';
import { eventBuilders } from '../../support/events.js';
import { captureOutput } from '../../support/output.js';
import { accessLines, allOutput, invoke, invokeEvent } from './invoke.js';
import { ProbeController, probeHandler } from './probe-controller.js';

const output = captureOutput();
const consoleCalls = captureConsole();

afterEach(() => {
  vi.unstubAllEnvs();
});

const BEARER_SECRET = 's3cr3t-token';
const COOKIE_SECRET = 'c00kie-s3cr3t';
const SET_COOKIE_SECRET = 's3t-c00kie-s3cr3t';

describe('access log', () => {
  it('writes one structured line per request with method, route, path, status, duration, ids and source', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(
      handler,
      { path: '/items/42', headers: { 'x-correlation-id': 'corr-1' } },
      'aws-request-1',
    );

    // Assert
    const lines = accessLines(output);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'INFO',
      message: LOG_MESSAGES.access,
      service: 'probe',
      method: 'GET',
      route: 'GET /items/:id',
      path: '/items/42',
      status: 200,
      correlation_id: 'corr-1',
      cold_start: true,
      source: 'apigw-v2',
      function_name: 'probe-function',
      function_request_id: 'aws-request-1',
    });
    expect(lines[0]?.duration_ms).toEqual(expect.any(Number));
    expect(lines[0]?.duration_ms as number).toBeGreaterThanOrEqual(0);
  });

  it('reports cold_start true on the first request only', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/1' });
    await invoke(handler, { path: '/items/2' });

    // Assert
    expect(accessLines(output).map((line) => line.cold_start)).toEqual([true, false]);
  });

  it('reports the same duration as the Latency metric', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/1' });

    // Assert
    const latency = output.emf().find((doc) => 'Latency' in doc)?.Latency;
    expect(accessLines(output)[0]?.duration_ms).toBe(latency);
  });

  it.each([
    ['apigw-v1', 'apigw-v1'],
    ['apigw-v2', 'apigw-v2'],
    ['function-url', 'function-url'],
    ['alb (single-value)', 'alb'],
    ['alb (multi-value)', 'alb'],
    ['vpc-lattice v1', 'vpc-lattice'],
    ['vpc-lattice v2', 'vpc-lattice'],
  ] as const)('names the event source of a request from %s', async (builder, source) => {
    // Prepare
    const handler = probeHandler();
    const event = eventBuilders[builder]({ path: '/items/7' });

    // Act
    await invokeEvent(handler, event);

    // Assert
    expect(accessLines(output)).toEqual([
      expect.objectContaining({ source, route: 'GET /items/:id', path: '/items/7', status: 200 }),
    ]);
  });

  it.each([
    ['/items/1/missing', 404, 'GET /items/:id/missing'],
    ['/items/1/fail', 500, 'GET /items/:id/fail'],
    ['/items/1/unavailable', 503, 'GET /items/:id/unavailable'],
    ['/nowhere', 404, 'unmatched'],
  ])(
    'logs exactly one line with the status of a failed request (%s)',
    async (path, status, route) => {
      // Prepare
      const handler = probeHandler();

      // Act
      await invoke(handler, { path });

      // Assert
      expect(accessLines(output)).toEqual([expect.objectContaining({ status, route, path })]);
    },
  );

  it('leaves the headers out at INFO level', async () => {
    // Prepare
    const handler = probeHandler();

    // Act
    await invoke(handler, { path: '/items/1', headers: { accept: 'application/json' } });

    // Assert
    expect(accessLines(output)[0]).not.toHaveProperty('headers');
  });

  it('logs the headers, sensitive ones redacted, at DEBUG level (POWERTOOLS_LOG_LEVEL)', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
    const handler = probeHandler();

    // Act
    await invokeEvent(
      handler,
      eventBuilders['apigw-v1']({
        path: '/items/1',
        headers: { accept: 'application/json', authorization: `Bearer ${BEARER_SECRET}` },
        cookies: [`session=${COOKIE_SECRET}`],
      }),
    );

    // Assert
    expect(accessLines(output)[0]?.headers).toEqual({
      accept: 'application/json',
      authorization: '[redacted]',
      cookie: '[redacted]',
    });
  });

  it('logs the headers at the DEBUG level of a Logger passed to createHandler', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'probe', logLevel: 'DEBUG' });
    const handler = probeHandler({ logger });

    // Act
    await invoke(handler, { path: '/items/1', headers: { 'x-custom': 'visible' } });

    // Assert
    expect(accessLines(output)[0]?.headers).toEqual({ 'x-custom': 'visible' });
  });

  /** Every header the contract says is never logged, each with a value to grep for. */
  const SECRET_HEADERS: Record<string, string> = {
    Authorization: `Bearer ${BEARER_SECRET}`,
    'Proxy-Authorization': 'Basic cHJveHktczNjcjN0',
    'X-Api-Key': 'api-key-s3cr3t',
    'X-Amz-Security-Token': 'amz-session-s3cr3t',
    'X-Amzn-Oidc-Accesstoken': 'oidc-access-s3cr3t',
    'X-Amzn-Oidc-Data': 'oidc-data-s3cr3t',
    'X-Amzn-Oidc-Identity': 'oidc-identity-s3cr3t',
    'X-Refresh-Token': 'refresh-s3cr3t',
    'Set-Cookie': `sid=${SET_COOKIE_SECRET}`,
    // The user's own, in another case than the option names it.
    'X-Tenant-Key': 'tenant-s3cr3t',
  };
  const SECRETS = [
    ...Object.values(SECRET_HEADERS).map((value) => value.replace(/^(Bearer|Basic|sid=) ?/, '')),
    COOKIE_SECRET,
  ];

  it.each(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'])(
    'never writes a credential, token, cookie or redactHeaders value, from any source, at %s level',
    async (level) => {
      // Prepare
      vi.stubEnv('POWERTOOLS_LOG_LEVEL', level);
      const handler = probeHandler({ redactHeaders: ['x-tenant-KEY'] });
      const spec = {
        headers: { ...SECRET_HEADERS, 'X-Custom': 'visible-value' },
        cookies: [`session=${COOKIE_SECRET}`, 'theme=dark'],
      };

      // Act
      for (const build of Object.values(eventBuilders)) {
        for (const path of ['/items/1', '/items/1/fail', '/items/1/missing', '/nowhere', '/%zz']) {
          await invokeEvent(handler, build({ ...spec, path }));
        }
        // A request refused before routing is logged too.
        await invokeEvent(
          handler,
          build({ ...spec, path: '/items/1', headers: { ...spec.headers, 'bad name': 'x' } }),
        );
      }

      // Assert
      const written = [...allOutput(output), ...consoleCalls.map((call) => call.line)];
      const accessLogged = ['TRACE', 'DEBUG', 'INFO'].includes(level);
      expect(accessLines(output).length).toBe(
        accessLogged ? Object.keys(eventBuilders).length * 6 : 0,
      );
      expect(written.length).toBeGreaterThan(0);
      for (const line of written) {
        for (const secret of SECRETS) expect(line).not.toContain(secret);
      }
      if (level === 'TRACE' || level === 'DEBUG') {
        const logged = accessLines(output).map((line) => line.headers as Record<string, string>);
        for (const headers of logged) {
          const redacted = Object.keys(headers).filter((name) => headers[name] === '[redacted]');
          expect(redacted.map((name) => name.toLowerCase()).sort()).toEqual(
            [...Object.keys(SECRET_HEADERS).map((name) => name.toLowerCase()), 'cookie'].sort(),
          );
          expect(headers['x-custom']).toBe('visible-value');
        }
      }
    },
  );

  it('never writes a secret header in local development mode either', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    const handler = probeHandler();

    // Act
    for (const build of Object.values(eventBuilders)) {
      await invokeEvent(handler, build({ path: '/items/1/fail', headers: SECRET_HEADERS }));
    }

    // Assert
    const written = [...allOutput(output), ...consoleCalls.map((call) => call.line)];
    expect(written.length).toBeGreaterThan(0);
    for (const line of written) {
      for (const secret of SECRETS.filter((value) => value !== 'tenant-s3cr3t')) {
        expect(line).not.toContain(secret);
      }
    }
  });
});

describe('redactHeaders', () => {
  it('replaces authorization, cookie and set-cookie and keeps every other header', () => {
    // Prepare
    const headers = {
      authorization: 'Bearer x',
      cookie: 'a=b',
      'set-cookie': 'c=d',
      accept: 'text/html',
    };

    // Act
    const safe = redactHeaders(headers);

    // Assert
    expect(safe).toEqual({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'set-cookie': '[redacted]',
      accept: 'text/html',
    });
  });

  it('returns a copy and leaves the request headers untouched', () => {
    // Prepare
    const headers = { authorization: 'Bearer x' };

    // Act
    const safe = redactHeaders(headers);

    // Assert
    expect(safe).not.toBe(headers);
    expect(headers).toEqual({ authorization: 'Bearer x' });
  });

  it('matches names case-insensitively, and adds the names it is given', () => {
    // Prepare
    const headers = { 'X-API-KEY': 'k', 'x-amzn-oidc-whatever': 'o', 'X-Mine': 'm', accept: 'a' };

    // Act
    const safe = redactHeaders(headers, ['x-MINE']);

    // Assert
    expect(safe).toEqual({
      'X-API-KEY': '[redacted]',
      'x-amzn-oidc-whatever': '[redacted]',
      'X-Mine': '[redacted]',
      accept: 'a',
    });
  });

  it('refuses a redactHeaders list with a name that is not a string', () => {
    // Act
    const act = () => redactHeaders({}, [42 as unknown as string]);

    // Assert
    expect(act).toThrow(/redactHeaders must be a list of header names, got 42/);
  });

  it('adds no header that was not sent', () => {
    // Act
    const safe = redactHeaders({ accept: '*/*' });

    // Assert
    expect(safe).toEqual({ accept: '*/*' });
  });
});

describe('accessLog middleware in a custom chain', () => {
  it('logs the access line through the Logger it is given', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'custom-chain' });
    const handler = createHandler({
      controllers: [ProbeController],
      service: 'custom',
      observability: false,
    }).use(accessLog({ logger }));

    // Act
    await invoke(handler, { path: '/items/1' });

    // Assert
    expect(accessLines(output)).toEqual([
      expect.objectContaining({ service: 'custom-chain', route: 'GET /items/:id', status: 200 }),
    ]);
  });

  it('reports cold_start false and no correlation id when those middlewares are not in the chain', async () => {
    // Prepare
    const logger = new Logger({ serviceName: 'custom-chain' });
    const handler = createHandler({
      controllers: [ProbeController],
      service: 'custom',
      observability: false,
    }).use(accessLog({ logger }));

    // Act
    await invoke(handler, { path: '/items/1' });

    // Assert
    const [line] = accessLines(output);
    expect(line?.cold_start).toBe(false);
    expect(line).not.toHaveProperty('correlation_id');
  });
});
