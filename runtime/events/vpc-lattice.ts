/**
 * VPC Lattice target events, versions 1 (snake_case fields, single-value headers) and 2
 * (camelCase fields, header and query values as lists).
 */
import { encodeBody, readBody } from './body.js';
import { parseCookieHeader, spreadSetCookies } from './cookies.js';
import { EventReader } from './event-reader.js';
import { readHeaders } from './headers.js';
import { readEncodedPath } from './path.js';
import { parseRawQuery, readQueryMaps } from './query.js';
import { isRecord } from './record.js';
import { statusDescription } from './status-text.js';
import type { EventSource, HttpRequest, HttpResponse, Query, TranslateOptions } from './types.js';

/** A VPC Lattice event, version 1. */
export interface VpcLatticeV1Event {
  raw_path: string;
  method: string;
  headers?: Record<string, string>;
  query_string_parameters?: Record<string, string> | null;
  body?: string | null;
  is_base64_encoded?: boolean;
}

/** A VPC Lattice event, version 2. */
export interface VpcLatticeV2Event {
  version: '2.0';
  path: string;
  method: string;
  headers?: Record<string, string[]>;
  queryStringParameters?: Record<string, string[]> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext?: Record<string, unknown>;
}

export type VpcLatticeEvent = VpcLatticeV1Event | VpcLatticeV2Event;

/** The answer VPC Lattice expects from a Lambda target (both versions). */
export interface VpcLatticeResult {
  statusCode: number;
  statusDescription: string;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

/**
 * The fewest keys that say VPC Lattice: `raw_path` (v1), or `version: "2.0"` with `path` (v2;
 * payload 2.0 events of HTTP API have `rawPath` and `requestContext.http` and are tried first).
 * A missing or malformed `method` is then a 400, not "unsupported".
 */
function detect(event: unknown): event is VpcLatticeEvent {
  if (!isRecord(event)) return false;
  if ('raw_path' in event) return true;
  return event.version === '2.0' && 'path' in event;
}

function toRequest(event: VpcLatticeEvent, options: TranslateOptions): HttpRequest {
  const reader = new EventReader(options.limits);
  const fields = event as unknown as Record<string, unknown>;
  const v1 = 'raw_path' in event;
  const method = reader.method(fields.method, 'method');
  let rawPath = reader.path(v1 ? fields.raw_path : fields.path, v1 ? 'raw_path' : 'path');
  const headers = v1
    ? readHeaders(reader, fields.headers, undefined, 'headers', '')
    : readHeaders(reader, undefined, fields.headers, '', 'headers');
  // Version 1 may carry the query string on the raw path; then it is the encoded truth.
  const mark = rawPath.indexOf('?');
  let query: Query;
  if (mark !== -1) {
    query = parseRawQuery(rawPath.slice(mark + 1));
    rawPath = rawPath.slice(0, mark);
  } else {
    const read = v1
      ? readQueryMaps(
          reader,
          fields.query_string_parameters,
          undefined,
          false,
          'query_string_parameters',
          '',
        )
      : readQueryMaps(
          reader,
          undefined,
          fields.queryStringParameters,
          false,
          '',
          'queryStringParameters',
        );
    reader.urlLength(rawPath.length + read.length);
    query = read.query;
  }
  const { path, routingPath, problem } = readEncodedPath(rawPath, options.basePaths);
  if (problem !== undefined) reader.fail(400, problem);
  const flag = v1 ? 'is_base64_encoded' : 'isBase64Encoded';
  return {
    method,
    path,
    routingPath,
    query,
    headers,
    cookies: parseCookieHeader(headers.cookie),
    body: readBody(reader, fields.body, fields[flag], 'body', flag),
    requestId: headers['x-amzn-trace-id'],
    problem: reader.problem,
  };
}

function toResult(response: HttpResponse): VpcLatticeResult {
  // One value per header name: several cookies go out under differently-cased names.
  spreadSetCookies(response.headers, response.cookies);
  return {
    statusCode: response.status,
    statusDescription: statusDescription(response.status),
    headers: response.headers,
    ...encodeBody(response),
  };
}

/**
 * VPC Lattice events, versions 1 (`raw_path`, single values) and 2 (`path`, lists of values).
 * Answers carry `statusDescription`, and several cookies under differently-cased names.
 *
 * @example
 * ```ts
 * import { vpcLattice } from 'gantry';
 *
 * const event = { raw_path: '/items?tag=a&tag=b', method: 'GET', headers: {} };
 * vpcLattice.toRequest(event, { basePaths: [], stripStage: true }).query; // { tag: ['a', 'b'] }
 * ```
 */
export const vpcLattice: EventSource<VpcLatticeEvent, VpcLatticeResult> = {
  name: 'vpc-lattice',
  detect,
  toRequest,
  toResult,
};
