import type { HttpResponse } from 'gantry';
import { describe, expect, it } from 'vitest';
import { encodeBody, isTextType, readBody } from '../../../runtime/events/body.js';

function response(body: HttpResponse['body'], headers: Record<string, string> = {}): HttpResponse {
  return { status: 200, headers, cookies: [], body };
}

describe('readBody', () => {
  it('decodes a base64 body straight to its bytes, non-UTF-8 bytes included', () => {
    // Act
    const body = readBody('/wD+gAo=', true);

    // Assert
    expect([...(body ?? [])]).toEqual([0xff, 0x00, 0xfe, 0x80, 0x0a]);
  });

  it('reads a plain body as its UTF-8 bytes', () => {
    // Act
    const body = readBody('café ✓', false);

    // Assert
    expect(body?.equals(Buffer.from('café ✓', 'utf8'))).toBe(true);
  });

  it('reads a body whose isBase64Encoded flag is missing as text', () => {
    // Act
    const body = readBody('{"a":1}', undefined);

    // Assert
    expect(body?.toString('utf8')).toBe('{"a":1}');
  });

  it.each([
    [null, false],
    [undefined, false],
    ['', false],
    ['', true],
  ])('reads %j (base64: %j) as no body', (raw, base64) => {
    // Act
    const body = readBody(raw, base64);

    // Assert
    expect(body).toBeUndefined();
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
