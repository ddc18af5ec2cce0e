/**
 * VPC Lattice target events, versions 1 (snake_case fields, single-value headers) and 2
 * (camelCase fields, header and query values as lists).
 */
import { encodeBody, readBody } from './body.js';
import { parseCookieHeader, spreadSetCookies } from './cookies.js';
import { fromMultiHeaders, fromSingleHeaders } from './headers.js';
import { readEncodedPath } from './path.js';
import { fromMultiValues, fromSingleValues, parseRawQuery } from './query.js';
import { isRecord } from './record.js';
import { statusDescription } from './status-text.js';
import type { EventSource, HttpRequest, HttpResponse, TranslateOptions } from './types.js';

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

function detect(event: unknown): event is VpcLatticeEvent {
  if (!isRecord(event) || typeof event.method !== 'string') return false;
  if (typeof event.raw_path === 'string') return true;
  return event.version === '2.0' && typeof event.path === 'string';
}

function toRequest(event: VpcLatticeEvent, options: TranslateOptions): HttpRequest {
  const v1 = 'raw_path' in event;
  const headers = v1 ? fromSingleHeaders(event.headers) : fromMultiHeaders(event.headers);
  let rawPath = v1 ? event.raw_path : event.path;
  let query = v1
    ? fromSingleValues(event.query_string_parameters, false)
    : fromMultiValues(event.queryStringParameters, false);
  // Version 1 may carry the query string on the raw path; then it is the encoded truth.
  const mark = rawPath.indexOf('?');
  if (mark !== -1) {
    query = parseRawQuery(rawPath.slice(mark + 1));
    rawPath = rawPath.slice(0, mark);
  }
  const { path, routingPath, problem } = readEncodedPath(rawPath, options.basePaths);
  return {
    method: event.method.toUpperCase(),
    path,
    routingPath,
    query,
    headers,
    cookies: parseCookieHeader(headers.cookie),
    body: readBody(event.body, v1 ? event.is_base64_encoded : event.isBase64Encoded),
    requestId: headers['x-amzn-trace-id'],
    problem,
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
