/**
 * The mutations do what they say, and build only events Lambda could deliver: JSON (own keys,
 * no named keys on lists, no holes, no undefined), never changing the base events.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventOf } from './apply-mutation.js';
import { fuzzCase } from './event-mutations.js';
import { type FuzzSourceName, fuzzSources } from './fuzz-sources.js';
import { Huge } from './hostile-strings.js';
import { JsonText } from './hostile-values.js';

/** Where a value is not what JSON.parse could return, or undefined. */
function notJson(value: unknown, at = 'event'): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${at} is ${value}`;
  if (typeof value !== 'object') return `${at} is ${typeof value}`;
  if (Array.isArray(value)) {
    const named = Object.keys(value).find((key) => !/^\d+$/.test(key));
    if (named !== undefined) return `${at} is a list with a key ${named}`;
    for (let index = 0; index < value.length; index++) {
      if (!(index in value)) return `${at}[${index}] is a hole`;
      const problem = notJson(value[index], `${at}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return `${at} is not a plain object`;
  for (const [key, item] of Object.entries(value)) {
    const problem = notJson(item, `${at}.${key}`);
    if (problem) return problem;
  }
  return undefined;
}

describe('event mutations', () => {
  const source = fuzzSources['apigw-v2']();

  it('adds a __proto__ header as an own key, as JSON.parse would', () => {
    const event = eventOf(source, {
      base: 'builder:get-item',
      mutations: [{ op: 'header', name: '__proto__', value: new JsonText('{"polluted":1}') }],
    }) as { headers: Record<string, unknown> };
    expect(Object.hasOwn(event.headers, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(event.headers)).toBe(Object.prototype);
  });

  it('drops keys, spells out huge strings and never changes the base event', () => {
    const event = eventOf(source, {
      base: 'builder:get-item',
      mutations: [
        { op: 'drop', path: ['requestContext', 'http'] },
        { op: 'path', value: new Huge('ab', 5) },
      ],
    }) as { rawPath: string; requestContext: Record<string, unknown> };
    expect(event.rawPath).toBe('ababa');
    expect(event.requestContext).not.toHaveProperty('http');
    expect(source.bases['builder:get-item']).toHaveProperty('requestContext.http');
  });

  it.each(Object.keys(fuzzSources) as FuzzSourceName[])(
    'builds only events JSON could carry, from %s bases',
    (name) => {
      const from = fuzzSources[name]();
      for (const fuzz of fc.sample(fuzzCase(from), { seed: 7, numRuns: 300 })) {
        expect(notJson(eventOf(from, fuzz)), fc.stringify(fuzz)).toBeUndefined();
      }
    },
  );
});
