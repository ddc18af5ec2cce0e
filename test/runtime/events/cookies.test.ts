import { describe, expect, it } from 'vitest';
import {
  parseCookieHeader,
  parseCookieList,
  spreadSetCookies,
} from '../../../runtime/events/cookies.js';

describe('parseCookieHeader', () => {
  it('reads name=value pairs separated by ; with any spacing', () => {
    // Act
    const cookies = parseCookieHeader('a=1;b=2 ;  c = 3 ');

    // Assert
    expect(cookies).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('strips the quotes of a quoted value', () => {
    // Act
    const cookies = parseCookieHeader('theme="dark mode"; empty=""; lone="');

    // Assert
    expect(cookies).toEqual({ theme: 'dark mode', empty: '', lone: '"' });
  });

  it('percent-decodes values, and keeps malformed encoding as sent', () => {
    // Act
    const cookies = parseCookieHeader('name=J%C3%B6rg; bad=%zz; plus=a+b');

    // Assert
    expect(cookies).toEqual({ name: 'Jörg', bad: '%zz', plus: 'a+b' });
  });

  it('keeps = inside a value', () => {
    // Act
    const cookies = parseCookieHeader('token=abc==; q=a=b');

    // Assert
    expect(cookies).toEqual({ token: 'abc==', q: 'a=b' });
  });

  it('lets the first of two cookies with one name win', () => {
    // Act
    const cookies = parseCookieHeader('id=first; id=second');

    // Assert
    expect(cookies).toEqual({ id: 'first' });
  });

  it('ignores pairs without = and pairs without a name', () => {
    // Act
    const cookies = parseCookieHeader('cookies; =orphan; ok=1;;');

    // Assert
    expect(cookies).toEqual({ ok: '1' });
  });

  it.each([undefined, ''])('reads %j as no cookies', (header) => {
    // Act
    const cookies = parseCookieHeader(header);

    // Assert
    expect(cookies).toEqual({});
  });

  it('has no prototype, so __proto__ is an ordinary cookie name', () => {
    // Act
    const cookies = parseCookieHeader('__proto__=x; constructor=y');

    // Assert
    expect(Object.getPrototypeOf(cookies)).toBeNull();
    expect(Object.entries(cookies)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
  });
});

describe('parseCookieList (cookies[])', () => {
  it('reads one cookie per entry', () => {
    // Act
    const cookies = parseCookieList(['TestCookie1=TestValue1', 'TestCookie2=TestValue2']);

    // Assert
    expect(cookies).toEqual({ TestCookie1: 'TestValue1', TestCookie2: 'TestValue2' });
  });

  it('reads several pairs packed into one entry', () => {
    // Act
    const cookies = parseCookieList(['a=1; b=2', 'c=3']);

    // Assert
    expect(cookies).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('lets the first entry with a name win, decodes values and ignores non-pairs', () => {
    // Act
    const cookies = parseCookieList(['id=1', 'id=2', 'cookie1', 'n=%E2%9C%93']);

    // Assert
    expect(cookies).toEqual({ id: '1', n: '✓' });
  });

  it.each([undefined, []])('reads %j as no cookies', (list) => {
    // Act
    const cookies = parseCookieList(list);

    // Assert
    expect(cookies).toEqual({});
  });
});

describe('spreadSetCookies (ALB single-value, VPC Lattice)', () => {
  const EXPIRING = 'a=1; Expires=Tue, 01 Jan 2030 00:00:00 GMT';

  it('puts each cookie, whole, under its own casing of set-cookie', () => {
    // Prepare
    const headers: Record<string, string> = { 'content-type': 'text/plain' };

    // Act
    spreadSetCookies(headers, [EXPIRING, 'b=2', 'c=3', 'd=4']);

    // Assert
    expect(headers).toEqual({
      'content-type': 'text/plain',
      'set-cookie': EXPIRING,
      'Set-cookie': 'b=2',
      'sEt-cookie': 'c=3',
      'SEt-cookie': 'd=4',
    });
  });

  it('adds nothing without cookies', () => {
    // Prepare
    const headers: Record<string, string> = { a: '1' };

    // Act
    spreadSetCookies(headers, []);

    // Assert
    expect(headers).toEqual({ a: '1' });
  });

  it('spreads 512 cookies over 512 distinct names, all of them set-cookie', () => {
    // Prepare
    const headers: Record<string, string> = {};
    const cookies = Array.from({ length: 512 }, (_, i) => `c${i}=${i}`);

    // Act
    spreadSetCookies(headers, cookies);

    // Assert
    const names = Object.keys(headers);
    expect(names).toHaveLength(512);
    expect(new Set(names.map((name) => name.toLowerCase()))).toEqual(new Set(['set-cookie']));
    expect(Object.values(headers)).toEqual(cookies);
    expect(headers['SET-COOKIE']).toBe('c511=511');
  });

  it('refuses a 513th cookie with a RangeError, before touching the headers', () => {
    // Prepare
    const headers: Record<string, string> = {};
    const cookies = Array.from({ length: 513 }, (_, i) => `c${i}=${i}`);

    // Act
    const spread = () => spreadSetCookies(headers, cookies);

    // Assert
    expect(spread).toThrow(new RangeError('Cannot send more than 512 cookies in one response'));
    expect(headers).toEqual({});
  });
});

describe('parseCookieHeader with quotes on one side only', () => {
  it.each([
    ['a="abc', '"abc'],
    ['a=abc"', 'abc"'],
    ['a="', '"'],
    ['a=""', ''],
  ])('reads %s as %j', (header, value) => {
    // Act
    const cookies = parseCookieHeader(header);

    // Assert
    expect(cookies.a).toBe(value);
  });
});
