import type { HttpResponse } from 'gantry';
import { describe, expect, it } from 'vitest';
import { encodeBody, isTextType, readBody } from '../../../runtime/events/body.js';
import { EventReader } from '../../../runtime/events/event-reader.js';
import { resolveLimits } from '../../../runtime/events/limits.js';

function response(body: HttpResponse['body'], headers: Record<string, string> = {}): HttpResponse {
  return { status: 200, headers, cookies: [], body };
}

/** Reads a body with the field names REST v1, ALB and payload 2.0 use. */
function read(body: unknown, base64: unknown, reader = new EventReader()) {
  return { body: readBody(reader, body, base64, 'body', 'isBase64Encoded'), reader };
}

function limitedTo(body: number): EventReader {
  return new EventReader(resolveLimits({ body }));
}

describe('readBody', () => {
  it('decodes a base64 body straight to its bytes, non-UTF-8 bytes included', () => {
    // Act
    const { body, reader } = read('/wD+gAo=', true);

    // Assert
    expect([...(body ?? [])]).toEqual([0xff, 0x00, 0xfe, 0x80, 0x0a]);
    expect(reader.problem).toBeUndefined();
  });

  it('reads a plain body as its UTF-8 bytes', () => {
    // Act
    const { body } = read('café ✓', false);

    // Assert
    expect(body?.equals(Buffer.from('café ✓', 'utf8'))).toBe(true);
  });

  it.each([undefined, null])('reads a body whose isBase64Encoded flag is %j as text', (flag) => {
    // Act
    const { body, reader } = read('{"a":1}', flag);

    // Assert
    expect(body?.toString('utf8')).toBe('{"a":1}');
    expect(reader.problem).toBeUndefined();
  });

  it.each([
    [null, false],
    [undefined, false],
    ['', false],
    ['', true],
    [null, true],
  ])('reads %j (base64: %j) as no body, without a problem', (raw, base64) => {
    // Act
    const { body, reader } = read(raw, base64);

    // Assert
    expect(body).toBeUndefined();
    expect(reader.problem).toBeUndefined();
  });

  it.each([
    ['a number', 12345, 'got a number'],
    ['an object', { secret: 'value' }, 'got an object'],
    ['a list', ['secret'], 'got an array'],
    ['a boolean', true, 'got a boolean'],
  ])('answers a body that is %s with a 400 naming the field, never the value', (_, raw, seen) => {
    // Act
    const { body, reader } = read(raw, false);

    // Assert
    expect(body).toBeUndefined();
    expect(reader.problem).toEqual({ status: 400, message: `body must be a string, ${seen}` });
    expect(reader.problem?.message).not.toMatch(/12345|secret/);
  });

  it.each([
    ['a string', 'true', 'got a string'],
    ['a number', 1, 'got a number'],
    ['an object', {}, 'got an object'],
  ])('answers an isBase64Encoded flag that is %s with a 400 naming the field', (_, flag, seen) => {
    // Act
    const { reader } = read('aGk=', flag);

    // Assert
    expect(reader.problem).toEqual({
      status: 400,
      message: `isBase64Encoded must be true or false, ${seen}`,
    });
  });

  it('names the source’s own field in its messages', () => {
    // Prepare
    const reader = new EventReader();

    // Act
    readBody(reader, 7, 'yes', 'payload', 'is_base64_encoded');

    // Assert
    expect(reader.problem?.message).toBe('payload must be a string, got a number');
  });

  it.each([
    ['a character outside base64', 'aGk*'],
    ['a space', 'aG k='],
    ['padding in the middle', 'aGk=aGk='],
    ['three padding characters', 'a==='],
    ['a length that no base64 has', 'aGVsb'],
    ['plain text', '{"a":1}'],
  ])('answers a base64 body with %s with a 400', (_, raw) => {
    // Act
    const { body, reader } = read(raw, true);

    // Assert
    expect(body).toBeUndefined();
    expect(reader.problem).toEqual({
      status: 400,
      message: 'Request body is not valid base64, though isBase64Encoded is true',
    });
  });

  it('names the source’s own flag when a base64 body is not base64', () => {
    // Prepare
    const reader = new EventReader();

    // Act
    readBody(reader, '%%%', true, 'body', 'is_base64_encoded');

    // Assert
    expect(reader.problem?.message).toBe(
      'Request body is not valid base64, though is_base64_encoded is true',
    );
  });

  it.each([
    ['unpadded', 'aGk', 'hi'],
    ['URL-safe', '-_8', Buffer.from([0xfb, 0xff]).toString('latin1')],
    ['broken into MIME lines', 'aGVsbG8g\r\nd29ybGQ=\r\n', 'hello world'],
  ])('accepts %s base64', (_, raw, decoded) => {
    // Act
    const { body, reader } = read(raw, true);

    // Assert
    expect(reader.problem).toBeUndefined();
    expect(body?.toString('latin1')).toBe(decoded);
  });

  it('accepts a body of exactly the limit and answers one byte more with a 413', () => {
    // Prepare
    const atLimit = limitedTo(4);
    const over = limitedTo(4);

    // Act
    const kept = read('abcd', false, atLimit).body;
    const refused = read('abcde', false, over).body;

    // Assert
    expect(kept?.toString()).toBe('abcd');
    expect(atLimit.problem).toBeUndefined();
    expect(refused).toBeUndefined();
    expect(over.problem).toEqual({
      status: 413,
      message: 'Request body is 5 bytes; the limit is 4 bytes',
    });
  });

  it('measures a text body in UTF-8 bytes, not characters', () => {
    // Prepare
    const reader = limitedTo(5);

    // Act
    const { body } = read('ééé', false, reader);

    // Assert
    expect(body).toBeUndefined();
    expect(reader.problem).toEqual({
      status: 413,
      message: 'Request body is 6 bytes; the limit is 5 bytes',
    });
  });

  it('measures a base64 body by its decoded bytes', () => {
    // Prepare
    const atLimit = limitedTo(5);
    const over = limitedTo(5);

    // Act
    const kept = read(Buffer.alloc(5).toString('base64'), true, atLimit).body;
    read(Buffer.alloc(6).toString('base64'), true, over);

    // Assert
    expect(kept).toHaveLength(5);
    expect(atLimit.problem).toBeUndefined();
    expect(over.problem).toEqual({
      status: 413,
      message: 'Request body is 6 bytes; the limit is 5 bytes',
    });
  });

  it('answers a base64 body over the limit with a 413 before checking it decodes', () => {
    // Prepare
    const reader = limitedTo(3);

    // Act
    read('****????', true, reader);

    // Assert
    expect(reader.problem?.status).toBe(413);
  });

  it('holds the default limit of 1 MiB', () => {
    // Prepare
    const fits = 'x'.repeat(1024 * 1024);

    // Act
    const atLimit = read(fits, false);
    const over = read(`${fits}x`, false);

    // Assert
    expect(atLimit.reader.problem).toBeUndefined();
    expect(over.reader.problem?.status).toBe(413);
  });
});

describe('isTextType', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/problem+json',
    'application/vnd.api+json',
    'application/ld+json',
    'text/plain',
    'text/html; charset=utf-8',
    'text/csv',
    'text/event-stream',
    'application/xml',
    'application/xhtml+xml',
    'application/atom+xml',
    'image/svg+xml',
    'application/javascript',
    'application/ecmascript',
    'application/x-www-form-urlencoded',
    'application/graphql',
  ])('%s is text', (type) => {
    // Act
    const text = isTextType(type);

    // Assert
    expect(text).toBe(true);
  });

  it.each([
    undefined,
    '',
    'application/octet-stream',
    'image/png',
    'image/jpeg',
    'application/pdf',
    'application/zip',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    'application/x-protobuf',
    'idk',
    'audio/mpeg',
    'font/woff2',
  ])('%j is not text', (type) => {
    // Act
    const text = isTextType(type);

    // Assert
    expect(text).toBe(false);
  });
});

describe('encodeBody', () => {
  it('sends a string of a text type as text', () => {
    // Act
    const encoded = encodeBody(response('{"a":"é"}', { 'content-type': 'application/json' }));

    // Assert
    expect(encoded).toEqual({ body: '{"a":"é"}', isBase64Encoded: false });
  });

  it('sends a string of a non-text type as base64 of its UTF-8 bytes', () => {
    // Act
    const encoded = encodeBody(response('é', { 'content-type': 'application/octet-stream' }));

    // Assert
    expect(encoded).toEqual({ body: 'w6k=', isBase64Encoded: true });
  });

  it('sends a string without a content type as base64', () => {
    // Act
    const encoded = encodeBody(response('x'));

    // Assert
    expect(encoded).toEqual({ body: 'eA==', isBase64Encoded: true });
  });

  it('sends a Buffer of a text type that is UTF-8 as text', () => {
    // Act
    const encoded = encodeBody(response(Buffer.from('✓'), { 'content-type': 'text/plain' }));

    // Assert
    expect(encoded).toEqual({ body: '✓', isBase64Encoded: false });
  });

  it('sends a Buffer of a text type that is not UTF-8 as base64', () => {
    // Act
    const encoded = encodeBody(
      response(Buffer.from([0xff, 0x00]), { 'content-type': 'text/plain' }),
    );

    // Assert
    expect(encoded).toEqual({ body: '/wA=', isBase64Encoded: true });
  });

  it('sends binary bytes as base64', () => {
    // Act
    const encoded = encodeBody(
      response(Buffer.from([0x89, 0x50, 0x4e, 0x47]), { 'content-type': 'image/png' }),
    );

    // Assert
    expect(encoded).toEqual({ body: 'iVBORw==', isBase64Encoded: true });
  });

  it.each(['gzip', 'br', 'deflate', 'identity'])(
    'sends a text type with content-encoding %s as base64',
    (encoding) => {
      // Prepare
      const headers = { 'content-type': 'application/json', 'content-encoding': encoding };

      // Act
      const fromString = encodeBody(response('{}', headers));
      const fromBuffer = encodeBody(response(Buffer.from('{}'), headers));

      // Assert
      expect(fromString).toEqual({ body: 'e30=', isBase64Encoded: true });
      expect(fromBuffer).toEqual({ body: 'e30=', isBase64Encoded: true });
    },
  );

  it.each([undefined, '', Buffer.alloc(0)])('sends %j as an empty text body', (body) => {
    // Act
    const encoded = encodeBody(response(body, { 'content-type': 'image/png' }));

    // Assert
    expect(encoded).toEqual({ body: '', isBase64Encoded: false });
  });
});

describe('readBody limits measured before decoding', () => {
  it('measures MIME base64 without its line breaks', () => {
    // Prepare
    const reader = new EventReader(resolveLimits({ body: 2 }));

    // Act
    const body = readBody(reader, 'aGk=\r\n', true, 'body', 'isBase64Encoded');

    // Assert
    expect(reader.problem).toBeUndefined();
    expect(body?.toString('utf8')).toBe('hi');
  });

  it('measures a text body in UTF-8 bytes, not characters', () => {
    // Prepare: 3 characters, 6 bytes.
    const reader = new EventReader(resolveLimits({ body: 5 }));

    // Act
    const body = readBody(reader, 'ééé', false, 'body', 'isBase64Encoded');

    // Assert
    expect(body).toBeUndefined();
    expect(reader.problem).toEqual({
      status: 413,
      message: 'Request body is 6 bytes; the limit is 5 bytes',
    });
  });

  it('takes a text body of exactly the limit in bytes', () => {
    // Prepare: 2 characters, 4 bytes.
    const reader = new EventReader(resolveLimits({ body: 4 }));

    // Act
    const body = readBody(reader, 'éé', false, 'body', 'isBase64Encoded');

    // Assert
    expect(reader.problem).toBeUndefined();
    expect(body?.length).toBe(4);
  });
});
