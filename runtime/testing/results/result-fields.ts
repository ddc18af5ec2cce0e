/**
 * Reads the fields of a handler's result with their types checked, as a service does: the first
 * field of the wrong type is an {@link InvalidResultError} naming it.
 */
import { describeValue } from '../../events/event-reader.js';
import { isObject } from '../../events/record.js';
import type { TestSource } from '../events.js';
import { InvalidResultError } from './invalid-result-error.js';

/** Standard base64, padded or not. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** One header line of an answer: its name as written and its value. */
export type HeaderLine = readonly [name: string, value: string];

/** The fields of one result object. */
export class ResultFields {
  readonly #source: TestSource;
  readonly #raw: unknown;
  readonly #fields: Record<string, unknown>;

  constructor(source: TestSource, raw: unknown, note = '') {
    this.#source = source;
    this.#raw = raw;
    if (!isObject(raw))
      this.fail(`the handler returned ${describeValue(raw)}, not an object${note}`);
    this.#fields = raw as Record<string, unknown>;
  }

  /** Reports the result as invalid. */
  fail(problem: string): never {
    throw new InvalidResultError(this.#source, problem, this.#raw);
  }

  /** Whether the result has a field (`null` counts as absent). */
  has(key: string): boolean {
    return this.#fields[key] !== undefined && this.#fields[key] !== null;
  }

  /** `statusCode`: an integer from 100 to 599. */
  statusCode(note = ''): number {
    const value = this.#fields.statusCode;
    if (value === undefined) this.fail(`statusCode is missing${note}`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 100 || value > 599) {
      this.fail(`statusCode must be an integer from 100 to 599, got ${show(value)}`);
    }
    return value;
  }

  /** An optional string field. */
  string(key: string): string | undefined {
    const value = this.#fields[key];
    if (value === undefined || value === null || typeof value === 'string') {
      return value ?? undefined;
    }
    return this.fail(`${key} must be a string, got ${describeValue(value)}`);
  }

  /** An optional map of header values (strings, numbers or booleans, which are sent as text). */
  headers(key: string): HeaderLine[] {
    return this.#entries(key).map(([name, value]) => [name, this.#scalar(`${key}.${name}`, value)]);
  }

  /** An optional map of lists of header values. */
  multiValueHeaders(key: string): HeaderLine[] {
    return this.#entries(key).flatMap(([name, values]) => {
      if (!Array.isArray(values)) {
        this.fail(`${key}.${name} must be a list, got ${describeValue(values)}`);
      }
      return values.map((value, index) => [name, this.#scalar(`${key}.${name}[${index}]`, value)]);
    });
  }

  /** An optional list of strings. */
  strings(key: string): string[] {
    const value = this.#fields[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value))
      this.fail(`${key} must be a list of strings, got ${describeValue(value)}`);
    return value.map((item, index) => {
      if (typeof item !== 'string') {
        this.fail(`${key}[${index}] must be a string, got ${describeValue(item)}`);
      }
      return item;
    });
  }

  /** `body` and `isBase64Encoded`. */
  body(): { bytes: Buffer; base64: boolean } {
    const flag = this.#fields.isBase64Encoded;
    if (flag !== undefined && flag !== null && typeof flag !== 'boolean') {
      this.fail(`isBase64Encoded must be true or false, got ${describeValue(flag)}`);
    }
    const body = this.#fields.body;
    if (body !== undefined && body !== null && typeof body !== 'string') {
      this.fail(`body must be a string (JSON-encode it), got ${describeValue(body)}`);
    }
    const text = body ?? '';
    if (flag !== true) return { bytes: Buffer.from(text, 'utf8'), base64: false };
    if (!BASE64.test(text) || text.length % 4 === 1) {
      this.fail('body is not valid base64, though isBase64Encoded is true');
    }
    return { bytes: Buffer.from(text, 'base64'), base64: true };
  }

  #entries(key: string): [string, unknown][] {
    const value = this.#fields[key];
    if (value === undefined || value === null) return [];
    if (!isObject(value)) this.fail(`${key} must be an object, got ${describeValue(value)}`);
    return Object.entries(value);
  }

  #scalar(field: string, value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.fail(`${field} must be a string, number or boolean, got ${describeValue(value)}`);
  }
}

/** A value as quoted in a message: short JSON for primitives, its kind for the rest. */
function show(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  return describeValue(value);
}
