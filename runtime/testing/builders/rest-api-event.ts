/**
 * API Gateway REST API (v1) proxy events, shaped like the capture
 * `test/fixtures/events/aws-lambda-go/apigw-request.json` (AWS's own example): its
 * requestContext, CloudFront's headers, both header and both query maps, and `stageVariables`.
 * As a request without an authorizer, mTLS or API key: no `authorizer`, and the anonymous
 * `identity` of the same API's `aws-lambda-rust-runtime/apigw_multi_value_proxy_request.json`.
 */

import {
  eventBody,
  firstAddress,
  groupHeaders,
  groupQuery,
  multiValueMap,
  singleValueMap,
  withCookieHeader,
} from './event-fields.js';
import {
  cloudFrontId,
  extendedRequestId,
  randomUUID,
  requestTime,
  traceHeader,
} from './fresh-ids.js';
import type { RequestParts } from './request-parts.js';

const HOST = 'gy415nuibc.execute-api.us-east-1.amazonaws.com';
const STAGE = 'testStage';

/**
 * The capture's headers but those of its one request (`Content-Type`, `Postman-Token`,
 * `cache-control`, `headerName`), plus the `X-Amzn-Trace-Id` API Gateway adds to every request.
 */
export function restApiHeaders(now: Date): [string, string][] {
  return [
    ['Accept', '*/*'],
    ['Accept-Encoding', 'gzip, deflate'],
    ['CloudFront-Forwarded-Proto', 'https'],
    ['CloudFront-Is-Desktop-Viewer', 'true'],
    ['CloudFront-Is-Mobile-Viewer', 'false'],
    ['CloudFront-Is-SmartTV-Viewer', 'false'],
    ['CloudFront-Is-Tablet-Viewer', 'false'],
    ['CloudFront-Viewer-Country', 'US'],
    ['Host', HOST],
    ['User-Agent', 'PostmanRuntime/2.4.5'],
    ['Via', '1.1 d98420743a69852491bbdea73f7680bd.cloudfront.net (CloudFront)'],
    ['X-Amz-Cf-Id', cloudFrontId()],
    ['X-Amzn-Trace-Id', traceHeader(now)],
    ['X-Forwarded-For', '54.240.196.186, 54.182.214.83'],
    ['X-Forwarded-Port', '443'],
    ['X-Forwarded-Proto', 'https'],
  ];
}

/**
 * A REST API proxy event: the path percent-encoded as sent, the query maps decoded (the single
 * map keeps the last of repeated values), header names as sent, cookies in the `Cookie` header.
 */
export function restApiEvent(parts: RequestParts, now: Date): Record<string, unknown> {
  const headers = groupHeaders(withCookieHeader(parts, 'Cookie'), false);
  const query = groupQuery(parts, true);
  const body = eventBody(parts, false);
  const single = singleValueMap(headers, 'last');
  const header = (name: string) =>
    Object.entries(single).find(([key]) => key.toLowerCase() === name)?.[1];
  return {
    resource: '/{proxy+}',
    path: parts.path,
    httpMethod: parts.method,
    headers: single,
    multiValueHeaders: multiValueMap(headers),
    queryStringParameters: query.length > 0 ? singleValueMap(query, 'last') : null,
    multiValueQueryStringParameters: query.length > 0 ? multiValueMap(query) : null,
    pathParameters: parts.path === '/' ? null : { proxy: decodePath(parts.path.slice(1)) },
    stageVariables: { stageVariableName: 'stageVariableValue' },
    requestContext: {
      accountId: '12345678912',
      resourceId: 'roq9wj',
      path: `/${STAGE}${parts.path}`,
      stage: STAGE,
      domainName: HOST,
      domainPrefix: 'gy415nuibc',
      requestId: parts.requestId ?? randomUUID(),
      extendedRequestId: extendedRequestId(),
      protocol: 'HTTP/1.1',
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        apiKey: null,
        apiKeyId: null,
        accessKey: null,
        sourceIp: firstAddress(header('x-forwarded-for')),
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: header('user-agent') ?? '',
        user: null,
      },
      resourcePath: '/{proxy+}',
      httpMethod: parts.method,
      requestTime: requestTime(now),
      requestTimeEpoch: now.getTime(),
      apiId: 'gy415nuibc',
    },
    body: body?.text ?? null,
    isBase64Encoded: body?.base64 ?? false,
  };
}

/** A path parameter as API Gateway gives it: decoded, or as sent when malformed. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
