import { describe, expect, it } from 'vitest';
import {
  decodeQueryComponent,
  emptyQuery,
  fromMultiValues,
  fromSingleValues,
  parseRawQuery,
} from '../../../runtime/events/query.js';

describe('parseRawQuery (HTTP API v2, Function URL, Lattice v1 raw paths)', () => {
  it('keeps every value of a repeated key, in order', () => {
    // Act
    const query = parseRawQuery('a=3&b=x&a=1&a=2');

    // Assert
    expect(query).toEqual({ a: ['3', '1', '2'], b: 'x' });
  });

  it('decodes keys and values once, + as a space', () => {
    // Act
    const query = parseRawQuery('q=x+y&p=%2B%25&d=%2525&caf%C3%A9=%E2%9C%93&e=&flag');

    // Assert
    expect(query).toEqual({ q: 'x y', p: '+%', d: '%25', café: '✓', e: '', flag: '' });
  });

  it('keeps malformed percent-encoding as written instead of failing', () => {
    // Act
    const query = parseRawQuery('bad=%zz&ok=1');

    // Assert
    expect(query).toEqual({ bad: '%zz', ok: '1' });
  });

  it('has no limit on the number of keys', () => {
    // Prepare
    const raw = Array.from({ length: 1500 }, (_, i) => `k${i}=${i}`).join('&');

    // Act
    const query = parseRawQuery(raw);

    // Assert
    expect(Object.keys(query)).toHaveLength(1500);
    expect(query.k1499).toBe('1499');
  });

  it.each([undefined, null, ''])('reads %j as an empty query', (raw) => {
    // Act
    const query = parseRawQuery(raw);

    // Assert
    expect(query).toEqual({});
  });

  it('treats __proto__ as an ordinary key', () => {
    // Act
    const query = parseRawQuery('__proto__=x&a=1');

    // Assert
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(Object.entries(query)).toEqual([
      ['__proto__', 'x'],
      ['a', '1'],
    ]);
  });
});

describe('decodeQueryComponent (ALB values, still URL-encoded)', () => {
  it.each([
    ['plain', 'plain'],
    ['x+y', 'x y'],
    ['%3FshowAll%3Dtrue', '?showAll=true'],
    ['2019-03-12T16%3A06%3A06.5498170%2B00%3A00', '2019-03-12T16:06:06.5498170+00:00'],
    ['%2525', '%25'],
    ['%zz', '%zz'],
  ])('decodes %s to %s', (raw, decoded) => {
    // Act
    const value = decodeQueryComponent(raw);

    // Assert
    expect(value).toBe(decoded);
  });
});

describe('fromSingleValues (queryStringParameters)', () => {
  it('decodes keys and values when the source sends them encoded (ALB)', () => {
    // Act
    const query = fromSingleValues({ 'my+key': 'a%26b', 'caf%C3%A9': 'x+y' }, true);

    // Assert
    expect(query).toEqual({ 'my key': 'a&b', café: 'x y' });
  });

  it('keeps values as sent when the source decoded them (REST v1, Lattice)', () => {
    // Act
    const query = fromSingleValues({ q: 'a+b%20c' }, false);

    // Assert
    expect(query).toEqual({ q: 'a+b%20c' });
  });

  it('skips undefined values', () => {
    // Act
    const query = fromSingleValues({ a: undefined, b: '1' }, false);

    // Assert
    expect(query).toEqual({ b: '1' });
  });

  it.each([null, undefined])('reads %j as an empty query', (map) => {
    // Act
    const query = fromSingleValues(map, true);

    // Assert
    expect(query).toEqual({});
  });
});

describe('fromMultiValues (multiValueQueryStringParameters)', () => {
  it('keeps one value as a string and several as an array, in order', () => {
    // Act
    const query = fromMultiValues({ one: ['1'], many: ['you', 'me'] }, false);

    // Assert
    expect(query).toEqual({ one: '1', many: ['you', 'me'] });
  });

  it('decodes every key and value when the source sends them encoded (ALB)', () => {
    // Act
    const query = fromMultiValues({ 'k%20y': ['%3FshowAll%3Dtrue', 'a+b'] }, true);

    // Assert
    expect(query).toEqual({ 'k y': ['?showAll=true', 'a b'] });
  });

  it('returns a copy, never the event’s own array', () => {
    // Prepare
    const values = ['1', '2'];

    // Act
    const query = fromMultiValues({ a: values }, false);

    // Assert
    expect(query.a).toEqual(values);
    expect(query.a).not.toBe(values);
  });

  it('skips empty and missing lists', () => {
    // Act
    const query = fromMultiValues({ empty: [], missing: undefined, ok: ['1'] }, false);

    // Assert
    expect(query).toEqual({ ok: '1' });
  });

  it.each([null, undefined])('reads %j as an empty query', (map) => {
    // Act
    const query = fromMultiValues(map, false);

    // Assert
    expect(query).toEqual({});
  });
});

describe('emptyQuery', () => {
  it('has no prototype, so no key is inherited', () => {
    // Act
    const query = emptyQuery();

    // Assert
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect('toString' in query).toBe(false);
  });
});
