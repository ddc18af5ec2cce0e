/**
 * The bad-input table: one row per malformed request, each with the status and message it is
 * answered with, in the source's own format, logged and metered once. Nothing here may crash
 * the handler (a rejected promise) or answer a 5xx.
 */
import { Controller, createHandler, type GantryHandler, Get, Post, type Req } from 'gantry';
import { createLambdaContext } from 'gantry/dev';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  albEvent,
  apigwV1Event,
  apigwV2Event,
  functionUrlEvent,
  vpcLatticeEvent,
} from '../../support/events.js';
import { loadFixture } from '../../support/fixtures.js';
import { captureOutput } from '../../support/output.js';

const output = captureOutput();

const CreateItem = z.object({ name: z.string() });

@Controller('/items')
class ItemsController {
  @Get('/')
  list(req: Req) {
    return { query: { ...req.query } };
  }

  @Get('/:id')
  get(req: Req<'/:id'>) {
    return { id: req.params.id, correlationId: req.correlationId };
  }

  @Post('/', { body: CreateItem, status: 201 })
  create(req: Req<'/', { body: typeof CreateItem }>) {
    return { name: req.body.name };
  }

  @Post('/raw')
  raw(req: Req) {
    return { type: typeof req.body };
  }

  @Post('/:id/ping')
  ping(req: Req<'/:id'>) {
    return { id: req.params.id };
  }
}

const handler: GantryHandler = createHandler({
  controllers: [ItemsController],
  service: 'bad-input',
  tracing: false,
});

interface Answer {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}

async function invoke(event: unknown): Promise<Answer> {
  return (await handler(event, createLambdaContext({ requestId: 'bad-input' }))) as Answer;
}

/** The answer's correlation id header, from whichever header map the source answers with. */
function correlationOf(answer: Answer): string | undefined {
  return (
    answer.headers?.['x-correlation-id'] ?? answer.multiValueHeaders?.['x-correlation-id']?.[0]
  );
}

function messageOf(answer: Answer): string {
  return (JSON.parse(answer.body) as { error: { message: string } }).error.message;
}

/** A v2 event with some fields replaced (or removed, given `undefined`). */
function v2(changes: Record<string, unknown>, spec = {}): Record<string, unknown> {
  return { ...apigwV2Event({ path: '/items/1', ...spec }), ...changes };
}

/** A v1 event with some fields replaced. */
function v1(changes: Record<string, unknown>, spec = {}): Record<string, unknown> {
  return { ...apigwV1Event({ path: '/items/1', ...spec }), ...changes };
}

const big = (length: number, unit = 'a') => unit.repeat(Math.ceil(length / unit.length));

interface Row {
  name: string;
  event: () => unknown;
  status: number;
  message: string | RegExp;
}

const rows: Row[] = [
  // Finding 2: wrong-typed fields are a 400 naming the field.
  {
    name: 'ALB event without a method',
    event: () => ({ requestContext: { elb: {} }, path: '/items' }),
    status: 400,
    message: 'httpMethod is missing: the event names no HTTP method',
  },
  {
    name: 'v2 requestContext.http.method null',
    event: () => {
      const event = apigwV2Event({ path: '/items/1' });
      return { ...event, requestContext: { ...event.requestContext, http: { method: null } } };
    },
    status: 400,
    message: 'requestContext.http.method must be a string, got null',
  },
  {
    name: 'v1 path that is an array',
    event: () => v1({ path: ['/items', '1'] }),
    status: 400,
    message: 'path must be a string, got an array',
  },
  {
    name: 'v1 path that is an object',
    event: () => v1({ path: { toString: '/items/1' } }),
    status: 400,
    message: 'path must be a string, got an object',
  },
  {
    name: 'v2 rawPath that is an object',
    event: () => v2({ rawPath: { path: '/items/1' } }),
    status: 400,
    message: 'rawPath must be a string, got an object',
  },
  {
    name: 'multiValueHeaders value that is a string',
    event: () => v1({ multiValueHeaders: { accept: 'application/json' } }),
    status: 400,
    message: 'multiValueHeaders["accept"] must be a list of strings, got a string',
  },
  {
    name: 'multiValueQueryStringParameters value that is a string',
    event: () => v1({ multiValueQueryStringParameters: { tag: 'a' } }),
    status: 400,
    message: 'multiValueQueryStringParameters["tag"] must be a list of strings, got a string',
  },
  {
    name: 'query value null',
    event: () => ({
      ...albEvent({ path: '/items' }, 'single'),
      queryStringParameters: { a: null },
    }),
    status: 400,
    message: 'queryStringParameters["a"] must be a string, got null',
  },
  {
    name: 'v2 cookies that is a string',
    event: () => v2({ cookies: 'a=1; b=2' }),
    status: 400,
    message: 'cookies must be a list of strings, got a string',
  },
  {
    name: 'v2 cookies with a number in it',
    event: () => v2({ cookies: ['a=1', 2] }),
    status: 400,
    message: 'cookies[1] must be a string, got a number',
  },
  {
    name: 'body that is a number',
    event: () => v2({ body: 42 }),
    status: 400,
    message: 'body must be a string, got a number',
  },
  {
    name: 'body that is a boolean',
    event: () => v1({ body: true }),
    status: 400,
    message: 'body must be a string, got a boolean',
  },
  {
    name: 'body that is an object',
    event: () => ({ ...functionUrlEvent({ path: '/items/1' }), body: { name: 'a' } }),
    status: 400,
    message: 'body must be a string, got an object',
  },
  {
    name: 'isBase64Encoded that is a string',
    event: () => v2({ body: 'aGk=', isBase64Encoded: 'true' }),
    status: 400,
    message: 'isBase64Encoded must be true or false, got a string',
  },
  {
    name: 'header value that is an object',
    event: () => v2({ headers: { 'x-a': { value: 'b' } } }),
    status: 400,
    message: 'headers["x-a"] must be a string, got an object',
  },
  {
    name: 'Lattice v2 header value that is not a list',
    event: () => ({ ...vpcLatticeEvent({ path: '/items/1' }, 2), headers: { host: 'a' } }),
    status: 400,
    message: 'headers["host"] must be a list of strings, got a string',
  },
  // Finding 4: URLs over the limit are a 414, refused before the router sees them.
  {
    name: '3 MiB path of %25 (REST v1)',
    event: () => v1({ path: `/items/${big(3 * 1024 * 1024, '%25')}` }),
    status: 414,
    message: 'The request path is 3145735 characters; the limit is 16384',
  },
  {
    name: '3 MiB rawPath (HTTP API v2)',
    event: () => v2({ rawPath: `/items/${big(3 * 1024 * 1024)}` }),
    status: 414,
    message: /^The request path is \d+ characters; the limit is 16384$/,
  },
  {
    name: 'query string of 20 KiB (HTTP API v2)',
    event: () => v2({ rawPath: '/items', rawQueryString: `q=${big(20 * 1024)}` }),
    status: 414,
    message: /^The request path and query string are \d+ characters; the limit is 16384$/,
  },
  {
    name: 'query maps of 20 KiB (ALB multi-value)',
    event: () => ({
      ...albEvent({ path: '/items' }, 'multi'),
      multiValueQueryStringParameters: { q: [big(10 * 1024), big(10 * 1024)] },
    }),
    status: 414,
    message: /^The request path and query string are \d+ characters; the limit is 16384$/,
  },
  // Finding 7: messages that say what is wrong.
  {
    name: 'invalid base64 with isBase64Encoded true',
    event: () =>
      v2(
        { body: '{"name": "not base64"}', isBase64Encoded: true },
        { method: 'POST', path: '/items' },
      ),
    status: 400,
    message: 'Request body is not valid base64, though isBase64Encoded is true',
  },
  {
    name: 'XML to a JSON-body route',
    event: () =>
      apigwV2Event({
        method: 'POST',
        path: '/items',
        headers: { 'content-type': 'application/xml' },
        body: '<item><name>a</name></item>',
      }),
    status: 415,
    message:
      'Unsupported media type application/xml: this route takes application/json or application/x-www-form-urlencoded',
  },
  {
    name: 'multipart to a JSON-body route',
    event: () =>
      apigwV1Event({
        method: 'POST',
        path: '/items',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        body: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\na\r\n--x--',
      }),
    status: 415,
    message:
      'Unsupported media type multipart/form-data: this route takes application/json or application/x-www-form-urlencoded',
  },
  // Finding 8: header names that are not HTTP tokens.
  {
    name: 'header name with a space',
    event: () => v2({ headers: { 'x bad': '1' } }),
    status: 400,
    message: 'Header name "x bad" is not a valid HTTP header name',
  },
  {
    name: 'header name with a control character',
    event: () => v1({ multiValueHeaders: { 'x-\u0001': ['1'] }, headers: {} }),
    status: 400,
    message: 'Header name "x-\\u0001" is not a valid HTTP header name',
  },
  // The rest of the table.
  {
    name: 'malformed JSON',
    event: () =>
      apigwV2Event({
        method: 'POST',
        path: '/items',
        headers: { 'content-type': 'application/json' },
        body: '{"name": ',
      }),
    status: 400,
    message: /^Malformed JSON body: /,
  },
  {
    name: 'body over the limit',
    event: () =>
      apigwV2Event({
        method: 'POST',
        path: '/items',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: big(1024 * 1024) }),
      }),
    status: 413,
    message: 'Request body is 1048587 bytes; the limit is 1048576 bytes',
  },
  {
    name: 'base64 body over the limit, refused before decoding',
    event: () =>
      apigwV2Event({ method: 'POST', path: '/items', body: Buffer.alloc(1024 * 1024 + 1) }),
    status: 413,
    message: 'Request body is 1048577 bytes; the limit is 1048576 bytes',
  },
  {
    name: 'path traversal segments',
    event: () => apigwV1Event({ path: '/items/../../etc/passwd' }),
    status: 404,
    message: 'No route for GET /items/../../etc/passwd',
  },
  {
    name: 'encoded path traversal in one segment',
    event: () => apigwV1Event({ path: '/items/..%2F..%2Fetc%2Fpasswd/x' }),
    status: 404,
    message: 'No route for GET /items/../../etc/passwd/x',
  },
  {
    name: '10,000 headers',
    event: () => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < 10_000; i++) headers[`x-h${i}`] = 'v';
      return v2({ headers });
    },
    status: 431,
    message: 'The request has 10000 header fields; the limit is 200',
  },
  {
    name: 'headers of 100 KiB',
    event: () => v2({ headers: { 'x-big': big(100 * 1024) } }),
    status: 431,
    message: 'The request headers are 102405 characters; the limit is 65536',
  },
  {
    name: 'correlation id with CR/LF',
    event: () => v2({ headers: { 'x-correlation-id': 'id\r\nx-injected: yes' } }),
    status: 400,
    message: 'Header "x-correlation-id" has a CR, LF or NUL character in its value',
  },
  {
    name: 'JSON nested 100,000 deep',
    event: () =>
      apigwV2Event({
        method: 'POST',
        path: '/items',
        headers: { 'content-type': 'application/json' },
        body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      }),
    status: 422,
    message: 'Request validation failed',
  },
  {
    name: 'form with 100,000 fields',
    event: () =>
      apigwV2Event({
        method: 'POST',
        path: '/items',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Array.from({ length: 100_000 }, (_, i) => `f${i}=1`).join('&'),
      }),
    status: 422,
    message: 'Request validation failed',
  },
  {
    name: 'method that is not an HTTP token',
    event: () => v1({ httpMethod: 'GET /x HTTP/1.1' }),
    status: 400,
    message: 'httpMethod is not an HTTP method',
  },
  {
    name: 'malformed percent-encoding in the path',
    event: () => apigwV1Event({ path: '/items/%zz' }),
    status: 400,
    message: 'Malformed percent-encoding in the request path',
  },
];

describe('bad-input table', () => {
  it.each(rows)('$name -> $status', async ({ event, status, message }) => {
    // Act
    const answer = await invoke(event());

    // Assert
    expect(answer.statusCode).toBe(status);
    if (typeof message === 'string') expect(messageOf(answer)).toBe(message);
    else expect(messageOf(answer)).toMatch(message);
    const id = correlationOf(answer);
    expect(id).toEqual(expect.any(String));
    expect(JSON.parse(answer.body).error.correlationId).toBe(id);
    const access = output.logs().filter((line) => line.message === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]?.status).toBe(status);
    expect(access[0]?.correlation_id).toBe(id);
    const metered = output.emf().filter((doc) => 'Requests' in doc);
    expect(metered).toHaveLength(1);
    expect(metered[0]?.Errors4xx).toBe(1);
  });

  it('serves a request whose JSON content type does not hold JSON, on a route that never reads the body', async () => {
    // Prepare: the AWS docs' v2 example event (body "Hello from Lambda"), said to be JSON.
    const event = loadFixture('aws-lambda-rust-runtime/apigw_request_path_with_space.json');
    const headers = { ...(event.headers as object), 'content-type': 'application/json' };
    const route = { ...event, rawPath: '/items/1/ping', headers };

    // Act
    const answer = await invoke(route);

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ id: '1' });
  });

  it('answers 400 for malformed JSON once a route without a schema reads req.body', async () => {
    // Act
    const answer = await invoke(
      apigwV2Event({
        method: 'POST',
        path: '/items/raw',
        headers: { 'content-type': 'application/json' },
        body: 'Hello from Lambda',
      }),
    );

    // Assert
    expect(answer.statusCode).toBe(400);
    expect(messageOf(answer)).toMatch(/^Malformed JSON body: /);
  });

  it.each([
    ['a number', 12345],
    ['null', null],
    ['an object', { id: 'x' }],
    ['an array', ['x']],
  ])(
    'answers with a new UUID as the correlation id when requestContext.requestId is %s',
    async (_, requestId) => {
      // Prepare
      const event = apigwV1Event({ path: '/items/1' });
      const sent = { ...event, requestContext: { ...event.requestContext, requestId } };

      // Act
      const answer = await invoke(sent);

      // Assert
      expect(answer.statusCode).toBe(200);
      const id = answer.headers?.['x-correlation-id'];
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(JSON.parse(answer.body).correlationId).toBe(id);
      for (const line of output.logs()) expect(line.correlation_id).toBe(id);
    },
  );

  it('answers with a new UUID for a correlation id header of 10 KB', async () => {
    // Act
    const answer = await invoke(v2({ headers: { 'x-correlation-id': big(10 * 1024) } }));

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(answer.headers?.['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses only an event no source recognises, with UnsupportedEventError', async () => {
    // Act
    const act = invoke({ Records: [{ eventSource: 'aws:sqs' }] });

    // Assert
    await expect(act).rejects.toThrow(/Unsupported event/);
  });
});
