/**
 * API Gateway HTTP API events in payload format 2.0.
 */
import { EventReader } from './event-reader.js';
import { readDecodedPath } from './path.js';
import {
  contextOf,
  type PayloadV2Event,
  type PayloadV2Result,
  payloadV2Kind,
  rawPathOf,
  readPayloadV2,
  writePayloadV2,
} from './payload-v2.js';
import type { EventSource, HttpRequest, TranslateOptions } from './types.js';

function detect(event: unknown): event is PayloadV2Event {
  return payloadV2Kind(event) === 'apigw-v2';
}

function toRequest(event: PayloadV2Event, options: TranslateOptions): HttpRequest {
  const reader = new EventReader(options.limits);
  const raw = rawPathOf(reader, event);
  // HTTP API hands over `rawPath` already decoded (but for `%2F`), with a named stage in front.
  const stage = contextOf(event)?.stage;
  const target = readDecodedPath(raw, typeof stage === 'string' ? stage : undefined, options);
  return readPayloadV2(reader, event, raw, target);
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
