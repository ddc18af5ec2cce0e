/** Whether a value is a non-null object: the first check every `detect` makes. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
