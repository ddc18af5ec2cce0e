/**
 * Gantry: HTTP APIs on AWS Lambda with controllers, every HTTP event source, and observability
 * built in. This file is the whole public surface.
 */

export { alb } from './events/alb.js';
export { apiGatewayV1 } from './events/apigw-v1.js';
export { apiGatewayV2 } from './events/apigw-v2.js';
export { functionUrl } from './events/function-url.js';
export { DEFAULT_LIMITS, type RequestLimits } from './events/limits.js';
// Event sources
export type {
  EventSource,
  HttpRequest,
  HttpResponse,
  Query,
  RequestProblem,
  SourceName,
  TranslateOptions,
} from './events/types.js';
export { UnsupportedEventError } from './events/unsupported-event-error.js';
export { vpcLattice } from './events/vpc-lattice.js';
export { type App, type AppOptions, createApp } from './handler/app.js';
// The handler
export {
  createHandler,
  type GantryHandler,
  type HandlerOptions,
} from './handler/create-handler.js';
export { dispatch } from './handler/dispatch.js';
export { httpEvent } from './handler/http-event.js';
export { exchangeOf, HttpExchange } from './handler/http-exchange.js';
export { type RouteInfo, routesOf } from './handler/routes-of.js';
// Observability
export { type AccessLogOptions, accessLog } from './observability/access-log.js';
export { type ColdStartOptions, coldStart } from './observability/cold-start.js';
export {
  ANNOTATIONS,
  CORRELATION_HEADER,
  CORRELATION_REQUEST_HEADERS,
  DEFAULT_NAMESPACE,
  DIMENSIONS,
  LOG_KEYS,
  LOG_MESSAGES,
  METRICS,
  SENSITIVE_HEADER_PATTERN,
  SENSITIVE_HEADERS,
  subsegmentName,
  UNMATCHED_ROUTE,
} from './observability/constants.js';
export {
  type CorrelationIdOptions,
  correlationId,
  pickCorrelationId,
} from './observability/correlation-id.js';
export { errorLog } from './observability/error-log.js';
export {
  type HeaderRedactor,
  headerRedactor,
  REDACTED,
  redactHeaders,
} from './observability/redact-headers.js';
export { routeMetrics } from './observability/route-metrics.js';
export { type TracingOptions, tracing } from './observability/tracing.js';
export type { ControllerInput, Route } from './router/build-routes.js';
// Controllers and routes
export { Controller, Delete, Get, Head, Options, Patch, Post, Put } from './router/decorators.js';
export { HttpError, type HttpErrorOptions, isHttpError } from './router/http-error.js';
export type { HttpMethod } from './router/metadata.js';
export { toApiGatewayPath } from './router/path-template.js';
export { type CookieOptions, Reply, reply } from './router/reply.js';
export type { PathParams, Req } from './router/request.js';
export type { AnySchema, RouteOptions, RouteSchemas } from './router/route-options.js';
export type { ValidationIssue } from './router/validate.js';
