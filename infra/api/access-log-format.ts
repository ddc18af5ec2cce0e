/**
 * The JSON access-log line API Gateway writes per request: its request id, the route and the
 * status, joinable with the function's logs through the request id.
 */

/** What both API kinds log per request. */
const COMMON = {
  requestId: '$context.requestId',
  sourceIp: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
};

/** HTTP API (v2) access-log format. */
export const HTTP_API_ACCESS_LOG_FORMAT = JSON.stringify({
  ...COMMON,
  routeKey: '$context.routeKey',
  integrationError: '$context.integrationErrorMessage',
});

/** REST API (v1) access-log format. */
export const REST_API_ACCESS_LOG_FORMAT = JSON.stringify({
  ...COMMON,
  extendedRequestId: '$context.extendedRequestId',
  resourcePath: '$context.resourcePath',
  xrayTraceId: '$context.xrayTraceId',
});
