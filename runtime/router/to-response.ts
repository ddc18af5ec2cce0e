/**
 * Turns what a route method returned into an {@link HttpResponse}: a plain value (JSON), a
 * `reply(...)`, a Web `Response`, bytes, or a stream (read to the end: Lambda response streaming
 * is not supported yet).
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
  if (isBytes(result)) return bytesResponse(toBuffer(result), status);
  if (isStream(result)) return readStream(result).then((bytes) => bytesResponse(bytes, status));
  return {
    status: status ?? 200,
    headers: { 'content-type': JSON_TYPE },
    cookies: [],
    body: JSON.stringify(result),
  };
}

function bytesResponse(body: Buffer, status: number | undefined): HttpResponse {
  return {
    status: status ?? 200,
    headers: { 'content-type': 'application/octet-stream' },
    cookies: [],
    body,
  };
}

function fromReply(reply: Reply): HttpResponse | Promise<HttpResponse> {
  const headers = { ...reply.headers };
  const cookies = [...reply.cookies];
  const { body } = reply;
  if (body === undefined) return { status: reply.status, headers, cookies, body: undefined };
  if (isBytes(body) || isStream(body)) {
    headers['content-type'] ??= 'application/octet-stream';
    if (isBytes(body)) return { status: reply.status, headers, cookies, body: toBuffer(body) };
    return readStream(body).then((bytes) => ({
      status: reply.status,
      headers,
      cookies,
      body: bytes,
    }));
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
 * A Node `Readable`, a Web `ReadableStream` or any async iterable. Duck-typed, like
 * {@link isWebResponse}.
 */
function isStream(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function'
  );
}

/** Reads a stream of strings or bytes to the end. */
async function readStream(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(toBuffer(chunk));
    else
      throw new TypeError(
        `A route returned a stream that gave ${kindOf(chunk)}: a stream must give strings or bytes`,
      );
  }
  return Buffer.concat(chunks);
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Whether a route result carries its own framing (a `reply(...)`, a Web `Response`, bytes, a
 * stream): such results are sent as they are, not validated against a response schema.
 *
 * @example
 * ```ts
 * isFramed(reply(201, item)); // true
 * isFramed({ id: 1 });        // false
 * ```
 */
export function isFramed(result: unknown): boolean {
  return result instanceof Reply || isWebResponse(result) || isBytes(result) || isStream(result);
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
