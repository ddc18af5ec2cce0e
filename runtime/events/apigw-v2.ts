/**
 * API Gateway HTTP API events in payload format 2.0.
 */
import { readDecodedPath } from './path.js';
import {
  type PayloadV2Event,
  type PayloadV2Result,
  payloadV2Kind,
  readPayloadV2,
  writePayloadV2,
} from './payload-v2.js';
import type { EventSource, HttpRequest, TranslateOptions } from './types.js';

function detect(event: unknown): event is PayloadV2Event {
  return payloadV2Kind(event) === 'apigw-v2';
}

function toRequest(event: PayloadV2Event, options: TranslateOptions): HttpRequest {
  // HTTP API hands over `rawPath` already decoded (but for `%2F`), with a named stage in front.
  return readPayloadV2(event, readDecodedPath(event.rawPath, event.requestContext.stage, options));
}

/**
 * API Gateway HTTP API (v2) events, payload format 2.0: `rawPath` arrives decoded (but for
 * `%2F`) with a named stage in front, which is stripped.
 *
 * @example
 * ```ts
 * import { apiGatewayV2 } from 'gantry';
 *
 * // rawPath '/Prod/items', requestContext.stage 'Prod'
 * apiGatewayV2.toRequest(event, { basePaths: [], stripStage: true }).path; // '/items'
 * ```
 */
export const apiGatewayV2: EventSource<PayloadV2Event, PayloadV2Result> = {
  name: 'apigw-v2',
  detect,
  toRequest,
  toResult: writePayloadV2,
};
