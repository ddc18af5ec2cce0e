import { once } from 'node:events';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type Server,
} from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHttpApiEvent } from '../../../runtime/dev/http-to-event.js';
import { loadFixture } from '../../support/fixtures.js';

// A real server whose every request becomes an event, kept for the test to read.
let server: Server;
let origin: string;
let port: number;
const events: APIGatewayProxyEventV2[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    events.push(toHttpApiEvent(req, Buffer.concat(chunks)));
    res.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

/** Sends a request with fetch; returns the event the server built from it. */
async function eventOf(path: string, init?: RequestInit): Promise<APIGatewayProxyEventV2> {
  const before = events.length;
  const response = await fetch(`${origin}${path}`, init);
  await response.arrayBuffer();
  expect(events).toHaveLength(before + 1);
  return events[before] as APIGatewayProxyEventV2;
}

/**
 * Sends a request with node:http, which (unlike fetch) can repeat a header line (an array value
 * is sent as one line per value) and send a body without a content type.
 */
async function eventOfRaw(
  path: string,
  headers: Record<string, string | string[]>,
  body?: string,
): Promise<APIGatewayProxyEventV2> {
  const before = events.length;
  const req = request({
    host: '127.0.0.1',
    port,
    path,
    headers: headers as OutgoingHttpHeaders,
    method: body ? 'POST' : 'GET',
  });
  req.end(body);
  const [response] = (await once(req, 'response')) as [IncomingMessage];
  response.resume();
  await once(response, 'end');
  expect(events).toHaveLength(before + 1);
  return events[before] as APIGatewayProxyEventV2;
}

describe('toHttpApiEvent', () => {
  it('builds a payload 2.0 event with the method, path and a $default request context', async () => {
    // Act
    const event = await eventOf('/items/42', { headers: { 'user-agent': 'probe/1.0' } });

    // Assert
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/items/42',
      rawQueryString: '',
      isBase64Encoded: false,
    });
    expect(event.body).toBeUndefined();
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.requestContext).toMatchObject({
      routeKey: '$default',
      stage: '$default',
      domainName: `127.0.0.1:${port}`,
      http: {
        method: 'GET',
        path: '/items/42',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'probe/1.0',
      },
    });
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stamps the request time in the format of API Gateway, matching timeEpoch', async () => {
    // Act
    const event = await eventOf('/');

    // Assert
    const { time, timeEpoch } = event.requestContext;
    const [, day, month, year, clock] =
      /^(\d{2})\/(\w{3})\/(\d{4}):(\d{2}:\d{2}:\d{2}) \+0000$/.exec(time) ?? [];
    expect(new Date(`${day} ${month} ${year} ${clock} UTC`).getTime()).toBe(
      Math.floor(timeEpoch / 1000) * 1000,
    );
  });

  it('has every key of a real HTTP API event, in the request context and its http part', async () => {
    // Prepare
    const real = loadFixture('aws-lambda-go/apigw-v2-request-no-authorizer.json') as {
      requestContext: Record<string, unknown> & { http: Record<string, unknown> };
    };
    const { authentication: _, ...realContext } = real.requestContext;

    // Act
    const event = await eventOf('/');

    // Assert
    expect(Object.keys(event)).toEqual(expect.arrayContaining(Object.keys(real)));
    expect(Object.keys(event.requestContext).sort()).toEqual(Object.keys(realContext).sort());
    expect(Object.keys(event.requestContext.http).sort()).toEqual(
      Object.keys(real.requestContext.http).sort(),
    );
  });

  it('gives each request its own request id', async () => {
    // Act
    const first = await eventOf('/');
    const second = await eventOf('/');

    // Assert
    expect(first.requestContext.requestId).not.toBe(second.requestContext.requestId);
  });

  it('carries the method of the request', async () => {
    // Act
    const event = await eventOf('/items/42', { method: 'DELETE' });

    // Assert
    expect(event.requestContext.http.method).toBe('DELETE');
  });

  it('decodes rawPath as API Gateway does, except %2F', async () => {
    // Act
    const event = await eventOf('/files/caf%C3%A9%20au%20lait/a%2Fb');

    // Assert
    expect(event.rawPath).toBe('/files/café au lait/a%2Fb');
    expect(event.requestContext.http.path).toBe('/files/café au lait/a%2Fb');
  });

  it('keeps malformed percent escapes in rawPath as sent', async () => {
    // Act
    const event = await eventOf('/bad/%E0%A4%A/x%ZZ/%FF');

    // Assert
    expect(event.rawPath).toBe('/bad/%E0%A4%A/x%ZZ/%FF');
  });

  it('passes the query string as sent, with the comma-joined map API Gateway adds', async () => {
    // Act
    const event = await eventOf('/search?tag=a&tag=b&q=x%20y%2Bz&flag');

    // Assert
    expect(event.rawQueryString).toBe('tag=a&tag=b&q=x%20y%2Bz&flag');
    expect(event.queryStringParameters).toEqual({ tag: 'a,b', q: 'x y+z', flag: '' });
    expect(event.rawPath).toBe('/search');
  });

  it('lower-cases header names', async () => {
    // Act
    const event = await eventOf('/', { headers: { 'X-Custom-Header': 'Value' } });

    // Assert
    expect(event.headers['x-custom-header']).toBe('Value');
    expect(event.headers['X-Custom-Header']).toBeUndefined();
  });

  it('joins the values of a repeated header with a comma, as API Gateway does', async () => {
    // Act
    const event = await eventOfRaw('/', { 'x-multi': ['a', 'b'], 'user-agent': ['one', 'two'] });

    // Assert
    expect(event.headers['x-multi']).toBe('a,b');
    expect(event.headers['user-agent']).toBe('one,two');
  });

  it('moves the cookie header to cookies[]', async () => {
    // Act
    const event = await eventOf('/', { headers: { cookie: 'session=abc; theme=dark;' } });

    // Assert
    expect(event.cookies).toEqual(['session=abc', 'theme=dark']);
    expect(event.headers.cookie).toBeUndefined();
  });

  it('collects the cookies of every cookie header line', async () => {
    // Act
    const event = await eventOfRaw('/', { cookie: ['a=1', 'b=2; c=3'] });

    // Assert
    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
  });

  it('has no cookies when no cookie header is sent', async () => {
    // Act
    const event = await eventOf('/');

    // Assert
    expect(event.cookies).toBeUndefined();
  });

  it('passes a text body as text', async () => {
    // Prepare
    const body = JSON.stringify({ name: 'café' });

    // Act
    const event = await eventOf('/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
    });

    // Assert
    expect(event.body).toBe(body);
    expect(event.isBase64Encoded).toBe(false);
  });

  it('passes a binary body base64-encoded, byte for byte', async () => {
    // Prepare
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

    // Act
    const event = await eventOf('/upload', {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });

    // Assert
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body as string, 'base64')).toEqual(bytes);
  });

  it('base64-encodes a body sent without a content type', async () => {
    // Act
    const event = await eventOfRaw('/', {}, 'plain');

    // Assert
    expect(event.headers['content-type']).toBeUndefined();
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body as string, 'base64').toString()).toBe('plain');
  });

  it('fills in the domain and user agent of an HTTP/1.0 request that sends no headers', async () => {
    // Prepare
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const before = events.length;

    // Act
    socket.write('GET /old HTTP/1.0\r\n\r\n');
    socket.resume();
    await once(socket, 'close'); // the server closes an HTTP/1.0 connection after answering

    // Assert
    const event = events[before] as APIGatewayProxyEventV2;
    expect(event.headers).toEqual({});
    expect(event.requestContext.domainName).toBe('localhost');
    expect(event.requestContext.http).toMatchObject({ protocol: 'HTTP/1.0', userAgent: '' });
  });
});
