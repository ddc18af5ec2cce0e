import { once } from 'node:events';
import { connect, createServer as createNetServer } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Controller, createHandler, Get, Post, type Req, reply } from 'gantry';
import { type DevServer, startDevServer } from 'gantry/dev';
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest';
import { handler as itemsHandler } from '../../../examples/items/handler.js';
import { captureOutput } from '../../support/output.js';

const output = captureOutput();

// createLocalRuntime sets AWS_LAMBDA_MAX_CONCURRENCY: keep it out of the other test files.
beforeAll(() => {
  vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', undefined);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const servers: DevServer[] = [];
async function serve(options: Parameters<typeof startDevServer>[0]): Promise<DevServer> {
  const server = await startDevServer({ port: 0, ...options });
  servers.push(server);
  return server;
}
afterAll(async () => {
  await Promise.allSettled(servers.map((server) => server.close()));
});

const portOf = (server: DevServer) => Number(new URL(server.url).port);

/** The answer's correlation id: present, and safe to log. */
function correlationIdOf(response: Response): string {
  const id = response.headers.get('x-correlation-id');
  expect(id).toMatch(/^[A-Za-z0-9._:@/=+-]{1,128}$/);
  return id as string;
}

/** What the /probe/together route answers. */
interface Together {
  correlationId: string;
  requestId: string;
}

/** Lets `size` requests through together, once all of them have arrived. */
class Barrier {
  readonly #waiting: (() => void)[] = [];
  constructor(readonly size: number) {}
  arrive(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      if (this.#waiting.length >= this.size) for (const release of this.#waiting) release();
    });
  }
}

const BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i));

@Controller('/probe')
class ProbeController {
  constructor(private readonly barrier: Barrier) {}

  @Get('/cookies')
  cookies() {
    return reply(200, { ok: true })
      .cookie('session', 'abc', { httpOnly: true })
      .cookie('theme', 'dark', { expires: new Date(Date.UTC(2030, 0, 1)) });
  }

  @Get('/bytes')
  bytes() {
    return reply(200, BYTES, { 'content-type': 'application/octet-stream' });
  }

  @Post('/echo')
  echo(req: Req) {
    return reply(200, req.rawBody, { 'content-type': 'application/octet-stream' });
  }

  @Get('/echo/:name')
  echoRequest(req: Req<'/echo/:name'>) {
    return { name: req.params.name, path: req.path, query: req.query, cookies: req.cookies };
  }

  @Get('/together')
  async together(req: Req) {
    await this.barrier.arrive();
    req.log.info('inside the request', { sent: req.headers['x-correlation-id'] ?? null });
    return { correlationId: req.correlationId, requestId: req.context.awsRequestId };
  }
}

describe('startDevServer with the items example', () => {
  let url: string;
  beforeAll(async () => {
    url = (await serve({ handler: itemsHandler })).url;
  });

  it('serves on 127.0.0.1 and answers JSON with a correlation id', async () => {
    // Act
    const response = await fetch(`${url}/items`);

    // Assert
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ items: expect.any(Array) });
    correlationIdOf(response);
  });

  it('answers a create with 201 and a location where the item can be read back', async () => {
    // Act
    const created = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'write tests' }),
    });
    const item = (await created.json()) as { id: string };
    const location = created.headers.get('location');
    const read = await fetch(`${url}${location}`);

    // Assert
    expect(created.status).toBe(201);
    expect(item).toMatchObject({ name: 'write tests', done: false });
    expect(location).toBe(`/items/${item.id}`);
    correlationIdOf(created);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(item);
    correlationIdOf(read);
  });

  it('answers an unknown item with 404 and an error body carrying the correlation id', async () => {
    // Act
    const response = await fetch(`${url}/items/nope`);

    // Assert
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        status: 404,
        message: 'Item nope not found',
        correlationId: correlationIdOf(response),
      },
    });
  });

  it('answers a method the path does not have with 405 and an Allow header', async () => {
    // Act
    const response = await fetch(`${url}/items`, { method: 'PUT' });

    // Assert
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(await response.json()).toMatchObject({ error: { status: 405 } });
    correlationIdOf(response);
  });

  it('answers an invalid body with 422 and the validation details', async () => {
    // Act
    const response = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });

    // Assert
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        status: 422,
        message: 'Request validation failed',
        details: [{ loc: ['body', 'name'], message: expect.any(String) }],
        correlationId: correlationIdOf(response),
      },
    });
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    // Act
    const response = await fetch(`${url}/items`, { method: 'HEAD' });

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('');
    correlationIdOf(response);
  });

  it('echoes the x-correlation-id the client sent', async () => {
    // Act
    const response = await fetch(`${url}/items`, { headers: { 'x-correlation-id': 'my-id-123' } });

    // Assert
    expect(response.headers.get('x-correlation-id')).toBe('my-id-123');
  });

  it('writes the access log line of each request', async () => {
    // Act
    const response = await fetch(`${url}/items/nope`, { headers: { 'x-correlation-id': 'log-1' } });
    await response.arrayBuffer();

    // Assert
    expect(output.logs()).toContainEqual(
      expect.objectContaining({
        message: 'request completed',
        correlation_id: 'log-1',
        route: 'GET /items/:id',
        status: 404,
        function_name: 'gantry-local',
      }),
    );
  });
});

describe('startDevServer with a controller of its own', () => {
  const barrier = new Barrier(4);
  let url: string;
  beforeAll(async () => {
    const handler = createHandler({
      controllers: [new ProbeController(barrier)],
      service: 'probe',
    });
    url = (await serve({ handler, functionName: 'probe-fn' })).url;
  });

  it('sends each cookie as its own Set-Cookie header, never comma-joined', async () => {
    // Act
    const response = await fetch(`${url}/probe/cookies`);

    // Assert
    expect(response.headers.getSetCookie()).toEqual([
      'session=abc; Path=/; HttpOnly',
      'theme=dark; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT',
    ]);
    correlationIdOf(response);
  });

  it('answers binary content byte for byte', async () => {
    // Act
    const response = await fetch(`${url}/probe/bytes`);

    // Assert
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES);
    correlationIdOf(response);
  });

  it('hands a binary request body to the route byte for byte', async () => {
    // Act
    const response = await fetch(`${url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: BYTES,
    });

    // Assert
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES);
  });

  it('hands the route the decoded path, every query value and the cookies sent', async () => {
    // Act
    const response = await fetch(`${url}/probe/echo/caf%C3%A9?tag=a&tag=b&q=x%20y`, {
      headers: { cookie: 'session=abc; theme=dark' },
    });

    // Assert
    expect(await response.json()).toEqual({
      name: 'café',
      path: '/probe/echo/café',
      query: { tag: ['a', 'b'], q: 'x y' },
      cookies: { session: 'abc', theme: 'dark' },
    });
  });

  it('keeps the correlation id of each of several requests in flight at once', async () => {
    // Prepare
    const sent = ['first', 'second', 'third', 'fourth'];

    // Act: the barrier holds every request until all four are inside the handler.
    const responses = await Promise.all(
      sent.map((id) => fetch(`${url}/probe/together`, { headers: { 'x-correlation-id': id } })),
    );
    const bodies = await Promise.all(
      responses.map(async (response) => (await response.json()) as Together),
    );

    // Assert
    expect(responses.map((response) => response.headers.get('x-correlation-id'))).toEqual(sent);
    expect(bodies.map((body) => body.correlationId)).toEqual(sent);
    expect(new Set(bodies.map((body) => body.requestId)).size).toBe(sent.length);
    const inside = output.logs().filter((log) => log.message === 'inside the request');
    expect(inside).toHaveLength(sent.length);
    for (const log of inside) {
      const body = bodies[sent.indexOf(log.sent as string)] as Together;
      expect(log).toMatchObject({
        correlation_id: log.sent,
        function_request_id: body.requestId,
        function_name: 'probe-fn',
      });
    }
  });

  it('gives each of several requests in flight at once its own correlation id', async () => {
    // Act
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => fetch(`${url}/probe/together`)),
    );
    const bodies = await Promise.all(
      responses.map(async (response) => (await response.json()) as Together),
    );

    // Assert
    const ids = responses.map(correlationIdOf);
    expect(new Set(ids).size).toBe(4);
    expect(bodies.map((body) => body.correlationId)).toEqual(ids);
  });
});

describe('startDevServer with a plain Lambda handler', () => {
  const handler = vi.fn(async (event: APIGatewayProxyEventV2): Promise<unknown> => {
    switch (event.rawPath) {
      case '/boom':
        throw new Error('boom');
      case '/object':
        return { hello: 'world' };
      case '/text':
        return 'hello';
      case '/nothing':
        return undefined;
      case '/number-body':
        return { statusCode: 200, body: 42 };
      case '/bad-header':
        return { statusCode: 200, headers: { 'x-bad': 'line\nbreak' }, body: 'x' };
      case '/headers':
        return { statusCode: 201, headers: { 'x-count': 3, 'x-flag': true }, body: 'made' };
      default:
        return { statusCode: 204 };
    }
  });
  let server: DevServer;
  let url: string;
  // What the dev server tells the developer goes to console.error.
  let consoleError: MockInstance<typeof console.error>;
  beforeAll(async () => {
    server = await serve({ handler });
    url = server.url;
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  const printed = () =>
    consoleError.mock.calls.map((args) => args.map(String).join(' ')).join('\n');
  afterEach(() => {
    handler.mockClear();
    consoleError.mockClear();
  });
  afterAll(() => {
    consoleError.mockRestore();
  });

  it('answers 502 when the handler rejects, and keeps serving', async () => {
    // Act
    const failed = await fetch(`${url}/boom`);
    const next = await fetch(`${url}/`);

    // Assert
    expect(failed.status).toBe(502);
    expect(await failed.json()).toEqual({ message: 'Internal Server Error' });
    expect(printed()).toContain('gantry dev: the handler failed');
    expect(printed()).toContain('Error: boom');
    expect(next.status).toBe(204);
  });

  it('answers 502 for a result API Gateway could not use', async () => {
    // Act
    const numberBody = await fetch(`${url}/number-body`);
    const badHeader = await fetch(`${url}/bad-header`);

    // Assert
    expect([numberBody.status, badHeader.status]).toEqual([502, 502]);
    expect(printed()).toContain("TypeError: The result's body must be a string, got number");
  });

  it('sends the status, headers and body of a structured result', async () => {
    // Act
    const response = await fetch(`${url}/headers`);

    // Assert
    expect(response.status).toBe(201);
    expect(response.headers.get('x-count')).toBe('3');
    expect(response.headers.get('x-flag')).toBe('true');
    expect(await response.text()).toBe('made');
  });

  it('answers a result without a statusCode as API Gateway does: 200 JSON', async () => {
    // Act
    const object = await fetch(`${url}/object`);
    const text = await fetch(`${url}/text`);
    const nothing = await fetch(`${url}/nothing`);

    // Assert
    expect(object.status).toBe(200);
    expect(object.headers.get('content-type')).toBe('application/json');
    expect(await object.json()).toEqual({ hello: 'world' });
    expect(await text.text()).toBe('hello');
    expect(await nothing.text()).toBe('null');
  });

  it('does not invoke the handler for a request whose client went away mid-body', async () => {
    // Prepare
    const socket = connect(portOf(server), '127.0.0.1');
    await once(socket, 'connect');

    // Act
    socket.write('POST /upload HTTP/1.1\r\nHost: local\r\nContent-Length: 100\r\n\r\npartial');
    socket.destroy();

    // Assert
    await vi.waitFor(
      () => expect(printed()).toContain('POST /upload not served: the client went away mid-body'),
      { timeout: 10_000 },
    );
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('startDevServer listening', () => {
  const handler = async () => ({ statusCode: 200, body: 'ok' });

  it('frees its port on close()', async () => {
    // Prepare
    const server = await startDevServer({ handler, port: 0 });
    const port = portOf(server);
    await (await fetch(`${server.url}/`)).text(); // leaves an idle keep-alive connection

    // Act
    await server.close();

    // Assert
    const probe = createNetServer().listen(port, '127.0.0.1');
    await once(probe, 'listening');
    probe.close();
  });

  it('rejects a second close()', async () => {
    // Prepare
    const server = await startDevServer({ handler, port: 0 });
    await server.close();

    // Act
    const again = server.close();

    // Assert
    await expect(again).rejects.toMatchObject({ code: 'ERR_SERVER_NOT_RUNNING' });
  });

  it('rejects with an actionable error when the port is in use', async () => {
    // Prepare
    const first = await serve({ handler });

    // Act
    const second = startDevServer({ handler, port: portOf(first) });

    // Assert
    await expect(second).rejects.toMatchObject({
      code: 'EADDRINUSE',
      message: `Port ${portOf(first)} on 127.0.0.1 is already in use: stop the server listening there, or choose another port`,
    });
  });

  it('rejects with the error of the system for other listen failures', async () => {
    // Act: 192.0.2.1 (TEST-NET-1) is never an address of this machine.
    const server = startDevServer({ handler, port: 0, host: '192.0.2.1' });

    // Assert
    await expect(server).rejects.toMatchObject({ code: 'EADDRNOTAVAIL' });
  });

  it('gives a usable URL when listening on IPv6', async () => {
    // Act
    const server = await serve({ handler, host: '::1' });

    // Assert
    expect(server.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    expect(await (await fetch(server.url)).text()).toBe('ok');
  });
});
