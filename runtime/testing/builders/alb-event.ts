/**
 * Application Load Balancer events, shaped like the captures
 * `test/fixtures/events/aws-lambda-go/alb-lambda-target-request-headers-only.json` (single-value
 * mode) and `alb-lambda-target-request-multivalue-headers.json` (multi-value mode).
 */
import {
  eventBody,
  groupHeaders,
  groupQuery,
  multiValueMap,
  singleValueMap,
  withCookieHeader,
  withTraceRequestId,
} from './event-fields.js';
import { traceHeader } from './fresh-ids.js';
import type { RequestParts } from './request-parts.js';

/** The captures' headers but those of their one request (`x-imforwards`, `x-myheader`). */
export function albHeaders(now: Date): [string, string][] {
  return [
    ['accept', '*/*'],
    ['connection', 'keep-alive'],
    ['host', 'lambda-test-alb-1334523864.us-east-1.elb.amazonaws.com'],
    ['user-agent', 'curl/7.54.0'],
    ['x-amzn-trace-id', traceHeader(now)],
    ['x-forwarded-for', '25.12.198.67'],
    ['x-forwarded-port', '80'],
    ['x-forwarded-proto', 'http'],
  ];
}

/**
 * An ALB event: the path and the query keys and values exactly as sent (still
 * percent-encoded), lower-case header names, cookies in the `cookie` header. In single-value
 * mode a repeated header or query key keeps its last value; multi-value mode keeps them all.
 * ALB has no request id: a `requestId` becomes the `x-amzn-trace-id`, which Gantry reads as one.
 */
export function albEvent(parts: RequestParts, multiValue: boolean): Record<string, unknown> {
  const headers = groupHeaders(withTraceRequestId(withCookieHeader(parts), parts), true);
  const query = groupQuery(parts, false);
  const body = eventBody(parts, true);
  const maps = multiValue
    ? {
        multiValueQueryStringParameters: multiValueMap(query),
        multiValueHeaders: multiValueMap(headers),
      }
    : {
        queryStringParameters: singleValueMap(query, 'last'),
        headers: singleValueMap(headers, 'last'),
      };
  return {
    requestContext: {
      elb: {
        targetGroupArn:
          'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda-target/abcdefg',
      },
    },
    httpMethod: parts.method,
    path: parts.path,
    ...maps,
    body: body?.text ?? '',
    isBase64Encoded: body?.base64 ?? false,
  };
}
