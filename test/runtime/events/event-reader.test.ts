import { describe, expect, it } from 'vitest';
import { describeValue, EventReader, quoteName } from '../../../runtime/events/event-reader.js';
import { DEFAULT_LIMITS, resolveLimits } from '../../../runtime/events/limits.js';

/** Values of every JSON type but a string, with what a message calls each. */
const NOT_STRINGS: [string, unknown, string][] = [
  ['a number', 12345, 'got a number'],
  ['a boolean', true, 'got a boolean'],
  ['an object', { secret: 'value' }, 'got an object'],
  ['a list', ['secret'], 'got an array'],
];

describe('describeValue', () => {
  it.each([
    [null, 'null'],
    [[], 'an array'],
    [{}, 'an object'],
    [7, 'a number'],
    ['x', 'a string'],
    [false, 'a boolean'],
  ])('names %j as %s', (value, expected) => {
    // Act
    const named = describeValue(value);

    // Assert
    expect(named).toBe(expected);
  });
});

describe('quoteName', () => {
  it('quotes a name as JSON', () => {
    // Act
    const quoted = quoteName('X-Trace');

    // Assert
    expect(quoted).toBe('"X-Trace"');
  });

  it('escapes control characters and quotes, so none reaches an answer or a log', () => {
    // Act
    const quoted = quoteName('a\r\n"b\0');

    // Assert
    expect(quoted).toBe('"a\\r\\n\\"b\\u0000"');
    expect(quoted).not.toMatch(/[\r\n\0]/);
  });

  it('keeps a name of 64 characters whole and cuts a longer one to 64 and an ellipsis', () => {
    // Prepare
    const whole = 'n'.repeat(64);

    // Act
    const kept = quoteName(whole);
    const cut = quoteName(`${whole}tail`);

    // Assert
    expect(kept).toBe(`"${whole}"`);
    expect(cut).toBe(`"${whole}…"`);
  });
});

describe('EventReader', () => {
  it('uses the default limits when given none', () => {
    // Act
    const reader = new EventReader();

    // Assert
    expect(reader.limits).toEqual(DEFAULT_LIMITS);
    expect(reader.problem).toBeUndefined();
  });

  it('keeps only the first problem: it is what the client is told', () => {
    // Prepare
    const reader = new EventReader();

    // Act
    reader.fail(414, 'first');
    reader.fail(400, 'second');
    reader.wrongType('body', 'a string', 1);

    // Assert
    expect(reader.problem).toEqual({ status: 414, message: 'first' });
  });

  it('keeps reading with safe stand-ins after a problem', () => {
    // Prepare
    const reader = new EventReader();

    // Act
    const method = reader.method(1, 'httpMethod');
    const path = reader.path(2, 'path');
    const text = reader.string('kept', 'body');
    const flag = reader.flag(true, 'isBase64Encoded');

    // Assert
    expect([method, path, text, flag]).toEqual(['GET', '/', 'kept', true]);
    expect(reader.problem?.message).toBe('httpMethod must be a string, got a number');
  });

  it('words a wrong type as the field, what it must be and the type seen', () => {
    // Prepare
    const reader = new EventReader();

    // Act
    reader.wrongType('headers["x"]', 'a string', 98765);

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: 'headers["x"] must be a string, got a number',
    });
    expect(reader.problem?.message).not.toContain('98765');
  });
});

describe('EventReader.method', () => {
  it.each([
    ['GET', 'GET'],
    ['post', 'POST'],
    ['Patch', 'PATCH'],
    ['VERSION-CONTROL', 'VERSION-CONTROL'],
    ['M'.repeat(32), 'M'.repeat(32)],
  ])('reads %s as %s', (value, expected) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const method = reader.method(value, 'httpMethod');

    // Assert
    expect(method).toBe(expected);
    expect(reader.problem).toBeUndefined();
  });

  it('answers a missing method with a 400 saying the event names none, and reads GET', () => {
    // Prepare
    const reader = new EventReader();

    // Act
    const method = reader.method(undefined, 'requestContext.http.method');

    // Assert
    expect(method).toBe('GET');
    expect(reader.problem).toEqual({
      status: 400,
      message: 'requestContext.http.method is missing: the event names no HTTP method',
    });
  });

  it.each([['null', null, 'got null'], ...NOT_STRINGS])(
    'answers a method that is %s with a 400 naming the field and the type',
    (_, value, seen) => {
      // Prepare
      const reader = new EventReader();

      // Act
      const method = reader.method(value, 'httpMethod');

      // Assert
      expect(method).toBe('GET');
      expect(reader.problem).toEqual({
        status: 400,
        message: `httpMethod must be a string, ${seen}`,
      });
    },
  );

  it.each([
    ['empty', ''],
    ['with a space', 'GET /'],
    ['with a newline', 'GET\nX-Forged: 1'],
    ['with a non-ASCII letter', 'GÉT'],
    ['over 32 characters', 'M'.repeat(33)],
  ])('answers a method %s with a 400 that never quotes it', (_, value) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const method = reader.method(value, 'httpMethod');

    // Assert
    expect(method).toBe('GET');
    expect(reader.problem).toEqual({ status: 400, message: 'httpMethod is not an HTTP method' });
  });
});

describe('EventReader.path', () => {
  it('reads a path as given', () => {
    // Prepare
    const reader = new EventReader();

    // Act
    const path = reader.path('/items/caf%C3%A9', 'path');

    // Assert
    expect(path).toBe('/items/caf%C3%A9');
    expect(reader.problem).toBeUndefined();
  });

  it.each([undefined, null, ''])('reads %j as / without a problem', (value) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const path = reader.path(value, 'rawPath');

    // Assert
    expect(path).toBe('/');
    expect(reader.problem).toBeUndefined();
  });

  it.each(NOT_STRINGS)(
    'answers a path that is %s with a 400 naming the field',
    (_, value, seen) => {
      // Prepare
      const reader = new EventReader();

      // Act
      const path = reader.path(value, 'rawPath');

      // Assert
      expect(path).toBe('/');
      expect(reader.problem).toEqual({ status: 400, message: `rawPath must be a string, ${seen}` });
    },
  );

  it('accepts a path of exactly the URL limit and answers one character more with a 414', () => {
    // Prepare
    const atLimit = new EventReader(resolveLimits({ url: 8 }));
    const over = new EventReader(resolveLimits({ url: 8 }));

    // Act
    const kept = atLimit.path('/1234567', 'path');
    const refused = over.path('/12345678', 'path');

    // Assert
    expect(kept).toBe('/1234567');
    expect(atLimit.problem).toBeUndefined();
    expect(refused).toBe('/');
    expect(over.problem).toEqual({
      status: 414,
      message: 'The request path is 9 characters; the limit is 8',
    });
  });
});

describe('EventReader.string', () => {
  it.each(['', 'text'])('reads the string %j as given', (value) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const text = reader.string(value, 'rawQueryString');

    // Assert
    expect(text).toBe(value);
    expect(reader.problem).toBeUndefined();
  });

  it.each([undefined, null])('reads %j as no string, without a problem', (value) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const text = reader.string(value, 'rawQueryString');

    // Assert
    expect(text).toBeUndefined();
    expect(reader.problem).toBeUndefined();
  });

  it.each(NOT_STRINGS)(
    'answers %s with a 400 naming the field, never the value',
    (_, value, seen) => {
      // Prepare
      const reader = new EventReader();

      // Act
      const text = reader.string(value, 'rawQueryString');

      // Assert
      expect(text).toBeUndefined();
      expect(reader.problem).toEqual({
        status: 400,
        message: `rawQueryString must be a string, ${seen}`,
      });
      expect(reader.problem?.message).not.toMatch(/12345|secret/);
    },
  );
});

describe('EventReader.flag', () => {
  it.each([true, false])('reads %j as given', (value) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const flag = reader.flag(value, 'isBase64Encoded');

    // Assert
    expect(flag).toBe(value);
    expect(reader.problem).toBeUndefined();
  });

  it.each([undefined, null])('reads %j as false, without a problem', (value) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const flag = reader.flag(value, 'isBase64Encoded');

    // Assert
    expect(flag).toBe(false);
    expect(reader.problem).toBeUndefined();
  });

  it.each([
    ['the string "true"', 'true', 'got a string'],
    ['the number 1', 1, 'got a number'],
    ['an object', {}, 'got an object'],
  ])('answers %s with a 400 naming the field, and reads false', (_, value, seen) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const flag = reader.flag(value, 'is_base64_encoded');

    // Assert
    expect(flag).toBe(false);
    expect(reader.problem).toEqual({
      status: 400,
      message: `is_base64_encoded must be true or false, ${seen}`,
    });
  });
});

describe('EventReader.map', () => {
  it('returns the event’s map itself, for the caller to copy what it keeps', () => {
    // Prepare
    const reader = new EventReader();
    const value = { a: '1' };

    // Act
    const map = reader.map(value, 'headers');

    // Assert
    expect(map).toBe(value);
    expect(reader.problem).toBeUndefined();
  });

  it.each([undefined, null])('reads %j as no map, without a problem', (value) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const map = reader.map(value, 'headers');

    // Assert
    expect(map).toBeUndefined();
    expect(reader.problem).toBeUndefined();
  });

  it.each([
    ['a string', 'a=1', 'got a string'],
    ['a number', 1, 'got a number'],
    ['a boolean', false, 'got a boolean'],
    ['a list', [['a', '1']], 'got an array'],
  ])('answers a map that is %s with a 400 naming the field', (_, value, seen) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const map = reader.map(value, 'queryStringParameters');

    // Assert
    expect(map).toBeUndefined();
    expect(reader.problem).toEqual({
      status: 400,
      message: `queryStringParameters must be an object, ${seen}`,
    });
  });
});

describe('EventReader.strings', () => {
  it.each([[[]], [['a=1', 'b=2']]])('reads the list %j as given', (value) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const list = reader.strings(value, 'cookies');

    // Assert
    expect(list).toEqual(value);
    expect(reader.problem).toBeUndefined();
  });

  it.each([undefined, null])('reads %j as no list, without a problem', (value) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const list = reader.strings(value, 'cookies');

    // Assert
    expect(list).toBeUndefined();
    expect(reader.problem).toBeUndefined();
  });

  it.each([
    ['a string', 'a=1; b=2', 'got a string'],
    ['an object', { 0: 'a=1' }, 'got an object'],
    ['a number', 3, 'got a number'],
  ])('answers a list that is %s with a 400 naming the field', (_, value, seen) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const list = reader.strings(value, 'cookies');

    // Assert
    expect(list).toBeUndefined();
    expect(reader.problem).toEqual({
      status: 400,
      message: `cookies must be a list of strings, ${seen}`,
    });
  });

  it.each([
    ['null', null, 'got null'],
    ['a number', 12345, 'got a number'],
    ['an object', { secret: 'value' }, 'got an object'],
  ])('answers a list holding %s with a 400 naming the field and the index', (_, item, seen) => {
    // Prepare
    const reader = new EventReader();

    // Act
    const list = reader.strings(['a=1', 'b=2', item], 'cookies');

    // Assert
    expect(list).toBeUndefined();
    expect(reader.problem).toEqual({
      status: 400,
      message: `cookies[2] must be a string, ${seen}`,
    });
  });
});

describe('EventReader.urlLength', () => {
  it('accepts a path and query of exactly the URL limit and answers one more with a 414', () => {
    // Prepare
    const atLimit = new EventReader(resolveLimits({ url: 100 }));
    const over = new EventReader(resolveLimits({ url: 100 }));

    // Act
    atLimit.urlLength(100);
    over.urlLength(101);

    // Assert
    expect(atLimit.problem).toBeUndefined();
    expect(over.problem).toEqual({
      status: 414,
      message: 'The request path and query string are 101 characters; the limit is 100',
    });
  });

  it('holds the default limit of 16 KiB', () => {
    // Prepare
    const atLimit = new EventReader();
    const over = new EventReader();

    // Act
    atLimit.urlLength(16 * 1024);
    over.urlLength(16 * 1024 + 1);

    // Assert
    expect(atLimit.problem).toBeUndefined();
    expect(over.problem?.status).toBe(414);
  });
});

describe('EventReader.isToken', () => {
  it.each(["!#$%&'*+-.^_`|~", 'Content-Type', 'x-amzn-trace-id', '0'])(
    'takes %j for an HTTP token',
    (name) => {
      // Prepare
      const reader = new EventReader();

      // Act
      const token = reader.isToken(name);

      // Assert
      expect(token).toBe(true);
    },
  );

  it.each(['', 'a b', 'a:b', 'a\nb', 'a\0', '(a)', 'a"b', 'café', 'a/b', 'a@b'])(
    'refuses %j as an HTTP token',
    (name) => {
      // Prepare
      const reader = new EventReader();

      // Act
      const token = reader.isToken(name);

      // Assert
      expect(token).toBe(false);
    },
  );
});
