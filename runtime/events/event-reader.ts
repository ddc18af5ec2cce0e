/**
 * Reads the fields of an event with their types checked where they are read: the first field
 * of the wrong type, or over a limit, becomes the request's problem (a 4xx naming it), and
 * reading goes on with a safe empty value, so translation never throws a TypeError.
 */
import { DEFAULT_LIMITS, type RequestLimits } from './limits.js';
import type { RequestProblem } from './types.js';

/** The characters of an HTTP token (RFC 9110, 5.6.2): method and header names. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The longest method accepted (WebDAV's longest is 16 characters). */
const MAX_METHOD_LENGTH = 32;

/** How a value of the wrong type is named in a message: `got null`, `got an array`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/**
 * A name (header, query key) as quoted in a message: at most 64 characters, JSON-escaped, so
 * neither a huge nor a control character reaches the answer or the log.
 */
export function quoteName(name: string): string {
  return JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name);
}

/**
 * One event being read. Create one per request; the `limits` are the handler's.
 *
 * @example
 * ```ts
 * const reader = new EventReader(DEFAULT_LIMITS);
 * reader.method(42, 'httpMethod'); // 'GET', the safe stand-in
 * reader.problem; // { status: 400, message: 'httpMethod must be a string, got a number' }
 * ```
 */
export class EventReader {
  /** The first problem found, if any. */
  problem: RequestProblem | undefined = undefined;
  readonly limits: RequestLimits;

  constructor(limits: RequestLimits = DEFAULT_LIMITS) {
    this.limits = limits;
  }

  /** Records a problem (only the first one is kept: it is what the client is told). */
  fail(status: RequestProblem['status'], message: string): void {
    this.problem ??= { status, message };
  }

  /** A 400 for a field of the wrong type. */
  wrongType(field: string, expected: string, value: unknown): void {
    this.fail(400, `${field} must be ${expected}, got ${describeValue(value)}`);
  }

  /** The method, upper case; a missing or malformed one is a 400 (and reads as `GET`). */
  method(value: unknown, field: string): string {
    if (typeof value !== 'string') {
      this.fail(
        400,
        value === undefined
          ? `${field} is missing: the event names no HTTP method`
          : `${field} must be a string, got ${describeValue(value)}`,
      );
      return 'GET';
    }
    if (value.length > MAX_METHOD_LENGTH || !TOKEN.test(value)) {
      this.fail(400, `${field} is not an HTTP method`);
      return 'GET';
    }
    return value.toUpperCase();
  }

  /** A required path: missing or null reads as `/`; another type is a 400; too long a 414. */
  path(value: unknown, field: string): string {
    if (value === undefined || value === null || value === '') return '/';
    if (typeof value !== 'string') {
      this.wrongType(field, 'a string', value);
      return '/';
    }
    if (value.length > this.limits.url) {
      this.fail(
        414,
        `The request path is ${value.length} characters; the limit is ${this.limits.url}`,
      );
      return '/';
    }
    return value;
  }

  /** An optional string (missing and null read as undefined); another type is a 400. */
  string(value: unknown, field: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.wrongType(field, 'a string', value);
    return undefined;
  }

  /** An optional flag (missing and null read as false); another type is a 400. */
  flag(value: unknown, field: string): boolean {
    if (value === undefined || value === null) return false;
    if (typeof value === 'boolean') return value;
    this.wrongType(field, 'true or false', value);
    return false;
  }

  /** An optional map (missing and null read as undefined); another type is a 400. */
  map(value: unknown, field: string): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    this.wrongType(field, 'an object', value);
    return undefined;
  }

  /** An optional list of strings (missing and null read as undefined); anything else is a 400. */
  strings(value: unknown, field: string): readonly string[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.wrongType(field, 'a list of strings', value);
      return undefined;
    }
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== 'string') {
        this.wrongType(`${field}[${i}]`, 'a string', value[i]);
        return undefined;
      }
    }
    return value as string[];
  }

  /** Checks the length of path plus query: over the limit is a 414. Says whether it is within. */
  urlLength(length: number): boolean {
    if (length <= this.limits.url) return true;
    this.fail(
      414,
      `The request path and query string are ${length} characters; the limit is ${this.limits.url}`,
    );
    return false;
  }

  /** Whether a name is an HTTP token (header names, methods). */
  isToken(name: string): boolean {
    return TOKEN.test(name);
  }
}
