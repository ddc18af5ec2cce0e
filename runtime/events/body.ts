/**
 * Body rules shared by every source: base64 request bodies go straight to bytes; responses go
 * out as text only for text types without a content-encoding, otherwise as base64.
 */
import { isUtf8 } from 'node:buffer';
import type { HttpResponse } from './types.js';

/** Decodes a request body to bytes, never to text first. */
export function readBody(
  body: string | null | undefined,
  base64: boolean | undefined,
): Buffer | undefined {
  if (body === null || body === undefined || body === '') return undefined;
  return Buffer.from(body, base64 ? 'base64' : 'utf8');
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
