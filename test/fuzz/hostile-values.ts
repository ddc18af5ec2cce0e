/**
 * Arbitraries of values of the wrong type for an event field: null, booleans, numbers, lists,
 * maps, strings, and JSON objects with prototype keys, as JSON.parse would produce them.
 */
import fc from 'fast-check';
import { Huge, hostileString, hostileText } from './hostile-strings.js';

/** JSON text parsed afresh each time it is used, so own `__proto__` keys stay own keys. */
export class JsonText {
  constructor(readonly text: string) {}

  [fc.toStringMethod](): string {
    return `JsonText(${this.text})`;
  }
}

/** A field value as a mutation carries it, before {@link materialise}. */
export type Value =
  | null
  | boolean
  | number
  | string
  | Huge
  | JsonText
  | readonly Value[]
  | { readonly [key: string]: Value };

/** The key a polluted `Object.prototype` would gain. */
export const POLLUTION_MARKER = 'gantryFuzzPolluted';

/** JSON documents that pollute `Object.prototype` when merged or assigned key by key. */
export const POLLUTING_JSON = [
  `{"__proto__":{"${POLLUTION_MARKER}":"yes"}}`,
  `{"constructor":{"prototype":{"${POLLUTION_MARKER}":"yes"}}}`,
  `{"__proto__":"x","constructor":"y","toString":"z","hasOwnProperty":1,"valueOf":[]}`,
  `{"__proto__":["${POLLUTION_MARKER}"],"prototype":{"${POLLUTION_MARKER}":1}}`,
] as const;

/** Any {@link POLLUTING_JSON} document. */
export const pollutingJson: fc.Arbitrary<JsonText> = fc
  .constantFrom(...POLLUTING_JSON)
  .map((text) => new JsonText(text));

const numbers = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1.5, 1e308, 2 ** 53, -0),
);

const leaf: fc.Arbitrary<Value> = fc.oneof(fc.constant(null), fc.boolean(), numbers, hostileText);

/** A value of any JSON type but (usually) not the one the field wants. */
export const wrongValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: numbers },
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.array(fc.oneof(hostileText, leaf), { maxLength: 3 }) },
  {
    weight: 2,
    arbitrary: fc.dictionary(hostileText, fc.oneof(leaf, fc.array(leaf, { maxLength: 2 })), {
      maxKeys: 3,
      noNullPrototype: true,
    }),
  },
  { weight: 1, arbitrary: pollutingJson },
);

/**
 * Turns a mutation's value into what goes into the event: huge strings spelled out, JSON text
 * parsed, every map copied with own keys only (an own `__proto__` stays an own key).
 *
 * @example
 * ```ts
 * materialise(new Huge('ab', 5)); // 'ababa'
 * Object.keys(materialise(new JsonText('{"__proto__":1}')) as object); // ['__proto__']
 * ```
 */
export function materialise(value: Value): unknown {
  if (value instanceof Huge) return value.text();
  if (value instanceof JsonText) return JSON.parse(value.text);
  if (Array.isArray(value)) return value.map(materialise);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value))
      defineOwn(copy, key, materialise((value as Record<string, Value>)[key] as Value));
    return copy;
  }
  return value;
}

/**
 * Sets an own, enumerable property, as JSON.parse does: `__proto__` becomes a key, never the
 * prototype.
 *
 * @example
 * ```ts
 * const headers = {};
 * defineOwn(headers, '__proto__', 'x');
 * Object.keys(headers); // ['__proto__']
 * ```
 */
export function defineOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
