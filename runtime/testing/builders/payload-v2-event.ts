/**
 * Payload format 2.0 events: HTTP API (v2), shaped like the capture
 * `test/fixtures/events/aws-lambda-go/apigw-v2-request-no-authorizer.json` (less its mTLS
 * block), and Function URL, shaped like the real invocation (less its IAM signing)
 * `aws-lambda-go/function-url-request-with-headers-and-cookies-and-text-body.json`.
 */
import { decodeQueryComponent } from '../../events/query.js';
import {
  type EventBody,
  eventBody,
  firstAddress,
  groupHeaders,
  singleValueMap,
  withCookieHeader,
} from './event-fields.js';
import { httpApiRequestId, randomUUID, requestTime, traceHeader } from './fresh-ids.js';
import { headerValue, type RequestParts, withHeader } from './request-parts.js';

const HTTP_API_HOST = 'aaaaaaaaaa.execute-api.us-west-2.amazonaws.com';
const FUNCTION_URL_HOST = 'lambda-url-id.lambda-url.us-west-2.on.aws';

/** The HTTP API capture's headers (`content-length` is the request's own). */
export function httpApiHeaders(now: Date): [string, string][] {
  return [
    ['accept', '*/*'],
    ['host', HTTP_API_HOST],
    ['user-agent', 'curl/7.58.0'],
    ['x-amzn-trace-id', traceHeader(now)],
    ['x-forwarded-for', '1.2.3.4'],
    ['x-forwarded-port', '443'],
    ['x-forwarded-proto', 'https'],
  ];
}

/**
 * The Function URL capture's headers but those of its one request (`content-type`,
 * `content-length`, `cookie`, `header1-3`) and of IAM signing (`x-amz-date`,
 * `x-amz-content-sha256`, `x-amz-security-token`).
 */
export function functionUrlHeaders(now: Date): [string, string][] {
  return [
    ['accept', '*/*'],
    ['accept-encoding', 'gzip, deflate'],
    ['host', FUNCTION_URL_HOST],
    ['user-agent', 'python-requests/2.28.2'],
    ['x-amzn-tls-cipher-suite', 'ECDHE-RSA-AES128-GCM-SHA256'],
    ['x-amzn-tls-version', 'TLSv1.2'],
    ['x-amzn-trace-id', traceHeader(now)],
    ['x-forwarded-for', '127.0.0.1'],
    ['x-forwarded-port', '443'],
    ['x-forwarded-proto', 'https'],
  ];
}

/**
 * An HTTP API event: `rawPath` decoded but for `%2F`, cookies only in `cookies[]`, and a
 * `content-length` on every request, as in the capture.
 */
export function httpApiEvent(parts: RequestParts, now: Date): Record<string, unknown> {
  const body = eventBody(parts, true);
  const length = String(body === undefined ? 0 : bodyBytes(body).length);
  const headers = withHeader(parts.headers, 'content-length', length);
  return payloadV2(parts, now, {
    body,
    rawPath: decodeLikeHttpApi(parts.path),
    headers: singleValueMap(groupHeaders(headers, true), 'joined'),
    requestId: parts.requestId ?? httpApiRequestId(),
    context: {
      accountId: '123456789012',
      apiId: 'aaaaaaaaaa',
      domainName: HTTP_API_HOST,
      domainPrefix: 'aaaaaaaaaa',
    },
  });
}

/**
 * A Function URL event: `rawPath` percent-encoded as sent, cookies in `cookies[]` and again in
 * the `cookie` header, `content-length` when there is a body.
 */
export function functionUrlEvent(parts: RequestParts, now: Date): Record<string, unknown> {
  const body = eventBody(parts, true);
  let headers = withCookieHeader(parts);
  if (body !== undefined) {
    headers = withHeader(headers, 'content-length', String(bodyBytes(body).length));
  }
  return payloadV2(parts, now, {
    body,
    rawPath: parts.path,
    headers: singleValueMap(groupHeaders(headers, true), 'joined'),
    requestId: parts.requestId ?? randomUUID(),
    context: {
      accountId: '123456789012',
      apiId: 'lambda-url-id',
      domainName: FUNCTION_URL_HOST,
      domainPrefix: 'lambda-url-id',
    },
  });
}

interface Shape {
  body: EventBody | undefined;
  rawPath: string;
  headers: Record<string, string>;
  requestId: string;
  context: Record<string, unknown>;
}

function payloadV2(parts: RequestParts, now: Date, shape: Shape): Record<string, unknown> {
  const { body } = shape;
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: '$default',
    rawPath: shape.rawPath,
    rawQueryString: parts.rawQuery,
  };
  if (parts.cookies.length > 0) event.cookies = [...parts.cookies];
  event.headers = shape.headers;
  if (parts.query.length > 0) event.queryStringParameters = joinedQuery(parts);
  event.requestContext = {
    ...shape.context,
    http: {
      method: parts.method,
      path: shape.rawPath,
      protocol: 'HTTP/1.1',
      sourceIp: firstAddress(shape.headers['x-forwarded-for']),
      userAgent: headerValue(parts, 'user-agent') ?? '',
    },
    requestId: shape.requestId,
    routeKey: '$default',
    stage: '$default',
    time: requestTime(now),
    timeEpoch: now.getTime(),
  };
  if (body !== undefined) event.body = body.text;
  event.isBase64Encoded = body?.base64 ?? false;
  return event;
}

function bodyBytes(body: EventBody): Buffer {
  return Buffer.from(body.text, body.base64 ? 'base64' : 'utf8');
}

/** The lossy map beside `rawQueryString`: decoded, repeated values joined with `,`. */
function joinedQuery(parts: RequestParts): Record<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of parts.query) {
    const name = decodeQueryComponent(key);
    const decoded = decodeQueryComponent(value);
    const seen = map.get(name);
    map.set(name, seen === undefined ? decoded : `${seen},${decoded}`);
  }
  return Object.fromEntries(map);
}

/** HTTP API decodes `rawPath` but keeps `%2F`; malformed escapes stay as sent. */
function decodeLikeHttpApi(path: string): string {
  return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run).replace(/\//g, '%2F');
    } catch {
      return run;
    }
  });
}
