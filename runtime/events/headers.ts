/**
 * Header rules shared by every source: lower-case names, repeated values joined with `, `
 * (`cookie` with `; `, the one separator its pairs allow).
 */

type Headers = Record<string, string>;

/** `, ` joins repeated values; `cookie` pairs are joined with `; ` (RFC 9113, 8.2.3). */
function separatorOf(name: string): string {
  return name === 'cookie' ? '; ' : ', ';
}

/** Lower-cases the names of a single-value header map. */
export function fromSingleHeaders(
  map: Record<string, string | undefined> | null | undefined,
): Headers {
  if (map && isLowerCaseStrings(map)) {
    // HTTP API and Function URLs send lower-case names: a shallow copy (never the event's own
    // object) is three times faster than rebuilding it name by name.
    const copy: Headers = { ...map } as Headers;
    Object.setPrototypeOf(copy, null);
    return copy;
  }
  const headers: Headers = Object.create(null);
  if (!map) return headers;
  for (const name in map) {
    const value = map[name];
    if (value === undefined || value === null) continue;
    const key = name.toLowerCase();
    const seen = headers[key];
    // Two spellings of one name (`Accept`, `accept`) are one header with two values.
    headers[key] = seen === undefined ? String(value) : `${seen}${separatorOf(key)}${value}`;
  }
  return headers;
}

/** Lower-cases the names of a multi-value header map and joins each list (`, `; `cookie`: `; `). */
export function fromMultiHeaders(
  map: Record<string, string[] | undefined> | null | undefined,
): Headers {
  const headers: Headers = Object.create(null);
  if (!map) return headers;
  for (const name in map) {
    const values = map[name];
    if (!values || values.length === 0) continue;
    const key = name.toLowerCase();
    const separator = separatorOf(key);
    const joined = values.length === 1 ? String(values[0]) : values.join(separator);
    const seen = headers[key];
    headers[key] = seen === undefined ? joined : `${seen}${separator}${joined}`;
  }
  return headers;
}

/** Whether every name is already lower case and every value a string. */
function isLowerCaseStrings(map: Record<string, string | undefined>): boolean {
  for (const name in map) {
    if (typeof map[name] !== 'string' || name.toLowerCase() !== name) return false;
  }
  return true;
}
