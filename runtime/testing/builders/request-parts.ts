/**
 * A {@link TestRequest} read once into what a client puts on the wire: the method, the path and
 * query string percent-encoded as a client sends them, header fields in order, cookie pairs and
 * the body. Each source's builder then writes these parts the way its service does.
 */
import type { TestRequest } from '../events.js';

/** One header field: its name as given and every value, in order. */
export interface HeaderField {
  readonly name: string;
  readonly values: readonly string[];
}

/** What a client sends, before a service turns it into an event. */
export interface RequestParts {
  /** Upper case, as `fetch` sends the standard methods. */
  readonly method: string;
  /** Percent-encoded, without the query string. */
  readonly path: string;
  /** Percent-encoded, without the `?`. */
  readonly rawQuery: string;
  /** The query's key/value pairs, still percent-encoded, in order. */
  readonly query: readonly (readonly [string, string])[];
  /** Every header field but `cookie`, whose pairs are in {@link RequestParts.cookies}. */
  readonly headers: readonly HeaderField[];
  /** `name=value` pairs, as a `cookie` header carries them. */
  readonly cookies: readonly string[];
  /** Text, bytes, or no body. */
  readonly body: string | Buffer | undefined;
  readonly requestId: string | undefined;
}

/** What a URL path may carry unencoded (RFC 3986 `pchar` and `/`); `%` is kept as written. */
const PATH_UNSAFE = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu;
/** What a query string may carry unencoded (`pchar`, `/` and `?`); `%` and `+` kept as written. */
const QUERY_UNSAFE = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu;
/** A cookie value that needs no encoding (RFC 6265 `cookie-octet`). */
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/**
 * Reads a request, the header fields of a service's capture beneath it: a given header replaces
 * the template's of the same name (in any case).
 */
export function readRequest(
  request: TestRequest,
  template: readonly (readonly [string, string])[],
): RequestParts {
  const [pathPart = '/', pathQuery = ''] = splitOnce(
    (request.path ?? '/').split('#')[0] as string,
    '?',
  );
  const path = encodeUnsafe(pathPart.startsWith('/') ? pathPart : `/${pathPart}`, PATH_UNSAFE);
  const rawQuery = [encodeUnsafe(pathQuery, QUERY_UNSAFE), queryOption(request.query)]
    .filter((part) => part !== '')
    .join('&');
  const body = bodyOf(request);
  const given = headerFields(request.headers);
  if (request.json !== undefined && !given.some((field) => isNamed(field, 'content-type'))) {
    given.push({ name: 'content-type', values: ['application/json'] });
  }
  const cookies = given.filter((field) => isNamed(field, 'cookie')).flatMap(cookiePairs);
  for (const [name, value] of Object.entries(request.cookies ?? {})) {
    cookies.push(`${name}=${COOKIE_OCTETS.test(value) ? value : encodeURIComponent(value)}`);
  }
  const defaults = template
    .filter(([name]) => !given.some((field) => isNamed(field, name)))
    .map(([name, value]) => ({ name, values: [value] }));
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    path,
    rawQuery,
    query: rawQuery
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair) => {
        const [key = '', value = ''] = splitOnce(pair, '=');
        return [key, value] as const;
      }),
    headers: [...defaults, ...given.filter((field) => !isNamed(field, 'cookie'))],
    cookies,
    body,
    requestId: request.requestId,
  };
}

/** Whether a header field has this name, in any case. */
export function isNamed(field: HeaderField, name: string): boolean {
  return field.name.toLowerCase() === name.toLowerCase();
}

/** The first value of a header, in any case of its name. */
export function headerValue(parts: RequestParts, name: string): string | undefined {
  return parts.headers.find((field) => isNamed(field, name))?.values[0];
}

/** Adds a header field unless the request has one of that name. */
export function withHeader(
  headers: readonly HeaderField[],
  name: string,
  value: string,
): HeaderField[] {
  return headers.some((field) => isNamed(field, name))
    ? [...headers]
    : [...headers, { name, values: [value] }];
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function encodeUnsafe(text: string, unsafe: RegExp): string {
  return text.replace(unsafe, (char) => encodeURIComponent(char));
}

function queryOption(query: TestRequest['query']): string {
  if (query === undefined) return '';
  if (typeof query === 'string') return encodeUnsafe(query.replace(/^\?/, ''), QUERY_UNSAFE);
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(item)}`);
    }
  }
  return pairs.join('&');
}

function headerFields(headers: TestRequest['headers']): HeaderField[] {
  return Object.entries(headers ?? {}).map(([name, value]) => ({
    name,
    values: Array.isArray(value) ? [...value] : [value],
  }));
}

function cookiePairs(field: HeaderField): string[] {
  return field.values
    .flatMap((line) => line.split(';'))
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '');
}

function bodyOf(request: TestRequest): string | Buffer | undefined {
  if (request.json !== undefined) {
    if (request.body !== undefined) {
      throw new TypeError('A test request takes a body or json, not both');
    }
    const text = JSON.stringify(request.json);
    if (text === undefined) {
      throw new TypeError(`json must be a JSON value, got ${typeof request.json}`);
    }
    return text;
  }
  const { body } = request;
  if (body === undefined || typeof body === 'string') return body;
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}
