import {
  alb,
  apiGatewayV1,
  apiGatewayV2,
  createHandler,
  type EventSource,
  functionUrl,
  type HttpRequest,
  UnsupportedEventError,
  vpcLattice,
} from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import { describe, expect, it } from 'vitest';
import { builtInSources, detectSource } from '../../../runtime/events/detect-source.js';
import { apigwV2Event, eventBuilders } from '../../support/events.js';
import { fixtureNames, loadFixture } from '../../support/fixtures.js';
import { captureOutput } from '../../support/output.js';
import { EchoController, echoHandler, echoOf, invoke } from './echo-handler.js';
import { builders } from './source-traits.js';

const BUILT_IN = [apiGatewayV1, apiGatewayV2, functionUrl, alb, vpcLattice];

/** The names of the built-in sources whose detect() claims an event. */
function claimants(event: unknown): string[] {
  return BUILT_IN.filter((source) => source.detect(event)).map((source) => source.name);
}

describe('detectSource', () => {
  it('tries the sources in the order given', () => {
    // Prepare
    const event = apigwV2Event({ path: '/' });

    // Act
    const source = detectSource(event, [vpcLattice, functionUrl, apiGatewayV2, apiGatewayV1]);

    // Assert
    expect(source).toBe(apiGatewayV2);
  });

  it.each(builders.map(({ name, source }) => ({ name, source })))(
    'finds exactly one built-in source, $source, for a $name event',
    ({ name, source }) => {
      // Prepare
      const event = eventBuilders[name]({ path: '/x', query: 'a=1', body: 'b' });

      // Act
      const found = detectSource(event, builtInSources);

      // Assert
      expect(found.name).toBe(source);
      expect(claimants(event)).toEqual([source]);
    },
  );

  it.each(fixtureNames())('finds exactly one built-in source for the real event %s', (name) => {
    // Prepare
    const event = loadFixture(name);

    // Act
    const found = detectSource(event, builtInSources);

    // Assert
    expect(claimants(event)).toEqual([found.name]);
  });

  it('finds REST v1 for an event with httpMethod and path but no requestContext, and serves it', async () => {
    // Prepare
    const event = { httpMethod: 'GET', path: '/items' };

    // Act
    const found = detectSource(event, builtInSources);
    const seen = echoOf(await invoke(echoHandler(), event));

    // Assert
    expect(found).toBe(apiGatewayV1);
    expect(claimants(event)).toEqual(['apigw-v1']);
    expect(seen).toMatchObject({ source: 'apigw-v1', method: 'GET', path: '/items' });
  });

  it.each([
    ['an SQS event', { Records: [{ messageId: 'm', body: 'secret' }] }],
    ['an EventBridge event', { 'detail-type': 'x', source: 'aws.events', detail: {} }],
    [
      'an event with none of the identifying keys (path and headers, no method)',
      { path: '/items', headers: { host: 'example.com' }, body: '' },
    ],
    ['a payload 2.0 without requestContext.http', { version: '2.0', requestContext: {} }],
    ['a payload of an unknown version', { version: '3.0', requestContext: { http: {} } }],
    ['a Lattice v2-like event without a path', { version: '2.0', method: 'GET' }],
    ['null', null],
    ['a string', 'GET /'],
    ['a number', 7],
    ['an array', [{ httpMethod: 'GET' }]],
  ])('throws UnsupportedEventError for %s', (_case, event) => {
    // Act
    const detect = () => detectSource(event, builtInSources);

    // Assert
    expect(detect).toThrow(UnsupportedEventError);
  });
});

describe('an unsupported event through the handler', () => {
  const output = captureOutput();

  it('rejects with UnsupportedEventError naming the keys seen, never a route or a value', async () => {
    // Prepare
    const handler = echoHandler();

    // Act
    const invocation = invoke(handler, { Records: [{ body: 'secret-value' }] });

    // Assert
    await expect(invocation).rejects.toThrow(UnsupportedEventError);
    await expect(invocation).rejects.toMatchObject({ keys: ['Records'] });
  });

  it('is logged with the keys seen, and no value of the event', async () => {
    // Prepare
    const handler = createHandler({ controllers: [EchoController], service: 'echo' });

    // Act
    const invocation = handler(
      { Records: [{ body: 'secret-value' }] },
      createLambdaContext({ requestId: 'r' }),
    );

    // Assert
    await expect(invocation).rejects.toThrow(UnsupportedEventError);
    const logged = output.logs().filter((line) => line.level === 'ERROR');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0])).toContain('Records');
    expect(JSON.stringify([...output.documents, ...output.text])).not.toContain('secret-value');
  });
});

describe('user-supplied sources', () => {
  interface QueueHttp {
    kind: 'queue-http';
    url: string;
  }

  const queueHttp: EventSource<QueueHttp, { answered: number; text: string }> = {
    name: 'queue-http',
    detect: (event): event is QueueHttp =>
      typeof event === 'object' &&
      event !== null &&
      (event as { kind?: unknown }).kind === 'queue-http',
    toRequest: (event): HttpRequest => ({
      method: 'GET',
      path: event.url,
      routingPath: event.url,
      query: {},
      headers: {},
      cookies: {},
      body: undefined,
      requestId: undefined,
    }),
    toResult: (response) => ({ answered: response.status, text: String(response.body) }),
  };

  /** Claims every HTTP API v2 event, as a user overriding the built-in source would. */
  const myV2: EventSource<ReturnType<typeof apigwV2Event>, unknown> = {
    ...(apiGatewayV2 as unknown as EventSource<ReturnType<typeof apigwV2Event>, unknown>),
    name: 'my-v2',
  };

  it('accepts an event no built-in source knows', async () => {
    // Prepare
    const handler = echoHandler({ sources: [queueHttp] });

    // Act
    const result = (await handler(
      { kind: 'queue-http', url: '/jobs/1' },
      createLambdaContext({ requestId: 'r' }),
    )) as {
      answered: number;
      text: string;
    };

    // Assert
    expect(result.answered).toBe(200);
    expect(JSON.parse(result.text)).toMatchObject({
      method: 'GET',
      path: '/jobs/1',
      source: 'queue-http',
    });
  });

  it('is tried before the built-in sources', async () => {
    // Prepare
    const handler = echoHandler({ sources: [myV2] });

    // Act
    const seen = echoOf(await invoke(handler, apigwV2Event({ path: '/items' })));

    // Assert
    expect(seen.source).toBe('my-v2');
  });

  it('leaves the built-in sources in place for the events it does not claim', async () => {
    // Prepare
    const handler = echoHandler({ sources: [queueHttp] });

    // Act
    const seen = echoOf(await invoke(handler, eventBuilders['alb (single-value)']({ path: '/a' })));

    // Assert
    expect(seen.source).toBe('alb');
  });
});

describe('detectSource between sources whose keys an event mixes', () => {
  it.each([
    [
      'an ALB requestContext.elb over payload 2.0 keys',
      { version: '2.0', rawPath: '/', requestContext: { elb: {}, http: { method: 'GET' } } },
      'alb',
    ],
    [
      'VPC Lattice v2 (top-level method) over a rawPath',
      { version: '2.0', method: 'GET', path: '/', rawPath: '/' },
      'vpc-lattice',
    ],
    ['payload 2.0 by rawPath alone', { version: '2.0', rawPath: '/', headers: {} }, 'apigw-v2'],
    [
      'payload 2.0 by a requestContext.http object',
      { version: '2.0', requestContext: { http: { method: 'GET' } } },
      'apigw-v2',
    ],
    [
      'no ALB for a requestContext.elb list',
      { httpMethod: 'GET', path: '/', requestContext: { elb: [] } },
      'apigw-v1',
    ],
    [
      'no payload 2.0 for a requestContext.http list',
      { version: '2.0', path: '/', requestContext: { http: [] } },
      'vpc-lattice',
    ],
  ])('picks %s', (_case, event, name) => {
    // Act
    const source = detectSource(event, builtInSources);

    // Assert
    expect(source.name).toBe(name);
  });
});
