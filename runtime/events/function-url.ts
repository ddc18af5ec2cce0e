/**
 * Lambda Function URL events (payload format 2.0 with a percent-encoded `rawPath`).
 */
import { EventReader } from './event-reader.js';
import { readEncodedPath } from './path.js';
import {
  type PayloadV2Event,
  type PayloadV2Result,
  payloadV2Kind,
  rawPathOf,
  readPayloadV2,
  writePayloadV2,
} from './payload-v2.js';
import type { EventSource, HttpRequest, TranslateOptions } from './types.js';

function detect(event: unknown): event is PayloadV2Event {
  return payloadV2Kind(event) === 'function-url';
}

function toRequest(event: PayloadV2Event, options: TranslateOptions): HttpRequest {
  const reader = new EventReader(options.limits);
  const raw = rawPathOf(reader, event);
  return readPayloadV2(reader, event, raw, readEncodedPath(raw, options.basePaths));
}

/**
 * Lambda Function URL events: payload format 2.0 with a percent-encoded `rawPath`; cookies come
 * from `cookies[]` once, though the `cookie` header repeats them.
 *
 * @example
 * ```ts
 * import { functionUrl } from 'gantry';
 *
 * // rawPath '/files/a%20b', requestContext.domainName 'abc.lambda-url.us-east-1.on.aws'
 * functionUrl.detect(event); // true
 * functionUrl.toRequest(event, { basePaths: [], stripStage: true }).path; // '/files/a b'
 * ```
 */
export const functionUrl: EventSource<PayloadV2Event, PayloadV2Result> = {
  name: 'function-url',
  detect,
  toRequest,
  toResult: writePayloadV2,
};
