/**
 * Turns what a route method returned into an {@link HttpResponse}: a plain value (JSON), a
 * `reply(...)`, or a Web `Response`.
 */
import type { HttpResponse } from '../events/types.js';
import { Reply } from './reply.js';

const JSON_TYPE = 'application/json';

/**
 * Converts a route's return value. `undefined` answers the route's status or 204, with no body.
 *
 * @example
 * ```ts
 * await toResponse({ id: 1 }, undefined); // { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":1}', cookies: [] }
 * ```
 */
export function toResponse(
  result: unknown,
  status: number | undefined,
): HttpResponse | Promise<HttpResponse> {
  if (result instanceof Reply) return fromReply(result);
  if (isWebResponse(result)) return fromWebResponse(result);
  if (result === undefined)
    return { status: status ?? 204, headers: {}, cookies: [], body: undefined };
  if (isBytes(result)) {
    return {
      status: status ?? 200,
      headers: { 'content-type': 'application/octet-stream' },
      cookies: [],
      body: toBuffer(result),
    };
  }
  return {
    status: status ?? 200,
    headers: { 'content-type': JSON_TYPE },
    cookies: [],
    body: JSON.stringify(result),
  };
}

function fromReply(reply: Reply): HttpResponse {
  const headers = { ...reply.headers };
  const cookies = [...reply.cookies];
  const { body } = reply;
  if (body === undefined) return { status: reply.status, headers, cookies, body: undefined };
  if (isBytes(body)) {
    headers['content-type'] ??= 'application/octet-stream';
    return { status: reply.status, headers, cookies, body: toBuffer(body) };
  }
  if (typeof body === 'string' && headers['content-type'] !== undefined) {
    return { status: reply.status, headers, cookies, body };
  }
  headers['content-type'] ??= JSON_TYPE;
  return { status: reply.status, headers, cookies, body: JSON.stringify(body) };
}

async function fromWebResponse(response: Response): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers,
    cookies: response.headers.getSetCookie(),
    body: bytes.length === 0 ? undefined : bytes,
  };
}

/**
 * Duck-typed, because touching the `Response` global makes Node 20 load its fetch
 * implementation (~40 ms) on the first request.
 */
function isWebResponse(value: unknown): value is Response {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Response>;
  return (
    typeof candidate.status === 'number' &&
    typeof candidate.arrayBuffer === 'function' &&
    typeof candidate.headers?.getSetCookie === 'function'
  );
}

/**
 * Whether a route result carries its own framing (a `reply(...)`, a Web `Response`, bytes):
 * such results are sent as they are, not validated against a response schema.
 *
 * @example
 * ```ts
 * isFramed(reply(201, item)); // true
 * isFramed({ id: 1 });        // false
 * ```
 */
export function isFramed(result: unknown): boolean {
  return result instanceof Reply || isWebResponse(result) || isBytes(result);
}

function isBytes(value: unknown): value is Uint8Array | ArrayBuffer {
  return value instanceof Uint8Array || value instanceof ArrayBuffer;
}

function toBuffer(value: Uint8Array | ArrayBuffer): Buffer {
  if (Buffer.isBuffer(value)) return value;
  return value instanceof ArrayBuffer
    ? Buffer.from(value)
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
