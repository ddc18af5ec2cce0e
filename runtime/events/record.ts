/** Whether a value is a non-null object: the first check every `detect` makes. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whether a value is a non-null object that is not a list: what a nested map must be. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && !Array.isArray(value);
}

/**
 * The request id of a `requestContext`, when it is a string: anything else (a number, null, an
 * object from a hand-built event) is no id, and the correlation id becomes a new UUID.
 */
export function requestIdOf(context: unknown): string | undefined {
  if (!isRecord(context)) return undefined;
  const id = context.requestId;
  return typeof id === 'string' ? id : undefined;
}
