import { describe, expect, it } from 'vitest';
import { EventReader } from '../../../runtime/events/event-reader.js';
import {
  decodeQueryComponent,
  emptyQuery,
  parseRawQuery,
  readQueryMaps,
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

/** Reads a map of single values only (REST v1 without the multi-value map, ALB single mode). */
function single(map: unknown, encoded: boolean, reader = new EventReader()) {
  const read = readQueryMaps(reader, map, undefined, encoded, 'queryStringParameters', '');
  return { ...read, reader };
}

/** Reads a map of value lists only (ALB multi-value mode, Lattice v2). */
function multi(map: unknown, encoded: boolean, reader = new EventReader()) {
  const read = readQueryMaps(
    reader,
    undefined,
    map,
    encoded,
    '',
    'multiValueQueryStringParameters',
  );
  return { ...read, reader };
}

/** Reads both maps, as API Gateway REST v1 sends them. */
function both(singleMap: unknown, multiMap: unknown, encoded = false, reader = new EventReader()) {
  const read = readQueryMaps(
    reader,
    singleMap,
    multiMap,
    encoded,
    'queryStringParameters',
    'multiValueQueryStringParameters',
  );
  return { ...read, reader };
}

describe('readQueryMaps from a map of single values (queryStringParameters)', () => {
  it('decodes keys and values when the source sends them encoded (ALB)', () => {
    // Act
    const { query, reader } = single({ 'my+key': 'a%26b', 'caf%C3%A9': 'x+y' }, true);

    // Assert
    expect(query).toEqual({ 'my key': 'a&b', café: 'x y' });
    expect(reader.problem).toBeUndefined();
  });

  it('keeps values as sent when the source decoded them (REST v1, Lattice)', () => {
    // Act
    const { query } = single({ q: 'a+b%20c' }, false);

    // Assert
    expect(query).toEqual({ q: 'a+b%20c' });
  });

  it.each([null, undefined])('reads %j as an empty query, without a problem', (map) => {
    // Act
    const { query, length, reader } = single(map, true);

    // Assert
    expect(query).toEqual({});
    expect(length).toBe(0);
    expect(reader.problem).toBeUndefined();
  });

  it('treats __proto__ as an ordinary key', () => {
    // Act
    const { query } = single(JSON.parse('{"__proto__":"x","a":"1"}'), false);

    // Assert
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(Object.entries(query)).toEqual([
      ['__proto__', 'x'],
      ['a', '1'],
    ]);
  });

  it.each([
    ['null', null, 'got null'],
    ['a number', 12345, 'got a number'],
    ['a list', ['secret-value'], 'got an array'],
  ])(
    'answers a value that is %s with a 400 naming the key and the type, never the value',
    (_, value, seen) => {
      // Act
      const { query, reader } = single({ ok: '1', tag: value }, false);

      // Assert
      expect(reader.problem).toEqual({
        status: 400,
        message: `queryStringParameters["tag"] must be a string, ${seen}`,
      });
      expect(reader.problem?.message).not.toMatch(/12345|secret-value/);
      expect(query).toEqual({ ok: '1' });
    },
  );

  it('answers a map that is a string with a 400 naming the field', () => {
    // Act
    const { query, reader } = single('a=1', false);

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: 'queryStringParameters must be an object, got a string',
    });
    expect(query).toEqual({});
  });

  it('measures the length as key=value& would spell it, before decoding', () => {
    // Act
    const { length } = single({ a: '1', 'b%20c': 'x+y' }, true);

    // Assert
    expect(length).toBe('a=1&'.length + 'b%20c=x+y&'.length);
  });
});

describe('readQueryMaps from a map of value lists (multiValueQueryStringParameters)', () => {
  it('keeps one value as a string and several as an array, in order', () => {
    // Act
    const { query, reader } = multi({ one: ['1'], many: ['you', 'me'] }, false);

    // Assert
    expect(query).toEqual({ one: '1', many: ['you', 'me'] });
    expect(reader.problem).toBeUndefined();
  });

  it('decodes every key and value when the source sends them encoded (ALB)', () => {
    // Act
    const { query } = multi({ 'k%20y': ['%3FshowAll%3Dtrue', 'a+b'] }, true);

    // Assert
    expect(query).toEqual({ 'k y': ['?showAll=true', 'a b'] });
  });

  it('returns a copy, never the event’s own array', () => {
    // Prepare
    const values = ['1', '2'];

    // Act
    const { query } = multi({ a: values }, false);
    (query.a as string[]).push('3');

    // Assert
    expect(query.a).not.toBe(values);
    expect(values).toEqual(['1', '2']);
  });

  it('skips an empty list without a problem', () => {
    // Act
    const { query, reader } = multi({ empty: [], ok: ['1'] }, false);

    // Assert
    expect(query).toEqual({ ok: '1' });
    expect(reader.problem).toBeUndefined();
  });

  it.each([null, undefined])('reads %j as an empty query, without a problem', (map) => {
    // Act
    const { query, reader } = multi(map, false);

    // Assert
    expect(query).toEqual({});
    expect(reader.problem).toBeUndefined();
  });

  it('treats __proto__ as an ordinary key', () => {
    // Act
    const { query } = multi(JSON.parse('{"__proto__":["x","y"]}'), false);

    // Assert
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(Object.entries(query)).toEqual([['__proto__', ['x', 'y']]]);
  });

  it.each([
    ['a string', 'x', 'got a string'],
    ['an object', { 0: 'x' }, 'got an object'],
  ])('answers a list that is %s with a 400 naming the key', (_, values, seen) => {
    // Act
    const { query, reader } = multi({ ok: ['1'], tag: values }, false);

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: `multiValueQueryStringParameters["tag"] must be a list of strings, ${seen}`,
    });
    expect(query).toEqual({ ok: '1' });
  });

  it('answers a list holding a non-string with a 400 naming the key and the index', () => {
    // Act
    const { query, reader } = multi({ tag: ['a', null] }, false);

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: 'multiValueQueryStringParameters["tag"][1] must be a string, got null',
    });
    expect(query).toEqual({});
  });

  it('measures the length of every value', () => {
    // Act
    const { length } = multi({ k: ['1', '22'] }, false);

    // Assert
    expect(length).toBe('k=1&'.length + 'k=22&'.length);
  });
});

describe('readQueryMaps from both maps (the union)', () => {
  it('takes a key both maps carry from the list, which keeps every value', () => {
    // Act
    const { query, reader } = both({ tag: 'b', q: 'x' }, { tag: ['a', 'b'] });

    // Assert
    expect(query).toEqual({ tag: ['a', 'b'], q: 'x' });
    expect(reader.problem).toBeUndefined();
  });

  it('counts a key both maps carry once in the length', () => {
    // Act
    const { length } = both({ tag: 'b' }, { tag: ['a', 'b'] });

    // Assert
    expect(length).toBe('tag=a&'.length + 'tag=b&'.length);
  });

  it('reads whichever map the event carries when the other is null', () => {
    // Act
    const onlySingle = both({ a: '1' }, null);
    const onlyMulti = both(null, { a: ['1', '2'] });

    // Assert
    expect(onlySingle.query).toEqual({ a: '1' });
    expect(onlyMulti.query).toEqual({ a: ['1', '2'] });
  });

  it('decodes both maps when the source sends them encoded (ALB)', () => {
    // Act
    const { query } = both({ 'a%20b': 'x+y' }, { c: ['%3F'] }, true);

    // Assert
    expect(query).toEqual({ 'a b': 'x y', c: '?' });
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
