import { HttpError } from 'gantry';
import { describe, expect, it } from 'vitest';
import { errorResponse, statusOf } from '../../../runtime/handler/error-response.js';

const bodyOf = (error: unknown, correlationId?: string, dev = false) =>
  JSON.parse(String(errorResponse(error, correlationId, dev).body));

describe('statusOf', () => {
  it('takes the status of an HttpError, 500 for anything else', () => {
    expect(statusOf(new HttpError(409))).toBe(409);
    expect(statusOf(new Error('x'))).toBe(500);
    expect(statusOf('x')).toBe(500);
  });
});

describe('errorResponse', () => {
  it('answers an HttpError with its status, message, details, headers and the correlation id', () => {
    // Act
    const response = errorResponse(
      new HttpError(422, 'Bad input', [{ loc: ['body'] }], { headers: { 'X-Why': 'y' } }),
      'corr-1',
      false,
    );

    // Assert
    expect(response).toEqual({
      status: 422,
      headers: { 'x-why': 'y', 'content-type': 'application/json' },
      cookies: [],
      body: '{"error":{"status":422,"message":"Bad input","details":[{"loc":["body"]}],"correlationId":"corr-1"}}',
    });
  });

  it('never lets an error header replace the JSON content type', () => {
    // Act
    const response = errorResponse(
      new HttpError(400, 'x', undefined, { headers: { 'Content-Type': 'text/html' } }),
      undefined,
      false,
    );

    // Assert
    expect(response.headers['content-type']).toBe('application/json');
  });

  it('sends a set-cookie header of an HttpError as a cookie, never as a header', () => {
    // Act
    const response = errorResponse(
      new HttpError(401, 'Session expired', undefined, {
        headers: { 'Set-Cookie': 'session=; Path=/; Max-Age=0', 'WWW-Authenticate': 'Bearer' },
      }),
      undefined,
      false,
    );

    // Assert
    expect(response.cookies).toEqual(['session=; Path=/; Max-Age=0']);
    expect(response.headers).toEqual({
      'www-authenticate': 'Bearer',
      'content-type': 'application/json',
    });
  });

  it('answers anything else with the safe 500, whatever it carries', () => {
    // Prepare
    class DatabaseError extends Error {
      readonly query = 'SELECT password FROM users';
    }

    // Act
    const body = bodyOf(new DatabaseError('connection refused to 10.0.0.7'), 'corr-2');

    // Assert
    expect(body).toEqual({
      error: { status: 500, message: 'Internal Server Error', correlationId: 'corr-2' },
    });
  });

  it('adds a debug block in development mode to errors whose message is not exposed', () => {
    // Act
    const plain = bodyOf(new TypeError('x is undefined'), undefined, true);
    const hidden = bodyOf(new HttpError(502, 'Upstream 10.0.0.7 down'), undefined, true);
    const thrown = bodyOf(42, undefined, true);

    // Assert
    expect(plain.error.debug).toMatchObject({ name: 'TypeError', message: 'x is undefined' });
    expect(plain.error.debug.stack).toMatch(/^TypeError: x is undefined/);
    expect(hidden.error).toMatchObject({
      message: 'Bad Gateway',
      debug: { name: 'HttpError', message: 'Upstream 10.0.0.7 down' },
    });
    expect(thrown.error.debug).toEqual({ thrown: '42' });
  });

  it('adds no debug block outside development mode', () => {
    // Act
    const body = bodyOf(new Error('x'), undefined, false);

    // Assert
    expect(body.error.debug).toBeUndefined();
  });
});
