/**
 * Query-string rules shared by every source. A repeated key keeps every value, in order.
 */
import { parse, unescape as unescapeQuery } from 'node:querystring';
import type { Query } from './types.js';

/**
 * Parses a raw, still-encoded query string (`a=1&a=2&b=x+y`). `+` is a space; malformed
 * percent-encoding is kept as written rather than failing the request.
 */
export function parseRawQuery(raw: string | undefined | null): Query {
  if (!raw) return emptyQuery();
  return parse(raw, '&', '=', { maxKeys: 0 }) as Query;
}

/** Decodes one still-encoded query key or value (`+` is a space). */
export function decodeQueryComponent(value: string): string {
  if (!value.includes('%') && !value.includes('+')) return value;
  return unescapeQuery(value.replace(/\+/g, ' '));
}

/**
 * Builds a query from a map of single values (`queryStringParameters`), decoding when the
 * source sends them still encoded (ALB).
 */
export function fromSingleValues(
  map: Record<string, string | undefined> | null | undefined,
  encoded: boolean,
): Query {
  if (!map) return emptyQuery();
  const query: Query = Object.create(null);
  for (const key in map) {
    const value = map[key];
    if (value === undefined) continue;
    query[encoded ? decodeQueryComponent(key) : key] = encoded
      ? decodeQueryComponent(value)
      : value;
  }
  return query;
}

/**
 * Builds a query from a map of value lists (`multiValueQueryStringParameters`); one value
 * stays a string, several become an array.
 */
export function fromMultiValues(
  map: Record<string, string[] | undefined> | null | undefined,
  encoded: boolean,
): Query {
  if (!map) return emptyQuery();
  const query: Query = Object.create(null);
  for (const key in map) {
    const values = map[key];
    if (!values || values.length === 0) continue;
    const decoded = encoded ? values.map(decodeQueryComponent) : values;
    query[encoded ? decodeQueryComponent(key) : key] =
      decoded.length === 1 ? (decoded[0] as string) : [...decoded];
  }
  return query;
}

/** A fresh, empty query object (null prototype, so `__proto__` is just a key). */
export function emptyQuery(): Query {
  return Object.create(null);
}
