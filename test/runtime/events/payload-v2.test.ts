/**
 * HTTP API v2 and Function URL events share payload format 2.0; they differ in the path only.
 */
import { apiGatewayV2, functionUrl, type TranslateOptions } from 'gantry';
import { describe, expect, it } from 'vitest';
import { apigwV2Event, functionUrlEvent } from '../../support/events.js';
import { loadFixture } from '../../support/fixtures.js';

const OPTIONS: TranslateOptions = { basePaths: [], stripStage: true };
type V2Event = Parameters<typeof apiGatewayV2.toRequest>[0];

describe('detect', () => {
  it('tells a Function URL (.lambda-url. domain) from an HTTP API event', () => {
    // Prepare
    const url = functionUrlEvent({ path: '/' });
    const api = apigwV2Event({ path: '/' });

    // Act
    const detected = [
      functionUrl.detect(url),
      apiGatewayV2.detect(url),
      functionUrl.detect(api),
      apiGatewayV2.detect(api),
    ];

    // Assert
    expect(detected).toEqual([true, false, false, true]);
  });

  it('reads a payload 2.0 event without a domain name as HTTP API', () => {
    // Prepare
    const event = apigwV2Event({ path: '/' }) as { requestContext: { domainName?: string } };
    delete event.requestContext.domainName;

    // Act
    const detected = [apiGatewayV2.detect(event), functionUrl.detect(event)];

    // Assert
    expect(detected).toEqual([true, false]);
  });
});

describe('toRequest', () => {
  it('reads an HTTP API rawPath as already decoded (a literal %20 is text)', () => {
    // Prepare
    const event = { ...apigwV2Event(), rawPath: '/files/a%20b' } as V2Event;

    // Act
    const request = apiGatewayV2.toRequest(event, OPTIONS);

    // Assert
    expect(request.path).toBe('/files/a%20b');
    expect(request.routingPath).toBe('/files/a%2520b');
  });

  it('reads a Function URL rawPath as percent-encoded', () => {
    // Prepare
    const event = functionUrlEvent({ path: '/files/a%20b' }) as V2Event;

    // Act
    const request = functionUrl.toRequest(event, OPTIONS);

    // Assert
    expect(request.path).toBe('/files/a b');
    expect(request.routingPath).toBe('/files/a%20b');
  });

  it('reads rawQueryString, not the comma-joined queryStringParameters map', () => {
    // Prepare
    const event = {
      ...apigwV2Event({ query: 'a=1&a=2&tag=x%2Cy' }),
      queryStringParameters: { a: '1,2', tag: 'x,y' },
    } as V2Event;

    // Act
    const request = apiGatewayV2.toRequest(event, OPTIONS);

    // Assert
    expect(request.query).toEqual({ a: ['1', '2'], tag: 'x,y' });
  });

  it('reads cookies from cookies[] once when a Function URL also sends the cookie header', () => {
    // Prepare
    const event = loadFixture(
      'aws-lambda-go/function-url-request-with-headers-and-cookies-and-text-body.json',
    ) as unknown as V2Event;

    // Act
    const request = functionUrl.toRequest(event, OPTIONS);

    // Assert
    expect(request.cookies).toEqual({ foo: 'bar', hello: 'hello' });
    expect(request.headers.cookie).toBe('foo=bar; hello=hello');
  });

  it('keeps the cookie header a Function URL sent exactly as sent', () => {
    // Prepare
    const event = {
      ...functionUrlEvent({ cookies: ['a=1', 'b=2'] }),
      headers: { cookie: 'a=1;b=2' },
    } as V2Event;

    // Act
    const request = functionUrl.toRequest(event, OPTIONS);

    // Assert
    expect(request.headers.cookie).toBe('a=1;b=2');
    expect(request.cookies).toEqual({ a: '1', b: '2' });
  });

  it('shows cookies[] as a cookie header when the event has none', () => {
    // Prepare
    const event = apigwV2Event({ cookies: ['a=1', 'b=2'] }) as V2Event;

    // Act
    const request = apiGatewayV2.toRequest(event, OPTIONS);

    // Assert
    expect(request.headers.cookie).toBe('a=1; b=2');
    expect(request.cookies).toEqual({ a: '1', b: '2' });
  });

  it('reads the cookie header when an event carries no cookies[]', () => {
    // Prepare
    const event = apigwV2Event({ headers: { Cookie: 'a=1; b=J%C3%B6rg' } }) as V2Event;

    // Act
    const request = apiGatewayV2.toRequest(event, OPTIONS);

    // Assert
    expect(request.cookies).toEqual({ a: '1', b: 'Jörg' });
    expect(request.headers.cookie).toBe('a=1; b=J%C3%B6rg');
  });

  it('takes the request id from requestContext.requestId and the method upper-cased', () => {
    // Prepare
    const event = apigwV2Event({ method: 'delete', requestId: 'req-42' }) as V2Event;

    // Act
    const request = apiGatewayV2.toRequest(event, OPTIONS);

    // Assert
    expect(request.requestId).toBe('req-42');
    expect(request.method).toBe('DELETE');
  });

  it('reads a missing rawPath as /', () => {
    // Prepare
    const event = { ...functionUrlEvent(), rawPath: '' } as V2Event;

    // Act
    const request = functionUrl.toRequest(event, OPTIONS);

    // Assert
    expect(request.path).toBe('/');
  });
});

describe('toResult', () => {
  it('answers without cookies[] when there are no cookies', () => {
    // Act
    const result = apiGatewayV2.toResult(
      { status: 200, headers: { 'content-type': 'text/plain' }, cookies: [], body: 'ok' },
      apigwV2Event() as V2Event,
    );

    // Assert
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/plain' },
      body: 'ok',
      isBase64Encoded: false,
    });
  });

  it('answers cookies in cookies[], each whole', () => {
    // Prepare
    const cookies = ['a=1; Expires=Tue, 01 Jan 2030 00:00:00 GMT', 'b=2'];

    // Act
    const result = functionUrl.toResult(
      { status: 201, headers: {}, cookies, body: undefined },
      functionUrlEvent() as V2Event,
    );

    // Assert
    expect(result).toEqual({
      statusCode: 201,
      headers: {},
      body: '',
      isBase64Encoded: false,
      cookies,
    });
  });
});

describe('payload 2.0 events written by hand', () => {
  const options = { basePaths: [], stripStage: true };

  it('reads requestContext.http.path when rawPath is null', () => {
    // Prepare
    const event = { ...apigwV2Event({ path: '/ignored' }), rawPath: null };
    event.requestContext.http.path = '/items/7';

    // Act
    const request = apiGatewayV2.toRequest(event as never, options);

    // Assert
    expect(request.problem).toBeUndefined();
    expect(request.path).toBe('/items/7');
  });

  it('reads the queryStringParameters map when there is no rawQueryString, within the URL limit', () => {
    // Prepare
    const at = { ...apigwV2Event({ path: '/' }), rawQueryString: undefined };
    const over = { ...at, queryStringParameters: { q: 'a'.repeat(16 * 1024) } };
    const within = { ...at, queryStringParameters: { q: 'a'.repeat(16 * 1024 - 1 - 3) } };

    // Act
    const refused = apiGatewayV2.toRequest(over as never, options);
    const read = apiGatewayV2.toRequest(within as never, options);

    // Assert
    expect(refused.problem).toMatchObject({ status: 414 });
    expect(read.problem).toBeUndefined();
    expect(read.query.q).toHaveLength(16 * 1024 - 4);
  });

  it.each([
    ['a number', 5],
    ['missing', undefined],
  ])('strips no stage when requestContext.stage is %s', (_case, stage) => {
    // Prepare
    const event = apigwV2Event({ path: '/5/items' });
    const sent = { ...event, requestContext: { ...event.requestContext, stage } };

    // Act
    const request = apiGatewayV2.toRequest(sent as never, options);

    // Assert
    expect(request.path).toBe('/5/items');
  });

  it('reads an event without a requestContext as a 400 naming the method', () => {
    // Prepare
    const { requestContext: _, ...event } = apigwV2Event({ path: '/items' });

    // Act
    const request = apiGatewayV2.toRequest(event as never, options);

    // Assert
    expect(request.path).toBe('/items');
    expect(request.problem).toEqual({
      status: 400,
      message: 'requestContext.http.method is missing: the event names no HTTP method',
    });
  });
});
