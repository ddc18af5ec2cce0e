/**
 * Body rules shared by every source: base64 request bodies go straight to bytes; responses go
 * out as text only for text types without a content-encoding, otherwise as base64.
 */
import { isUtf8 } from 'node:buffer';
import type { EventReader } from './event-reader.js';
import type { HttpResponse } from './types.js';

/** Standard or URL-safe base64, padded or not, with the line breaks MIME allows. */
const BASE64 = /^[A-Za-z0-9+/\-_\r\n]*={0,2}[\r\n]*$/;

/**
 * Decodes a request body to bytes, never to text first. A body that is not a string, a flag
 * that is not a boolean, base64 that is not base64 and a body over `limits.body` are the
 * reader's problem (400, 400, 400, 413).
 *
 * @example
 * ```ts
 * readBody(new EventReader(), 'aGk=', true, 'body', 'isBase64Encoded'); // <Buffer 68 69>
 * ```
 */
export function readBody(
  reader: EventReader,
  body: unknown,
  base64: unknown,
  bodyField: string,
  flagField: string,
): Buffer | undefined {
  const text = reader.string(body, bodyField);
  const encoded = reader.flag(base64, flagField);
  if (text === undefined || text === '') return undefined;
  const limit = reader.limits.body;
  // Measured before decoding: base64's size follows from its length, UTF-8 is at most 3 bytes
  // a character.
  const size = encoded
    ? Buffer.byteLength(/[\r\n]/.test(text) ? text.replace(/[\r\n]/g, '') : text, 'base64')
    : text.length * 3 <= limit
      ? 0
      : Buffer.byteLength(text, 'utf8');
  if (size > limit) {
    reader.fail(413, `Request body is ${size} bytes; the limit is ${limit} bytes`);
    return undefined;
  }
  if (!encoded) return Buffer.from(text, 'utf8');
  if (!BASE64.test(text) || (text.length % 4 === 1 && !/[\r\n]/.test(text))) {
    reader.fail(400, `Request body is not valid base64, though ${flagField} is true`);
    return undefined;
  }
  return Buffer.from(text, 'base64');
}

const TEXT_TYPE =
  /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript|x-www-form-urlencoded|ecmascript|graphql)\b|image\/svg\+xml)/i;

/** Whether a content type is text that can travel unencoded in a Lambda answer. */
export function isTextType(contentType: string | undefined): boolean {
  return contentType !== undefined && TEXT_TYPE.test(contentType);
}

/** The body as a source writes it: text, or base64 with `isBase64Encoded: true`. */
export interface EncodedBody {
  body: string;
  isBase64Encoded: boolean;
}

/**
 * Encodes a response body for a Lambda answer.
 *
 * @example
 * ```ts
 * encodeBody({ status: 200, headers: { 'content-type': 'image/png' }, cookies: [], body: png });
 * // { body: 'iVBORw0...', isBase64Encoded: true }
 * ```
 */
export function encodeBody(response: HttpResponse): EncodedBody {
  const { body, headers } = response;
  if (body === undefined || body.length === 0) return { body: '', isBase64Encoded: false };
  const text = isTextType(headers['content-type']) && headers['content-encoding'] === undefined;
  if (typeof body === 'string') {
    return text
      ? { body, isBase64Encoded: false }
      : { body: Buffer.from(body, 'utf8').toString('base64'), isBase64Encoded: true };
  }
  if (text && isUtf8(body)) return { body: body.toString('utf8'), isBase64Encoded: false };
  return { body: body.toString('base64'), isBase64Encoded: true };
}
