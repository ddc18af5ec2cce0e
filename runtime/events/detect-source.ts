/**
 * Picks the event source for an event: user-supplied sources first, then the built-in ones.
 */
import { alb } from './alb.js';
import { apiGatewayV1 } from './apigw-v1.js';
import { apiGatewayV2 } from './apigw-v2.js';
import { functionUrl } from './function-url.js';
import type { EventSource } from './types.js';
import { UnsupportedEventError } from './unsupported-event-error.js';
import { vpcLattice } from './vpc-lattice.js';

// biome-ignore lint/suspicious/noExplicitAny: a source list holds sources of any event type.
export type AnySource = EventSource<any, unknown>;

/** The built-in sources, most common first. */
export const builtInSources: readonly AnySource[] = [
  apiGatewayV2,
  apiGatewayV1,
  functionUrl,
  alb,
  vpcLattice,
];

/** Returns the first source that recognises the event, or throws {@link UnsupportedEventError}. */
export function detectSource(event: unknown, sources: readonly AnySource[]): AnySource {
  for (const source of sources) {
    if (source.detect(event)) return source;
  }
  throw new UnsupportedEventError(event);
}
