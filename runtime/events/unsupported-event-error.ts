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
    const keys = typeof event === 'object' && event !== null ? Object.keys(event).slice(0, 20) : [];
    const seen = keys.length > 0 ? `keys seen: ${keys.join(', ')}` : `got ${describe(event)}`;
    super(
      `Unsupported event: not an HTTP event from API Gateway (REST or HTTP API), an ALB, a Function URL or VPC Lattice (${seen}). Pass a custom source in createHandler({ sources }) to accept it.`,
    );
    this.keys = keys;
  }
}

function describe(event: unknown): string {
  if (event === null) return 'null';
  if (Array.isArray(event)) return 'an array';
  return `a ${typeof event}`;
}
