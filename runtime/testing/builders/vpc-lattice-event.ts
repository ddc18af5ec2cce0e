/**
 * VPC Lattice events: version 1 shaped like the capture
 * `test/fixtures/events/powertools-lambda-python/vpcLatticeEvent.json`, version 2 like
 * `powertools-lambda-python/vpcLatticeV2EventWithHeaders.json`.
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
import type { RequestParts } from './request-parts.js';

/** The version 1 capture's headers but its one request's (`header1`, `header2`). */
export function latticeV1Headers(): [string, string][] {
  return [
    ['user-agent', 'curl/7.64.1'],
    ['x-forwarded-for', '10.213.229.10'],
    ['host', 'test-lambda-service-3908sdf9u3u.dkfjd93.vpc-lattice-svcs.us-east-2.on.aws'],
    ['accept', '*/*'],
  ];
}

/** The version 2 capture's headers but its one request's (`powertools`, `Header1`, `Header2`). */
export function latticeV2Headers(): [string, string][] {
  return [
    ['user-agent', 'curl/8.3.0'],
    ['accept', '*/*'],
    ['x-forwarded-for', '172.31.40.143'],
    ['host', 'lattice-svc-027b423199122da5f.7d67968.vpc-lattice-svcs.us-east-1.on.aws'],
  ];
}

/**
 * A version 1 event: snake_case fields, `raw_path` percent-encoded as sent, one value per header
 * and query key (repeated values joined with `,`, as the capture's `header2` shows), the query
 * decoded. Cookies travel in the `cookie` header.
 */
export function latticeV1Event(parts: RequestParts): Record<string, unknown> {
  const headers = groupHeaders(withTraceRequestId(withCookieHeader(parts), parts), false);
  const body = eventBody(parts, true);
  return {
    raw_path: parts.path,
    method: parts.method,
    headers: singleValueMap(headers, 'joined'),
    query_string_parameters: singleValueMap(groupQuery(parts, true), 'joined'),
    body: body?.text ?? '',
    is_base64_encoded: body?.base64 ?? false,
  };
}

/** A version 2 event: header and query values as lists, the query decoded. */
export function latticeV2Event(parts: RequestParts, now: Date): Record<string, unknown> {
  const headers = groupHeaders(withTraceRequestId(withCookieHeader(parts), parts), false);
  const body = eventBody(parts, true);
  return {
    version: '2.0',
    path: parts.path,
    method: parts.method,
    headers: multiValueMap(headers),
    queryStringParameters: multiValueMap(groupQuery(parts, true)),
    body: body?.text ?? '',
    isBase64Encoded: body?.base64 ?? false,
    requestContext: {
      serviceNetworkArn:
        'arn:aws:vpc-lattice:us-east-2:123456789012:servicenetwork/sn-0bf3f2882e9cc805a',
      serviceArn: 'arn:aws:vpc-lattice:us-east-2:123456789012:service/svc-0a40eebed65f8d69c',
      targetGroupArn: 'arn:aws:vpc-lattice:us-east-2:123456789012:targetgroup/tg-6d0ecf831eec9f09',
      // The capture's caller was signed with IAM; a request without auth has only its VPC.
      identity: { sourceVpcArn: 'arn:aws:ec2:region:123456789012:vpc/vpc-0b8276c84697e7339' },
      region: 'us-east-2',
      // Microseconds, as a string.
      timeEpoch: `${now.getTime()}000`,
    },
  };
}
