/**
 * Mutations of real events: what a broken emulator, a hand-written test event or a hostile
 * client can make of one. A fuzz case is a base event's name and a list of mutations, so a
 * shrunk counterexample reads as "this fixture, with these few changes".
 */
import fc from 'fast-check';
import {
  bodyValue,
  cookieText,
  graftValue,
  IDENTIFYING_PATHS,
  methodValue,
  pathValue,
  queryName,
} from './field-values.js';
import type { EventLayout, FuzzSource } from './fuzz-sources.js';
import { contentType, type Huge, hostileHeaderName, hostileString } from './hostile-strings.js';
import { type Value, wrongValue } from './hostile-values.js';

/** Keys from the event's root to a field; numbers index lists. */
export type Path = readonly (string | number)[];

/** How a body mutation encodes the body and sets the base64 flag. */
export type BodyEncoding = 'plain' | 'base64' | 'flag-only' | 'flag-wrong-type';

/** One change to an event. */
export type Mutation =
  | { op: 'drop'; path: Path }
  | { op: 'set'; path: Path; value: Value }
  | { op: 'header'; name: string; value: Value }
  | { op: 'query'; name: string; value: Value }
  | { op: 'cookie'; text: string }
  | { op: 'path'; value: string | Huge }
  | { op: 'method'; value: Value }
  | { op: 'body'; body: Value; encoding: BodyEncoding; contentType?: string }
  | { op: 'deep-json'; depth: number }
  | { op: 'many'; part: 'headers' | 'query' | 'cookies'; count: number; length: number }
  | { op: 'graft'; path: Path; value: Value };

/** A base event (by name) and the mutations applied to it, in order. */
export interface FuzzCase {
  base: string;
  mutations: readonly Mutation[];
}

const isObject = (value: unknown): value is Record<string | number, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Every path of an event, the root included, lists cut at three items and depth at five.
 *
 * @example
 * ```ts
 * keyPaths({ a: { b: 1 } }); // [[], ['a'], ['a', 'b']]
 * ```
 */
export function keyPaths(value: unknown, prefix: Path = [], depth = 0): Path[] {
  const paths: Path[] = [prefix];
  if (!isObject(value) || depth >= 5) return paths;
  const keys = Array.isArray(value)
    ? value.slice(0, 3).map((_, index) => index)
    : Object.keys(value);
  for (const key of keys) paths.push(...keyPaths(value[key], [...prefix, key], depth + 1));
  return paths;
}

function headerNames(event: Record<string, unknown>, layout: EventLayout): string[] {
  const names = new Set(['content-type', 'x-correlation-id', 'cookie', 'host']);
  for (const { key } of layout.headers) {
    const map = event[key];
    if (isObject(map)) for (const name of Object.keys(map)) names.add(name);
  }
  return [...names];
}

const swapCase = (text: string) =>
  [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/** An existing header name in another case: a duplicate a case-sensitive map keeps apart. */
function caseVariant(names: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...names), fc.constantFrom('upper', 'lower', 'swap'))
    .map(([name, how]) =>
      how === 'upper' ? name.toUpperCase() : how === 'lower' ? name.toLowerCase() : swapCase(name),
    );
}

const MANY_BYTES = 2_000_000;

/** `fc.record` of plain objects (counterexamples print without `__proto__:null`). */
function plain<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true }) as fc.Arbitrary<T>;
}

/** Every mutation of one base event, weighted towards the fields sources read. */
function mutation(event: Record<string, unknown>, layout: EventLayout): fc.Arbitrary<Mutation> {
  const path = fc.constantFrom(...keyPaths(event));
  const names = headerNames(event, layout);
  return fc.oneof(
    { weight: 3, arbitrary: plain({ op: fc.constant('drop' as const), path }) },
    {
      weight: 5,
      arbitrary: plain({ op: fc.constant('set' as const), path, value: wrongValue }),
    },
    {
      weight: 4,
      arbitrary: plain({
        op: fc.constant('header' as const),
        name: fc.oneof(hostileHeaderName, caseVariant(names)),
        value: fc.oneof({ weight: 4, arbitrary: hostileString }, wrongValue),
      }),
    },
    {
      weight: 2,
      arbitrary: plain({
        op: fc.constant('query' as const),
        name: queryName,
        value: fc.oneof({ weight: 3, arbitrary: hostileString }, wrongValue),
      }),
    },
    { weight: 2, arbitrary: plain({ op: fc.constant('cookie' as const), text: cookieText }) },
    { weight: 2, arbitrary: plain({ op: fc.constant('path' as const), value: pathValue }) },
    { weight: 1, arbitrary: plain({ op: fc.constant('method' as const), value: methodValue }) },
    {
      weight: 3,
      arbitrary: fc.record(
        {
          op: fc.constant('body' as const),
          body: bodyValue,
          encoding: fc.constantFrom<BodyEncoding>(
            'plain',
            'base64',
            'flag-only',
            'flag-wrong-type',
          ),
          contentType,
        },
        { requiredKeys: ['op', 'body', 'encoding'], noNullPrototype: true },
      ),
    },
    {
      weight: 1,
      arbitrary: plain({
        op: fc.constant('deep-json' as const),
        depth: fc.integer({ min: 100, max: 100_000 }),
      }),
    },
    {
      weight: 1,
      arbitrary: plain({
        op: fc.constant('graft' as const),
        path: fc.constantFrom<Path>(...IDENTIFYING_PATHS),
        value: graftValue,
      }),
    },
    {
      weight: 1,
      arbitrary: plain({
        op: fc.constant('many' as const),
        part: fc.constantFrom('headers' as const, 'query' as const, 'cookies' as const),
        count: fc.oneof(
          fc.integer({ min: 1, max: 300 }),
          fc.constantFrom(199, 200, 201, 1_000, 10_000),
        ),
        length: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 100, max: 70_000 })),
      })
        // At most ~2 MB in all: around the limits, not a memory test.
        .map((many) => ({
          ...many,
          length: Math.min(many.length, Math.floor(MANY_BYTES / many.count)),
        })),
    },
  );
}

/**
 * The fuzz cases of one kind of event: any of its bases, with zero to four mutations.
 *
 * @example
 * ```ts
 * fc.sample(fuzzCase(fuzzSources['alb-single']()), 1);
 * // [{ base: 'fixture:aws-lambda-rust-runtime/alb_health_check.json', mutations: [...] }]
 * ```
 */
export function fuzzCase(source: FuzzSource): fc.Arbitrary<FuzzCase> {
  const names = Object.keys(source.bases);
  return fc.constantFrom(...names).chain((base) =>
    plain({
      base: fc.constant(base),
      mutations: fc.array(mutation(source.bases[base] ?? {}, source.layout), { maxLength: 4 }),
    }),
  );
}
