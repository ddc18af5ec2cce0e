import { Controller, Get, HttpError, isHttpError } from 'gantry';
import { describe, expect, it } from 'vitest';
import { captureConsoleError, handlerFor, invoke, jsonOf } from '../handler/invoke.js';

describe('HttpError', () => {
  it('carries status, message, details, headers and cause, and exposes a 4xx', () => {
    // Prepare
    const cause = new Error('row missing');

    // Act
    const error = new HttpError(
      404,
      'Item 7 not found',
      { id: '7' },
      { headers: { 'x-reason': 'gone' }, cause },
    );

    // Assert
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HttpError');
    expect(error.status).toBe(404);
    expect(error.message).toBe('Item 7 not found');
    expect(error.details).toEqual({ id: '7' });
    expect(error.headers).toEqual({ 'x-reason': 'gone' });
    expect(error.cause).toBe(cause);
    expect(error.expose).toBe(true);
  });

  it('does not expose a 5xx by default', () => {
    // Act
    const error = new HttpError(503, 'Database pool exhausted');

    // Assert
    expect(error.expose).toBe(false);
    expect(error.message).toBe('Database pool exhausted');
  });

  it('takes the status text as the message when none is given', () => {
    // Act
    const teapot = new HttpError(418);
    const unknown = new HttpError(499);

    // Assert
    expect(teapot.message).toBe("I'm a Teapot");
    expect(unknown.message).toBe('Error');
    expect(teapot.headers).toEqual({});
    expect(teapot.details).toBeUndefined();
  });

  it('lets a 4xx be hidden, but never lets a 5xx be exposed', () => {
    // Act
    const hidden = new HttpError(403, 'Tenant acme is suspended for fraud', undefined, {
      expose: false,
    });
    const stillHidden = new HttpError(503, 'Down for maintenance until 10:00', undefined, {
      expose: true,
    });

    // Assert
    expect(hidden.expose).toBe(false);
    expect(stillHidden.expose).toBe(false);
  });

  it.each([200, 399, 600, 404.5, Number.NaN])('refuses status %s with a RangeError', (status) => {
    // Act
    const build = () => new HttpError(status);

    // Assert
    expect(build).toThrow(
      new RangeError(`HttpError status must be an integer from 400 to 599, got ${status}`),
    );
  });
});

describe('isHttpError', () => {
  it('recognises an HttpError', () => {
    expect(isHttpError(new HttpError(400))).toBe(true);
  });

  it('recognises an HttpError from another copy of the package by its name and status', () => {
    // Prepare
    const foreign = Object.assign(new Error('Conflict'), { name: 'HttpError', status: 409 });

    // Act
    const recognised = isHttpError(foreign);

    // Assert
    expect(recognised).toBe(true);
  });

  it.each([
    ['a plain Error', new Error('x')],
    [
      'an Error named HttpError without a status',
      Object.assign(new Error('x'), { name: 'HttpError' }),
    ],
    ['a plain object shaped like one', { name: 'HttpError', status: 404, message: 'x' }],
    ['a string', 'HttpError'],
    ['undefined', undefined],
  ])('does not take %s for one', (_, value) => {
    expect(isHttpError(value)).toBe(false);
  });
});

describe('HttpError through createHandler', () => {
  const consoleError = captureConsoleError();
  @Controller('/e')
  class Errors {
    @Get('/not-found')
    notFound() {
      throw new HttpError(404, 'Item 7 not found', { id: '7' });
    }

    @Get('/rate-limited')
    rateLimited() {
      throw new HttpError(429, 'Slow down', undefined, { headers: { 'Retry-After': '30' } });
    }

    @Get('/unavailable')
    unavailable() {
      throw new HttpError(
        503,
        'Database pool exhausted at db-3.internal',
        { host: 'db-3.internal' },
        { headers: { 'retry-after': '5' } },
      );
    }

    @Get('/hidden')
    hidden() {
      throw new HttpError(
        403,
        'Tenant acme is suspended for fraud',
        { tenant: 'acme' },
        { expose: false },
      );
    }

    @Get('/maintenance')
    maintenance() {
      throw new HttpError(503, 'Down for maintenance until 10:00 UTC', undefined, {
        expose: true,
      });
    }

    @Get('/unnamed-5xx')
    unnamed() {
      throw new HttpError(599, 'Proxy secret failure');
    }

    @Get('/async')
    async asyncThrow() {
      throw new HttpError(409, 'Version conflict');
    }
  }
  const handler = handlerFor([Errors]);

  it('answers a 4xx with its status, message and details', async () => {
    // Act
    const answer = await invoke(handler, { path: '/e/not-found' });

    // Assert
    expect(answer.statusCode).toBe(404);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(jsonOf(answer)).toEqual({
      error: { status: 404, message: 'Item 7 not found', details: { id: '7' } },
    });
  });

  it('sends the error headers, lower-cased', async () => {
    // Act
    const answer = await invoke(handler, { path: '/e/rate-limited' });

    // Assert
    expect(answer.statusCode).toBe(429);
    expect(answer.headers['retry-after']).toBe('30');
  });

  it('answers a 5xx with the status text, never its message or details, but with its headers', async () => {
    // Act
    const answer = await invoke(handler, { path: '/e/unavailable' });

    // Assert
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['retry-after']).toBe('5');
    expect(jsonOf(answer)).toEqual({ error: { status: 503, message: 'Service Unavailable' } });
    expect(consoleError.calls).toHaveLength(1);
  });

  it('hides the message and details of an error with expose: false', async () => {
    // Act
    const answer = await invoke(handler, { path: '/e/hidden' });

    // Assert
    expect(answer.statusCode).toBe(403);
    expect(jsonOf(answer)).toEqual({ error: { status: 403, message: 'Forbidden' } });
  });

  it('never shows a 5xx message, even when the error asks for expose: true', async () => {
    // Act
    const answer = await invoke(handler, { path: '/e/maintenance' });

    // Assert
    expect(answer.statusCode).toBe(503);
    expect(jsonOf(answer)).toEqual({ error: { status: 503, message: 'Service Unavailable' } });
  });

  it('answers a 5xx without a standard status text with a generic message', async () => {
    // Act
    const answer = await invoke(handler, { path: '/e/unnamed-5xx' });

    // Assert
    expect(answer.statusCode).toBe(599);
    expect(jsonOf(answer)).toEqual({ error: { status: 599, message: 'Error' } });
  });

  it('answers an HttpError thrown by an async route', async () => {
    // Act
    const answer = await invoke(handler, { path: '/e/async' });

    // Assert
    expect(answer.statusCode).toBe(409);
    expect(jsonOf(answer).error.message).toBe('Version conflict');
  });
});

describe('HttpError at the 4xx/5xx boundary', () => {
  it.each([
    [499, true],
    [500, false],
    [501, false],
  ])('exposes the message of a %i: %s', (status, exposed) => {
    // Act
    const error = new HttpError(status, 'detail');

    // Assert
    expect(error.expose).toBe(exposed);
  });

  it('does not take a plain Error with a numeric status for an HttpError', () => {
    // Prepare
    const impostor = Object.assign(new Error('x'), { status: 404 });

    // Act
    const taken = isHttpError(impostor);

    // Assert
    expect(taken).toBe(false);
  });
});
