/**
 * What differs between the event builders of test/support/events.ts, written out once so that
 * every suite states the same expectations for the same source.
 */
import type { SourceName } from 'gantry';
import type { eventBuilders } from '../../support/events.js';

/** Where an answer format puts headers and cookies. */
export type AnswerFormat = 'apigw-v1' | 'payload-v2' | 'alb-single' | 'alb-multi' | 'vpc-lattice';

export interface SourceTraits {
  /** `Req.source` for events of this builder. */
  source: SourceName;
  format: AnswerFormat;
  /** The event carries every value of a repeated query key (single-value maps keep the last). */
  repeatedQuery: boolean;
  /** `Req.headers.accept` for a request sent with `Accept: a` and `Accept: b`. */
  repeatedHeader: string;
  /** The path arrives percent-encoded, so malformed encoding reaches Gantry (a 400). */
  encodedPath: boolean;
}

export type BuilderName = keyof typeof eventBuilders;

/**
 * Multi-value events list repeated headers, which Gantry joins with `, `; single-value events
 * arrive already joined by the source (`a,b`), which Gantry passes through untouched.
 */
export const traits = {
  'apigw-v1': {
    source: 'apigw-v1',
    format: 'apigw-v1',
    repeatedQuery: true,
    repeatedHeader: 'a, b',
    encodedPath: true,
  },
  'apigw-v2': {
    source: 'apigw-v2',
    format: 'payload-v2',
    repeatedQuery: true,
    repeatedHeader: 'a,b',
    encodedPath: false,
  },
  'function-url': {
    source: 'function-url',
    format: 'payload-v2',
    repeatedQuery: true,
    repeatedHeader: 'a,b',
    encodedPath: true,
  },
  'alb (single-value)': {
    source: 'alb',
    format: 'alb-single',
    repeatedQuery: false,
    repeatedHeader: 'a,b',
    encodedPath: true,
  },
  'alb (multi-value)': {
    source: 'alb',
    format: 'alb-multi',
    repeatedQuery: true,
    repeatedHeader: 'a, b',
    encodedPath: true,
  },
  'vpc-lattice v1': {
    source: 'vpc-lattice',
    format: 'vpc-lattice',
    repeatedQuery: false,
    repeatedHeader: 'a,b',
    encodedPath: true,
  },
  'vpc-lattice v2': {
    source: 'vpc-lattice',
    format: 'vpc-lattice',
    repeatedQuery: true,
    repeatedHeader: 'a, b',
    encodedPath: true,
  },
} as const satisfies Record<BuilderName, SourceTraits>;

/** Every builder with its traits, for `describe.each`. */
export const builders = (Object.keys(traits) as BuilderName[]).map((name) => ({
  name,
  ...traits[name],
}));
