/**
 * Thrown when an event matches no event source. Names the keys seen (never their values, which
 * may hold secrets) so the log says what invoked the function.
 *
 * @example
 * ```ts
 * try { detectSource({ Records: [] }, sources); }
 * catch (error) { if (error instanceof UnsupportedEventError) console.log(error.keys); } // ['Records']
 * ```
 */
export class UnsupportedEventError extends Error {
  override readonly name = 'UnsupportedEventError';
  /** Top-level keys of the event (at most 20). */
  readonly keys: string[];

  constructor(event: unknown) {
    // An array's keys are indexes, which say nothing: it is described by its type.
    const keys = isKeyed(event) ? Object.keys(event).slice(0, 20) : [];
    const seen = keys.length > 0 ? `keys seen: ${keys.join(', ')}` : `got ${describe(event)}`;
    super(
      `Unsupported event: not an HTTP event from API Gateway (REST or HTTP API), an ALB, a Function URL or VPC Lattice (${seen}). Pass a custom source in createHandler({ sources }) to accept it.`,
    );
    this.keys = keys;
  }
}

function isKeyed(event: unknown): event is object {
  return typeof event === 'object' && event !== null && !Array.isArray(event);
}

function describe(event: unknown): string {
  if (event === null || event === undefined) return String(event);
  if (Array.isArray(event)) return 'an array';
  if (typeof event === 'object') return 'an empty object';
  return `a ${typeof event}`;
}
