import { Controller, Get, Reply, reply } from 'gantry';
import { describe, expect, it } from 'vitest';
import { handlerFor, invoke, jsonOf } from '../handler/invoke.js';

describe('reply', () => {
  it('carries a status, a body and lower-cased headers', () => {
    // Act
    const answer = reply(201, { id: 1 }, { Location: '/items/1', 'X-Trace': 'abc' });

    // Assert
    expect(answer).toBeInstanceOf(Reply);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ id: 1 });
    expect(answer.headers).toEqual({ location: '/items/1', 'x-trace': 'abc' });
    expect(answer.cookies).toEqual([]);
  });

  it.each([99, 600, 200.5, Number.NaN])('refuses status %s with a RangeError', (status) => {
    // Act
    const build = () => reply(status);

    // Assert
    expect(build).toThrow(
      new RangeError(`reply() status must be an integer from 100 to 599, got ${status}`),
    );
  });

  it('sets headers one by one with .header(), chainable, later values winning', () => {
    // Act
    const answer = reply(200)
      .header('Cache-Control', 'no-store')
      .header('cache-control', 'max-age=60');

    // Assert
    expect(answer.headers).toEqual({ 'cache-control': 'max-age=60' });
  });

  it('keeps every set-cookie header as its own cookie', () => {
    // Act
    const answer = reply(200, undefined, { 'Set-Cookie': 'a=1' })
      .header('set-cookie', 'b=2')
      .header('SET-COOKIE', 'c=3');

    // Assert
    expect(answer.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(answer.headers).toEqual({});
  });
});

describe('reply().cookie', () => {
  it('writes a cookie with Path=/ by default and its value percent-encoded', () => {
    // Act
    const answer = reply(200).cookie('session', 'a b;c=d,é');

    // Assert
    expect(answer.cookies).toEqual(['session=a%20b%3Bc%3Dd%2C%C3%A9; Path=/']);
  });

  it('writes every attribute', () => {
    // Act
    const answer = reply(200).cookie('id', 'v1', {
      domain: 'example.com',
      path: '/api',
      expires: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)),
      maxAge: 3600.9,
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      partitioned: true,
    });

    // Assert
    expect(answer.cookies).toEqual([
      'id=v1; Domain=example.com; Path=/api; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Max-Age=3600; HttpOnly; Secure; SameSite=Strict; Partitioned',
    ]);
  });

  it('leaves out attributes set to false', () => {
    // Act
    const answer = reply(200).cookie('id', 'v', { httpOnly: false, secure: false });

    // Assert
    expect(answer.cookies).toEqual(['id=v; Path=/']);
  });

  it('writes Max-Age=0 to delete a cookie', () => {
    // Act
    const answer = reply(204).cookie('session', '', { maxAge: 0 });

    // Assert
    expect(answer.cookies).toEqual(['session=; Path=/; Max-Age=0']);
  });

  it.each(['', 'has space', 'semi;colon', 'eq=uals', 'comma,', 'naïve'])(
    'refuses the cookie name %j',
    (name) => {
      // Act
      const set = () => reply(200).cookie(name, 'v');

      // Assert
      expect(set).toThrow(new TypeError(`Invalid cookie name: ${JSON.stringify(name)}`));
    },
  );

  it.each([
    ['domain', { domain: 'evil.com; HttpOnly' }, 'evil.com; HttpOnly'],
    ['path', { path: '/a b' }, '/a b'],
    ['path', { path: '/a\r\nSet-Cookie: x=y' }, '/a\r\nSet-Cookie: x=y'],
  ])('refuses a %s attribute that would break the header', (name, options, value) => {
    // Act
    const set = () => reply(200).cookie('id', 'v', options);

    // Assert
    expect(set).toThrow(new TypeError(`Invalid cookie ${name}: ${JSON.stringify(value)}`));
  });
});

describe('cookies through createHandler', () => {
  it('sends several cookies separately, never comma-joined', async () => {
    // Prepare
    @Controller('/login')
    class Login {
      @Get('/')
      login() {
        return reply(200, { ok: true })
          .cookie('session', 'abc', { httpOnly: true, expires: new Date(Date.UTC(2030, 0, 1)) })
          .cookie('theme', 'dark')
          .header('set-cookie', 'raw=1; Path=/');
      }
    }
    const handler = handlerFor([Login]);

    // Act
    const answer = await invoke(handler, { path: '/login' });

    // Assert
    expect(jsonOf(answer)).toEqual({ ok: true });
    expect(answer.cookies).toEqual([
      'session=abc; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly',
      'theme=dark; Path=/',
      'raw=1; Path=/',
    ]);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });
});
