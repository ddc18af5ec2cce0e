/**
 * The fields every builder writes from a request's parts, in the variants the services use:
 * header and query maps of single values, joined values or lists, and bodies as text or base64.
 */
import { isTextType } from '../../events/body.js';
import { decodeQueryComponent } from '../../events/query.js';
import { type HeaderField, headerValue, type RequestParts } from './request-parts.js';

/** Header fields grouped by name (lower-cased when the service lower-cases names), in order. */
export function groupHeaders(
  fields: readonly HeaderField[],
  lowerCase: boolean,
): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const field of fields) {
    if (field.values.length === 0) continue;
    const name = lowerCase ? field.name.toLowerCase() : field.name;
    groups.set(name, [...(groups.get(name) ?? []), ...field.values]);
  }
  return [...groups];
}

/** The fields with the request's cookies as one `cookie` header, as a browser sends them. */
export function withCookieHeader(parts: RequestParts, name = 'cookie'): HeaderField[] {
  if (parts.cookies.length === 0) return [...parts.headers];
  return [...parts.headers, { name, values: [parts.cookies.join('; ')] }];
}

/**
 * ALB and VPC Lattice give no request id; Gantry reads their `x-amzn-trace-id` as one, so a
 * request's `requestId` becomes that header.
 */
export function withTraceRequestId(
  fields: readonly HeaderField[],
  parts: RequestParts,
): HeaderField[] {
  if (parts.requestId === undefined) return [...fields];
  return [
    ...fields.filter((field) => field.name.toLowerCase() !== 'x-amzn-trace-id'),
    { name: 'x-amzn-trace-id', values: [parts.requestId] },
  ];
}

/** A map of one value per name: the last one sent, or all of them joined with `,`. */
export function singleValueMap(
  groups: readonly (readonly [string, readonly string[]])[],
  repeated: 'last' | 'joined',
): Record<string, string> {
  return Object.fromEntries(
    groups.map(([name, values]) => [
      name,
      repeated === 'last' ? (values[values.length - 1] as string) : values.join(','),
    ]),
  );
}

/** A map of every value per name. */
export function multiValueMap(
  groups: readonly (readonly [string, readonly string[]])[],
): Record<string, string[]> {
  return Object.fromEntries(groups.map(([name, values]) => [name, [...values]]));
}

/** The query's pairs grouped by key: decoded (API Gateway, VPC Lattice) or as sent (ALB). */
export function groupQuery(parts: RequestParts, decode: boolean): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const [key, value] of parts.query) {
    const name = decode ? decodeQueryComponent(key) : key;
    groups.set(name, [...(groups.get(name) ?? []), decode ? decodeQueryComponent(value) : value]);
  }
  return [...groups];
}

/** A body as an event carries it. */
export interface EventBody {
  readonly text: string;
  readonly base64: boolean;
}

/**
 * The body as a service passes it on: bytes as base64; text as sent, unless `binaryAware` (HTTP
 * API, Function URL, ALB, VPC Lattice) and its content type is not a text type, when the
 * service base64-encodes it too. REST APIs without binary media types pass text as text.
 */
export function eventBody(parts: RequestParts, binaryAware: boolean): EventBody | undefined {
  const { body } = parts;
  if (body === undefined || body.length === 0) return undefined;
  if (typeof body !== 'string') return { text: body.toString('base64'), base64: true };
  const type = headerValue(parts, 'content-type');
  if (binaryAware && type !== undefined && !isTextType(type)) {
    return { text: Buffer.from(body, 'utf8').toString('base64'), base64: true };
  }
  return { text: body, base64: false };
}

/** The client's address: the first of `X-Forwarded-For`. */
export function firstAddress(forwardedFor: string | undefined): string {
  return forwardedFor?.split(',')[0]?.trim() || '127.0.0.1';
}
