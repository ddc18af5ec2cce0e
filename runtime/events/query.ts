/**
 * Query-string rules shared by every source. A repeated key keeps every value, in order.
 */
import { parse, unescape as unescapeQuery } from 'node:querystring';
import { type EventReader, quoteName } from './event-reader.js';
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

/** A query read from an event's maps, and its length as a query string would spell it. */
export interface ReadQuery {
  query: Query;
  /** Characters of `key=value&...`, for the URL length limit. */
  length: number;
}

/**
 * Reads a query from a map of single values (`queryStringParameters`), a map of value lists
 * (`multiValueQueryStringParameters`), or both (the union: the list wins on a shared key, since
 * the single map keeps only the last of repeated values). One value stays a string, several
 * become an array. `encoded`: the source sends keys and values still URL-encoded (ALB).
 * Values of the wrong type are the reader's problem (a 400 naming them).
 *
 * @example
 * ```ts
 * readQueryMaps(new EventReader(), { tag: 'b', q: 'x' }, { tag: ['a', 'b'] }, false, 'qs', 'mvqs').query;
 * // { tag: ['a', 'b'], q: 'x' }
 * ```
 */
export function readQueryMaps(
  reader: EventReader,
  single: unknown,
  multi: unknown,
  encoded: boolean,
  singleField: string,
  multiField: string,
): ReadQuery {
  const query: Query = Object.create(null);
  const limit = reader.limits.url;
  let length = 0;
  const multiMap = reader.map(multi, multiField);
  const singleMap = reader.map(single, singleField);
  if (multiMap) {
    for (const key in multiMap) {
      const values = multiMap[key];
      if (values === undefined) continue;
      if (!isStringList(values)) {
        wrongList(reader, `${multiField}[${quoteName(key)}]`, values);
        continue;
      }
      if (values.length === 0) continue;
      for (const value of values) length += key.length + value.length + 2;
      // Over the URL limit the request is a 414: nothing more is decoded.
      if (length > limit) continue;
      const decoded = encoded ? values.map(decodeQueryComponent) : values;
      query[encoded ? decodeQueryComponent(key) : key] =
        decoded.length === 1 ? (decoded[0] as string) : [...decoded];
    }
  }
  if (singleMap) {
    for (const key in singleMap) {
      const value = singleMap[key];
      if (value === undefined) continue;
      if (typeof value !== 'string') {
        reader.wrongType(`${singleField}[${quoteName(key)}]`, 'a string', value);
        continue;
      }
      if (length + key.length > limit) {
        length += key.length + value.length + 2;
        continue;
      }
      const name = encoded ? decodeQueryComponent(key) : key;
      // The multi-value map is the whole truth for the keys it has.
      if (multiMap !== undefined && name in query) continue;
      length += key.length + value.length + 2;
      // Over the URL limit the request is a 414: nothing more is decoded.
      if (length > limit) continue;
      query[name] = encoded ? decodeQueryComponent(value) : value;
    }
  }
  return { query, length };
}

/** The problem with a value that is not a list of strings: the list, or its first bad item. */
function wrongList(reader: EventReader, field: string, value: unknown): void {
  if (!Array.isArray(value)) {
    reader.wrongType(field, 'a list of strings', value);
    return;
  }
  const index = value.findIndex((item) => typeof item !== 'string');
  reader.wrongType(`${field}[${index}]`, 'a string', value[index]);
}

function isStringList(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}

/** A fresh, empty query object (null prototype, so `__proto__` is just a key). */
export function emptyQuery(): Query {
  return Object.create(null);
}
