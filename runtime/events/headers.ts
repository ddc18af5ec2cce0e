/**
 * Header rules shared by every source: lower-case names, repeated values joined with `, `.
 */

type Headers = Record<string, string>;

/** Lower-cases the names of a single-value header map. */
export function fromSingleHeaders(
  map: Record<string, string | undefined> | null | undefined,
): Headers {
  const headers: Headers = Object.create(null);
  if (!map) return headers;
  for (const name in map) {
    const value = map[name];
    if (value === undefined || value === null) continue;
    const key = name.toLowerCase();
    const seen = headers[key];
    // Two spellings of one name (`Accept`, `accept`) are one header with two values.
    headers[key] = seen === undefined ? String(value) : `${seen}, ${value}`;
  }
  return headers;
}

/** Lower-cases the names of a multi-value header map and joins each list with `, `. */
export function fromMultiHeaders(
  map: Record<string, string[] | undefined> | null | undefined,
): Headers {
  const headers: Headers = Object.create(null);
  if (!map) return headers;
  for (const name in map) {
    const values = map[name];
    if (!values || values.length === 0) continue;
    const key = name.toLowerCase();
    const joined = values.length === 1 ? String(values[0]) : values.join(', ');
    const seen = headers[key];
    headers[key] = seen === undefined ? joined : `${seen}, ${joined}`;
  }
  return headers;
}
