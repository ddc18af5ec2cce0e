/**
 * Header rules shared by every source: lower-case names, repeated values joined with `, `
 * (`cookie` with `; `, the one separator its pairs allow); names must be HTTP tokens and values
 * strings without CR, LF or NUL; the count and size limits hold (431).
 */
import { describeValue, type EventReader, quoteName } from './event-reader.js';

type Headers = Record<string, string>;

/** CR, LF and NUL never appear in a header value (RFC 9110, 5.5). */
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

/**
 * Header names seen before, each to its lower-case key: clients send the same few dozen names,
 * so most requests check none with a regex and lower-case none. Only valid names are kept,
 * and at most {@link KNOWN_NAMES_MAX} of them (pure facts, shared safely by concurrent requests).
 */
const knownNames = new Map<string, string>();
const KNOWN_NAMES_MAX = 1024;

/** The lower-case key of a header name, or undefined when the name is not an HTTP token. */
function keyOf(reader: EventReader, name: string): string | undefined {
  const known = knownNames.get(name);
  if (known !== undefined) return known;
  if (!reader.isToken(name)) return undefined;
  const key = name.toLowerCase();
  if (knownNames.size < KNOWN_NAMES_MAX) knownNames.set(name, key);
  return key;
}

/** `, ` joins repeated values; `cookie` pairs are joined with `; ` (RFC 9113, 8.2.3). */
function separatorOf(name: string): string {
  return name === 'cookie' ? '; ' : ', ';
}

/** Running totals of one request's header fields, for the 431 limits. */
class HeaderTally {
  count = 0;
  size = 0;
}

/**
 * Reads a request's headers from a single-value map, a multi-value map, or both (the union:
 * where both carry a name, the multi-value map wins, since the single-value map keeps only the
 * last of repeated values). Problems go to the reader; the map read so far is returned.
 *
 * @example
 * ```ts
 * const reader = new EventReader();
 * readHeaders(reader, { Host: 'a', Accept: 'x' }, { accept: ['x', 'y'] }, 'headers', 'multiValueHeaders');
 * // { accept: 'x, y', host: 'a' }
 * ```
 */
export function readHeaders(
  reader: EventReader,
  single: unknown,
  multi: unknown,
  singleField: string,
  multiField: string,
): Headers {
  const headers: Headers = Object.create(null);
  const tally = new HeaderTally();
  const multiMap = reader.map(multi, multiField);
  const singleMap = reader.map(single, singleField);
  if (multiMap) readMulti(reader, multiMap, multiField, headers, tally);
  if (singleMap) readSingle(reader, singleMap, singleField, headers, tally, multiMap);
  const { limits } = reader;
  if (tally.count > limits.headerCount) {
    reader.fail(
      431,
      `The request has ${tally.count} header fields; the limit is ${limits.headerCount}`,
    );
  } else if (tally.size > limits.headerSize) {
    reader.fail(
      431,
      `The request headers are ${tally.size} characters; the limit is ${limits.headerSize}`,
    );
  }
  return headers;
}

function readSingle(
  reader: EventReader,
  map: Record<string, unknown>,
  field: string,
  headers: Headers,
  tally: HeaderTally,
  multiMap: Record<string, unknown> | undefined,
): void {
  // With a multi-value map read first, a name already in `headers` came from it (and wins),
  // unless this loop put it there (a second spelling of one name: joined).
  let added: string[] | undefined;
  for (const name in map) {
    // The common case (API Gateway's two maps spell each name alike) costs one lookup.
    if (multiMap !== undefined && hasValues(multiMap[name])) continue;
    const value = map[name];
    if (value === undefined) continue;
    const key = keyOf(reader, name);
    if (key === undefined) {
      badName(reader, name);
      continue;
    }
    const seen = headers[key];
    if (seen !== undefined && multiMap !== undefined && !added?.includes(key)) continue;
    if (!checkValue(reader, name, value, field, -1, tally)) continue;
    if (seen === undefined) {
      headers[key] = value as string;
      if (multiMap !== undefined) {
        added ??= [];
        added.push(key);
      }
    } else {
      // Two spellings of one name (`Accept`, `accept`) are one header with two values.
      headers[key] = `${seen}${separatorOf(key)}${value}`;
    }
  }
}

/** Whether a multi-value entry holds values (an empty list is no header). */
function hasValues(values: unknown): boolean {
  return Array.isArray(values) && values.length > 0;
}

function readMulti(
  reader: EventReader,
  map: Record<string, unknown>,
  field: string,
  headers: Headers,
  tally: HeaderTally,
): void {
  for (const name in map) {
    const values = map[name];
    if (values === undefined) continue;
    if (!Array.isArray(values)) {
      reader.wrongType(fieldName(field, name, -1), 'a list of strings', values);
      continue;
    }
    if (values.length === 0) continue;
    const key = keyOf(reader, name);
    if (key === undefined) {
      badName(reader, name);
      continue;
    }
    const separator = separatorOf(key);
    let joined: string | undefined;
    for (let i = 0; i < values.length; i++) {
      const value: unknown = values[i];
      if (!checkValue(reader, name, value, field, i, tally)) continue;
      joined = joined === undefined ? (value as string) : `${joined}${separator}${value}`;
    }
    if (joined === undefined) continue;
    const seen = headers[key];
    headers[key] = seen === undefined ? joined : `${seen}${separator}${joined}`;
  }
}

/** `headers["x-a"]`, or `multiValueHeaders["x-a"][1]`: built only for a message. */
function fieldName(field: string, name: string, index: number): string {
  return index < 0 ? `${field}[${quoteName(name)}]` : `${field}[${quoteName(name)}][${index}]`;
}

function badName(reader: EventReader, name: string): void {
  reader.fail(400, `Header name ${quoteName(name)} is not a valid HTTP header name`);
}

/** Checks one header value (`index` in its list, or -1); counts it; says whether to keep it. */
function checkValue(
  reader: EventReader,
  name: string,
  value: unknown,
  field: string,
  index: number,
  tally: HeaderTally,
): boolean {
  if (typeof value !== 'string') {
    reader.fail(
      400,
      `${fieldName(field, name, index)} must be a string, got ${describeValue(value)}`,
    );
    return false;
  }
  tally.count++;
  tally.size += name.length + value.length;
  if (FORBIDDEN_IN_VALUE.test(value)) {
    reader.fail(400, `Header ${quoteName(name)} has a CR, LF or NUL character in its value`);
    return false;
  }
  return true;
}
