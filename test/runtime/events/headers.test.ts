import { describe, expect, it } from 'vitest';
import { EventReader } from '../../../runtime/events/event-reader.js';
import { readHeaders } from '../../../runtime/events/headers.js';
import { type RequestLimits, resolveLimits } from '../../../runtime/events/limits.js';

/** Reads a single-value map only, as HTTP API, Function URL and Lattice v1 send them. */
function single(map: unknown, reader = new EventReader()) {
  return { headers: readHeaders(reader, map, undefined, 'headers', ''), reader };
}

/** Reads a multi-value map only, as an ALB in multi-value mode and Lattice v2 send them. */
function multi(map: unknown, reader = new EventReader()) {
  return { headers: readHeaders(reader, undefined, map, '', 'multiValueHeaders'), reader };
}

/** Reads both maps, as API Gateway REST v1 sends them. */
function both(singleMap: unknown, multiMap: unknown, reader = new EventReader()) {
  const headers = readHeaders(reader, singleMap, multiMap, 'headers', 'multiValueHeaders');
  return { headers, reader };
}

function limited(limits: Partial<RequestLimits>): EventReader {
  return new EventReader(resolveLimits(limits));
}

describe('readHeaders from a single-value map (headers)', () => {
  it('lower-cases names and keeps values as sent', () => {
    // Act
    const { headers, reader } = single({ 'Content-Type': 'Application/JSON', 'X-Trace': 'a,b' });

    // Assert
    expect(headers).toEqual({ 'content-type': 'Application/JSON', 'x-trace': 'a,b' });
    expect(reader.problem).toBeUndefined();
  });

  it('joins two spellings of one name with , ', () => {
    // Act
    const { headers } = single({ Accept: 'text/html', accept: 'application/json' });

    // Assert
    expect(headers).toEqual({ accept: 'text/html, application/json' });
  });

  it('joins two spellings of the cookie header with ; ', () => {
    // Act
    const { headers } = single({ Cookie: 'a=1', cookie: 'b=2' });

    // Assert
    expect(headers).toEqual({ cookie: 'a=1; b=2' });
  });

  it.each([null, undefined])('reads %j as no headers, without a problem', (map) => {
    // Act
    const { headers, reader } = single(map);

    // Assert
    expect(headers).toEqual({});
    expect(reader.problem).toBeUndefined();
  });

  it('has no prototype, so __proto__ is an ordinary header', () => {
    // Act
    const { headers } = single(JSON.parse('{"__proto__":"x"}'));

    // Assert
    expect(Object.getPrototypeOf(headers)).toBeNull();
    expect(Object.entries(headers)).toEqual([['__proto__', 'x']]);
  });

  it('keeps a __proto__ header beside others an ordinary header', () => {
    // Act
    const { headers } = single(JSON.parse('{"accept":"a","__proto__":"x"}'));

    // Assert
    expect(Object.getPrototypeOf(headers)).toBeNull();
    expect(Object.entries(headers)).toEqual([
      ['accept', 'a'],
      ['__proto__', 'x'],
    ]);
  });

  it('copies a map already in lower case: changing the headers never changes the event', () => {
    // Prepare
    const map = { accept: 'text/html', host: 'example.com' };

    // Act
    const { headers } = single(map);
    headers.cookie = 'a=1';

    // Assert
    expect(headers).not.toBe(map);
    expect(map).toEqual({ accept: 'text/html', host: 'example.com' });
    expect(Object.getPrototypeOf(headers)).toBeNull();
    expect(headers.constructor).toBeUndefined();
  });

  it.each([
    ['null', null, 'got null'],
    ['a number', 12345, 'got a number'],
    ['a boolean', true, 'got a boolean'],
    ['an object', { v: 'secret-value' }, 'got an object'],
    ['an array', ['secret-value'], 'got an array'],
  ])(
    'answers a value that is %s with a 400 naming the field and the type, never the value',
    (_, value, seen) => {
      // Act
      const { headers, reader } = single({ Accept: 'a', 'X-Odd': value });

      // Assert
      expect(reader.problem).toEqual({
        status: 400,
        message: `headers["X-Odd"] must be a string, ${seen}`,
      });
      expect(reader.problem?.message).not.toMatch(/12345|secret-value/);
      expect(headers).toEqual({ accept: 'a' });
    },
  );

  it.each([
    ['a string', 'accept: a', 'got a string'],
    ['an array', [['accept', 'a']], 'got an array'],
    ['a number', 7, 'got a number'],
  ])('answers a map that is %s with a 400 naming the field', (_, map, seen) => {
    // Act
    const { headers, reader } = single(map);

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: `headers must be an object, ${seen}`,
    });
    expect(headers).toEqual({});
  });
});

describe('readHeaders from a multi-value map (multiValueHeaders)', () => {
  it('lower-cases names and joins each list with , ', () => {
    // Act
    const { headers, reader } = multi({
      Accept: ['text/html', 'application/xhtml+xml'],
      Host: ['h'],
    });

    // Assert
    expect(headers).toEqual({ accept: 'text/html, application/xhtml+xml', host: 'h' });
    expect(reader.problem).toBeUndefined();
  });

  it('joins cookie headers with ; so each pair stays a cookie', () => {
    // Act
    const { headers } = multi({ cookie: ['name1=value1', 'name2=value2'] });

    // Assert
    expect(headers).toEqual({ cookie: 'name1=value1; name2=value2' });
  });

  it('merges two spellings of one name in order', () => {
    // Act
    const { headers } = multi({
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
    const { headers } = multi({ 'X-Forwarded-For': ['54.240.196.186, 54.182.214.83'] });

    // Assert
    expect(headers).toEqual({ 'x-forwarded-for': '54.240.196.186, 54.182.214.83' });
  });

  it('skips an empty list without a problem', () => {
    // Act
    const { headers, reader } = multi({ empty: [], ok: ['1'] });

    // Assert
    expect(headers).toEqual({ ok: '1' });
    expect(reader.problem).toBeUndefined();
  });

  it.each([null, undefined])('reads %j as no headers, without a problem', (map) => {
    // Act
    const { headers, reader } = multi(map);

    // Assert
    expect(headers).toEqual({});
    expect(reader.problem).toBeUndefined();
  });

  it('has no prototype, so __proto__ is an ordinary header', () => {
    // Act
    const { headers } = multi(JSON.parse('{"__proto__":["x","y"]}'));

    // Assert
    expect(Object.getPrototypeOf(headers)).toBeNull();
    expect(Object.entries(headers)).toEqual([['__proto__', 'x, y']]);
  });

  it('never changes the event’s own lists', () => {
    // Prepare
    const values = ['a', 'b'];

    // Act
    const { headers } = multi({ accept: values });
    headers.accept = 'changed';

    // Assert
    expect(values).toEqual(['a', 'b']);
  });

  it.each([
    ['a string', 'text/html', 'got a string'],
    ['null', null, 'got null'],
    ['an object', { 0: 'text/html' }, 'got an object'],
  ])('answers a list that is %s with a 400 naming the field', (_, values, seen) => {
    // Act
    const { headers, reader } = multi({ Host: ['h'], Accept: values });

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: `multiValueHeaders["Accept"] must be a list of strings, ${seen}`,
    });
    expect(headers).toEqual({ host: 'h' });
  });

  it('answers a list holding a non-string with a 400 naming the field and its index', () => {
    // Act
    const { headers, reader } = multi({ Accept: ['a', 42, 'b'] });

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: 'multiValueHeaders["Accept"][1] must be a string, got a number',
    });
    expect(headers).toEqual({ accept: 'a, b' });
  });
});

describe('readHeaders from both maps (the union)', () => {
  it('takes a name both maps carry from the multi-value map only, never twice', () => {
    // Act
    const { headers, reader } = both({ accept: 'b' }, { accept: ['a', 'b'] });

    // Assert
    expect(headers).toEqual({ accept: 'a, b' });
    expect(reader.problem).toBeUndefined();
  });

  it('takes a name both maps carry in other spellings from the multi-value map only', () => {
    // Act
    const { headers } = both(
      { Host: 'a', Accept: 'x' },
      { accept: ['x', 'y'], COOKIE: ['a=1', 'b=2'] },
    );

    // Assert
    expect(headers).toEqual({ accept: 'x, y', host: 'a', cookie: 'a=1; b=2' });
  });

  it('adds the names only the single-value map carries', () => {
    // Act
    const { headers } = both({ 'X-Only-Single': '1' }, { 'X-Only-Multi': ['2'] });

    // Assert
    expect(headers).toEqual({ 'x-only-single': '1', 'x-only-multi': '2' });
  });

  it('reads the multi-value map alone when the single-value map is null, and the reverse', () => {
    // Act
    const onlyMulti = both(null, { accept: ['a', 'b'] });
    const onlySingle = both({ accept: 'a' }, null);

    // Assert
    expect(onlyMulti.headers).toEqual({ accept: 'a, b' });
    expect(onlySingle.headers).toEqual({ accept: 'a' });
  });

  it('counts a name both maps carry once toward the header count limit', () => {
    // Prepare
    const reader = limited({ headerCount: 2 });

    // Act
    const { headers } = both({ a: '1', b: '2' }, { a: ['1'], b: ['2'] }, reader);

    // Assert
    expect(headers).toEqual({ a: '1', b: '2' });
    expect(reader.problem).toBeUndefined();
  });

  it('joins two spellings of a name only the single-value map carries, beside a multi-value map', () => {
    // Act
    const { headers, reader } = both({ Accept: 'a', accept: 'b', Host: 'h' }, { host: ['m'] });

    // Assert
    expect(reader.problem).toBeUndefined();
    expect(headers).toEqual({ accept: 'a, b', host: 'm' });
  });

  it('reads a name from the single-value map when the multi-value map lists it empty', () => {
    // Act
    const exact = both({ accept: 'x' }, { accept: [] });
    const other = both({ Accept: 'x' }, { accept: [] });

    // Assert
    expect(exact.headers).toEqual({ accept: 'x' });
    expect(other.headers).toEqual({ accept: 'x' });
  });

  it('skips undefined values, which only a hand-built JavaScript event can hold', () => {
    // Act
    const { headers, reader } = both({ a: undefined, b: 'x' }, { c: undefined, d: ['y'] });

    // Assert
    expect(reader.problem).toBeUndefined();
    expect(headers).toEqual({ b: 'x', d: 'y' });
  });

  it('reads the same names the same way on every request (the name cache keeps no state but names)', () => {
    // Act
    const first = both({ 'X-Same': '1' }, undefined);
    const second = both({ 'X-Same': '2', 'x same': '3' }, undefined);

    // Assert
    expect(first.headers).toEqual({ 'x-same': '1' });
    expect(second.headers).toEqual({ 'x-same': '2' });
    expect(second.reader.problem?.message).toBe(
      'Header name "x same" is not a valid HTTP header name',
    );
  });

  it('keeps the single-value map’s type problem even when the multi-value map is good', () => {
    // Act
    const { headers, reader } = both({ 'X-N': 5 }, { accept: ['a'] });

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: 'headers["X-N"] must be a string, got a number',
    });
    expect(headers).toEqual({ accept: 'a' });
  });
});

describe('readHeaders rules for names and values', () => {
  it.each([
    ['a space', 'bad name'],
    ['a colon', 'x:y'],
    ['nothing', ''],
    ['a newline', 'x\ninjected'],
    ['a non-ASCII letter', 'café'],
  ])('answers a name with %s with a 400 and drops the header', (_, name) => {
    // Act
    const { headers, reader } = single({ [name]: 'v', ok: '1' });

    // Assert
    expect(reader.problem?.status).toBe(400);
    expect(reader.problem?.message).toBe(
      `Header name ${JSON.stringify(name)} is not a valid HTTP header name`,
    );
    expect(headers).toEqual({ ok: '1' });
  });

  it('accepts every character of an HTTP token in a name', () => {
    // Prepare
    const name = "!#$%&'*+-.^_`|~09AZaz";

    // Act
    const { headers, reader } = single({ [name]: 'v' });

    // Assert
    expect(reader.problem).toBeUndefined();
    expect(headers).toEqual({ [name.toLowerCase()]: 'v' });
  });

  it.each([
    ['a CR', 'a\rb'],
    ['an LF', 'a\nSet-Cookie: forged=1'],
    ['a NUL', 'a\0b'],
  ])('answers a single value with %s with a 400 naming the header, never the value', (_, value) => {
    // Act
    const { headers, reader } = single({ 'X-Forged': value, ok: '1' });

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: 'Header "X-Forged" has a CR, LF or NUL character in its value',
    });
    expect(headers).toEqual({ ok: '1' });
  });

  it('answers a listed value with an LF with a 400 and keeps the other values', () => {
    // Act
    const { headers, reader } = multi({ 'X-Forged': ['a', 'b\nc', 'd'] });

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: 'Header "X-Forged" has a CR, LF or NUL character in its value',
    });
    expect(headers).toEqual({ 'x-forged': 'a, d' });
  });

  it('keeps a tab and other visible characters in a value', () => {
    // Act
    const { headers, reader } = single({ 'X-V': 'a\tb "c" é ✓' });

    // Assert
    expect(reader.problem).toBeUndefined();
    expect(headers).toEqual({ 'x-v': 'a\tb "c" é ✓' });
  });

  it('quotes a long name in a message cut to 64 characters', () => {
    // Prepare
    const name = `${'n'.repeat(64)} and more`;

    // Act
    const { reader } = single({ [name]: 'v' });

    // Assert
    expect(reader.problem?.message).toBe(
      `Header name "${'n'.repeat(64)}…" is not a valid HTTP header name`,
    );
  });

  it('keeps only the first problem of several', () => {
    // Act
    const { reader } = single({ 'X-A': null, 'bad name': 'v', 'X-B': 'a\nb' });

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: 'headers["X-A"] must be a string, got null',
    });
  });
});

describe('readHeaders limits', () => {
  it('accepts exactly the header count limit and answers one more with a 431', () => {
    // Prepare
    const atLimit = limited({ headerCount: 3 });
    const over = limited({ headerCount: 3 });

    // Act
    single({ a: '1', b: '2', c: '3' }, atLimit);
    const { headers } = single({ a: '1', b: '2', c: '3', d: '4' }, over);

    // Assert
    expect(atLimit.problem).toBeUndefined();
    expect(over.problem).toEqual({
      status: 431,
      message: 'The request has 4 header fields; the limit is 3',
    });
    expect(Object.keys(headers)).toHaveLength(4);
  });

  it('counts a repeated header once per value', () => {
    // Prepare
    const reader = limited({ headerCount: 2 });

    // Act
    multi({ accept: ['a', 'b', 'c'] }, reader);

    // Assert
    expect(reader.problem).toEqual({
      status: 431,
      message: 'The request has 3 header fields; the limit is 2',
    });
  });

  it('accepts exactly the header size limit (names plus values) and answers one more with a 431', () => {
    // Prepare
    const atLimit = limited({ headerSize: 10 });
    const over = limited({ headerSize: 10 });

    // Act
    single({ ab: 'cde', fg: 'hij' }, atLimit);
    single({ ab: 'cde', fg: 'hijk' }, over);

    // Assert
    expect(atLimit.problem).toBeUndefined();
    expect(over.problem).toEqual({
      status: 431,
      message: 'The request headers are 11 characters; the limit is 10',
    });
  });

  it('measures the size of every value of a multi-value map', () => {
    // Prepare
    const reader = limited({ headerSize: 10 });

    // Act
    multi({ ab: ['cde', 'fghi'] }, reader);

    // Assert
    expect(reader.problem).toEqual({
      status: 431,
      message: 'The request headers are 11 characters; the limit is 10',
    });
  });

  it('answers the count when both the count and the size are over their limits', () => {
    // Prepare
    const reader = limited({ headerCount: 1, headerSize: 1 });

    // Act
    single({ a: '1', b: '2' }, reader);

    // Assert
    expect(reader.problem?.message).toBe('The request has 2 header fields; the limit is 1');
  });

  it('holds the default limits: 200 fields and 64 KiB', () => {
    // Prepare
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`h${i}`, 'v']));
    const big = { a: 'x'.repeat(64 * 1024) };

    // Act
    const count = single(many).reader;
    const size = single(big).reader;
    const fine = single(Object.fromEntries(Object.entries(many).slice(0, 200))).reader;

    // Assert
    expect(count.problem?.status).toBe(431);
    expect(size.problem?.status).toBe(431);
    expect(fine.problem).toBeUndefined();
  });
});
