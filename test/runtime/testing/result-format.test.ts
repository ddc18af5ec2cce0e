/**
 * `testClient` reads results exactly as each source's format allows: a result the service
 * could not read is an `InvalidResultError` naming the field, never coerced into an answer.
 */
import { InvalidResultError, TEST_SOURCES, type TestSource, testClient } from 'gantry/testing';
import { describe, expect, it } from 'vitest';

/** A client whose handler returns `result` as is. */
const returning = (result: unknown, source: TestSource = 'apigw-v2') =>
  testClient(async () => result, { source });

describe('testClient: results a source cannot read', () => {
  it.each(TEST_SOURCES)('%s: a result without statusCode', async (source) => {
    // Act
    const answer = returning({ body: 'hi' }, source).get('/');

    // Assert
    await expect(answer).rejects.toThrow(InvalidResultError);
    await expect(answer).rejects.toThrow(
      new RegExp(
        `^Invalid ${source} result: statusCode is missing.* answers such a result with 50[02]`,
      ),
    );
  });

  it('HTTP API: a bare value, which the service would wrap in a 200', async () => {
    // Act
    const answer = returning('hello').get('/');

    // Assert
    await expect(answer).rejects.toThrow(
      'Invalid apigw-v2 result: the handler returned a string, not an object: payload format 2.0 would answer 200 with the value JSON-encoded as the body, which a Gantry handler never means (an HTTP API answers such a result with 500 "Internal Server Error")',
    );
  });

  it.each([
    [{ statusCode: '200' }, 'statusCode must be an integer from 100 to 599, got "200"'],
    [{ statusCode: 700 }, 'statusCode must be an integer from 100 to 599, got 700'],
    [{ statusCode: 200.5 }, 'statusCode must be an integer from 100 to 599, got 200.5'],
    [{ statusCode: null }, 'statusCode must be an integer from 100 to 599, got null'],
    [{ statusCode: 200, body: { a: 1 } }, 'body must be a string (JSON-encode it), got an object'],
    [
      { statusCode: 200, isBase64Encoded: 'yes' },
      'isBase64Encoded must be true or false, got a string',
    ],
    [
      { statusCode: 200, body: 'not base64!', isBase64Encoded: true },
      'body is not valid base64, though isBase64Encoded is true',
    ],
    [{ statusCode: 200, headers: [] }, 'headers must be an object, got an array'],
    [
      { statusCode: 200, headers: { a: {} } },
      'headers.a must be a string, number or boolean, got an object',
    ],
    [{ statusCode: 200, cookies: 'a=1' }, 'cookies must be a list of strings, got a string'],
    [{ statusCode: 200, cookies: ['a=1', 2] }, 'cookies[1] must be a string, got a number'],
    [
      { statusCode: 200, multiValueHeaders: { a: ['1'] } },
      'multiValueHeaders is not part of payload format 2.0, which ignores it',
    ],
  ])('HTTP API: %j', async (result, problem) => {
    // Act
    const answer = returning(result).get('/');

    // Assert
    await expect(answer).rejects.toThrow(`Invalid apigw-v2 result: ${problem} (`);
  });

  it.each([
    [
      'apigw-v1',
      { statusCode: 200, multiValueHeaders: { a: 'x' } },
      'multiValueHeaders.a must be a list, got a string',
    ],
    [
      'apigw-v1',
      { statusCode: 200, multiValueHeaders: { a: [null] } },
      'multiValueHeaders.a[0] must be a string, number or boolean, got null',
    ],
    [
      'alb',
      { statusCode: 200, multiValueHeaders: { a: ['x'] } },
      'the target group is in single-value header mode, so the answer must use headers, not multiValueHeaders',
    ],
    [
      'alb-multi',
      { statusCode: 200, headers: { a: 'x' } },
      'the target group is in multi-value header mode, so the answer must use multiValueHeaders, not headers',
    ],
    [
      'alb',
      { statusCode: 200, statusDescription: 200 },
      'statusDescription must be a string, got a number',
    ],
    [
      'vpc-lattice',
      { statusCode: 200, multiValueHeaders: { a: ['x'] } },
      'multiValueHeaders is not part of the VPC Lattice answer, which ignores it',
    ],
  ] as const)('%s: %j', async (source, result, problem) => {
    // Act
    const answer = returning(result, source).get('/');

    // Assert
    await expect(answer).rejects.toThrow(`Invalid ${source} result: ${problem} (`);
  });

  it('keeps the source and the result on the error', async () => {
    // Prepare
    const result = { statusCode: 'teapot' };

    // Act
    const error = await returning(result, 'alb')
      .get('/')
      .catch((thrown: unknown) => thrown);

    // Assert
    expect(error).toBeInstanceOf(InvalidResultError);
    expect(error).toMatchObject({ name: 'InvalidResultError', source: 'alb', result });
  });
});

describe('testClient: results read as each source reads them', () => {
  it('REST API: headers and multiValueHeaders merged, the multi-value map winning, values as text', async () => {
    // Prepare
    const client = returning(
      {
        statusCode: 200,
        headers: { 'X-Count': 3, 'x-flag': true, Vary: 'ignored' },
        multiValueHeaders: { Vary: ['accept', 'origin'], 'Set-Cookie': ['a=1', 'b=2'] },
        body: 'ok',
      },
      'apigw-v1',
    );

    // Act
    const response = await client.get('/');

    // Assert
    expect(response.headers).toEqual({ 'x-count': '3', 'x-flag': 'true', vary: 'accept, origin' });
    expect(response.setCookies).toEqual(['a=1', 'b=2']);
    expect(response.body).toBe('ok');
    expect(response.statusText).toBe('OK');
  });

  it('HTTP API: cookies[] and a set-cookie header are all cookies; a missing body is empty', async () => {
    // Act
    const response = await returning({
      statusCode: 204,
      headers: { 'set-cookie': 'h=1' },
      cookies: ['c="quoted"', 'broken', 'd=%E0%A4%A'],
    }).get('/');

    // Assert
    expect(response.setCookies).toEqual(['h=1', 'c="quoted"', 'broken', 'd=%E0%A4%A']);
    expect(response.cookies).toEqual({ h: '1', c: 'quoted', d: '%E0%A4%A' });
    expect(response.body).toBe('');
    expect(response.bytes).toEqual(Buffer.alloc(0));
  });

  it('ALB single-value: differently-cased set-cookie names are each a cookie; statusDescription', async () => {
    // Act
    const response = await returning(
      {
        statusCode: 418,
        statusDescription: '418 Short and stout',
        headers: { 'set-cookie': 'a=1', 'Set-cookie': 'b=2', 'content-type': 'text/plain' },
        body: 'aGk=',
        isBase64Encoded: true,
      },
      'alb',
    ).get('/');

    // Assert
    expect(response.status).toBe(418);
    expect(response.statusText).toBe('Short and stout');
    expect(response.cookies).toEqual({ a: '1', b: '2' });
    expect(response.headers).toEqual({ 'content-type': 'text/plain' });
    expect(response.body).toBe('hi');
  });

  it('a status without a reason phrase has no statusText', async () => {
    // Act
    const response = await returning({ statusCode: 299 }, 'vpc-lattice-v1').get('/');

    // Assert
    expect(response.statusText).toBeUndefined();
  });

  it('json() names the status and content type when the body is not JSON, or empty', async () => {
    // Prepare
    const text = await returning({
      statusCode: 502,
      headers: { 'content-type': 'text/html' },
      body: `<html>${'x'.repeat(100)}</html>`,
    }).get('/');
    const short = await returning({ statusCode: 200, body: 'ok' }).get('/');
    const empty = await returning({ statusCode: 204 }).get('/');

    // Act
    const parseText = () => text.json();
    const parseShort = () => short.json();
    const parseEmpty = () => empty.json();

    // Assert
    expect(parseText).toThrow(
      /^The response body is not JSON \(status 502, content-type text\/html\): "<html>x+…"$/,
    );
    expect(parseShort).toThrow(
      'The response body is not JSON (status 200, content-type (none)): "ok"',
    );
    expect(parseEmpty).toThrow(
      'The response body is empty (status 204, content-type (none)), so it is not JSON',
    );
  });
});
