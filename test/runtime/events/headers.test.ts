import { describe, expect, it } from 'vitest';
import { fromMultiHeaders, fromSingleHeaders } from '../../../runtime/events/headers.js';

describe('fromSingleHeaders (headers maps)', () => {
  it('lower-cases names and keeps values as sent', () => {
    // Act
    const headers = fromSingleHeaders({ 'Content-Type': 'Application/JSON', 'X-Trace': 'a,b' });

    // Assert
    expect(headers).toEqual({ 'content-type': 'Application/JSON', 'x-trace': 'a,b' });
  });

  it('joins two spellings of one name with , ', () => {
    // Act
    const headers = fromSingleHeaders({ Accept: 'text/html', accept: 'application/json' });

    // Assert
    expect(headers).toEqual({ accept: 'text/html, application/json' });
  });

  it('joins two spellings of the cookie header with ; ', () => {
    // Act
    const headers = fromSingleHeaders({ Cookie: 'a=1', cookie: 'b=2' });

    // Assert
    expect(headers).toEqual({ cookie: 'a=1; b=2' });
  });

  it('skips missing values and turns others into strings', () => {
    // Prepare
    const map = { a: undefined, b: null, c: 5 } as unknown as Record<string, string>;

    // Act
    const headers = fromSingleHeaders(map);

    // Assert
    expect(headers).toEqual({ c: '5' });
  });

  it.each([null, undefined])('reads %j as no headers', (map) => {
    // Act
    const headers = fromSingleHeaders(map);

    // Assert
    expect(headers).toEqual({});
  });

  it('has no prototype, so __proto__ is an ordinary header', () => {
    // Act
    const headers = fromSingleHeaders(JSON.parse('{"__proto__":"x"}'));

    // Assert
    expect(Object.getPrototypeOf(headers)).toBeNull();
    expect(Object.entries(headers)).toEqual([['__proto__', 'x']]);
  });
});

describe('fromSingleHeaders on a map already in lower case (HTTP API, Function URL)', () => {
  it('copies it: changing the headers never changes the event', () => {
    // Prepare
    const map = { accept: 'text/html', host: 'example.com' };

    // Act
    const headers = fromSingleHeaders(map);
    headers.cookie = 'a=1';

    // Assert
    expect(headers).not.toBe(map);
    expect(map).toEqual({ accept: 'text/html', host: 'example.com' });
    expect(Object.getPrototypeOf(headers)).toBeNull();
    expect(headers.constructor).toBeUndefined();
  });

  it('keeps a __proto__ header an ordinary header', () => {
    // Act
    const headers = fromSingleHeaders(JSON.parse('{"accept":"a","__proto__":"x"}'));

    // Assert
    expect(Object.getPrototypeOf(headers)).toBeNull();
    expect(Object.entries(headers)).toEqual([
      ['accept', 'a'],
      ['__proto__', 'x'],
    ]);
  });
});

describe('fromMultiHeaders (multiValueHeaders maps)', () => {
  it('lower-cases names and joins each list with , ', () => {
    // Act
    const headers = fromMultiHeaders({
      Accept: ['text/html', 'application/xhtml+xml'],
      Host: ['h'],
    });

    // Assert
    expect(headers).toEqual({ accept: 'text/html, application/xhtml+xml', host: 'h' });
  });

  it('joins cookie headers with ; so each pair stays a cookie', () => {
    // Act
    const headers = fromMultiHeaders({ cookie: ['name1=value1', 'name2=value2'] });

    // Assert
    expect(headers).toEqual({ cookie: 'name1=value1; name2=value2' });
  });

  it('merges two spellings of one name in order', () => {
    // Act
    const headers = fromMultiHeaders({
      'X-A': ['1', '2'],
      'x-a': ['3'],
      Cookie: ['a=1'],
      cookie: ['b=2', 'c=3'],
    });

    // Assert
    expect(headers).toEqual({ 'x-a': '1, 2, 3', cookie: 'a=1; b=2; c=3' });
  });

  it('keeps a value the client already joined as one value', () => {
    // Act
    const headers = fromMultiHeaders({ 'X-Forwarded-For': ['54.240.196.186, 54.182.214.83'] });

    // Assert
    expect(headers).toEqual({ 'x-forwarded-for': '54.240.196.186, 54.182.214.83' });
  });

  it('skips empty and missing lists', () => {
    // Act
    const headers = fromMultiHeaders({ empty: [], missing: undefined, ok: ['1'] });

    // Assert
    expect(headers).toEqual({ ok: '1' });
  });

  it.each([null, undefined])('reads %j as no headers', (map) => {
    // Act
    const headers = fromMultiHeaders(map);

    // Assert
    expect(headers).toEqual({});
  });
});
