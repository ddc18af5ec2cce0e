/**
 * Reads a request body by its content type: JSON (`application/json`, `*+json`), forms, text,
 * and bytes for everything else.
 */
import { parseRawQuery } from '../events/query.js';
import { HttpError } from './http-error.js';

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;
const TEXT_TYPE = /^text\//i;

/** The media types a route with a `body` schema takes (JSON also as `*+json`). */
export const SCHEMA_BODY_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;

/**
 * Whether a body of this content type can be read into what a `body` schema checks: JSON
 * (`application/json`, `application/*+json`) or a form. A missing content type is read as JSON.
 *
 * @example
 * ```ts
 * isSchemaBodyType('application/problem+json'); // true
 * isSchemaBodyType('text/xml'); // false
 * ```
 */
export function isSchemaBodyType(contentType: string | undefined): boolean {
  return contentType === undefined || JSON_TYPE.test(contentType) || FORM_TYPE.test(contentType);
}

/**
 * The 415 for a body a route's schema cannot take, naming the types it does take.
 *
 * @example
 * ```ts
 * unsupportedMediaType('text/xml').message;
 * // 'Unsupported media type text/xml: this route takes application/json or application/x-www-form-urlencoded'
 * ```
 */
export function unsupportedMediaType(contentType: string): HttpError {
  const type = contentType.split(';', 1)[0]?.trim().slice(0, 100) ?? '';
  return new HttpError(
    415,
    `Unsupported media type ${type}: this route takes ${SCHEMA_BODY_TYPES.join(' or ')}`,
  );
}

/**
 * Parses a body. `expectJson` treats a body without a content type as JSON (a route with a
 * `body` schema); malformed JSON is a 400 with the parser's reason.
 *
 * @example
 * ```ts
 * parseBody(Buffer.from('{"a":1}'), 'application/json', false); // { a: 1 }
 * ```
 */
export function parseBody(
  raw: Buffer | undefined,
  contentType: string | undefined,
  expectJson: boolean,
): unknown {
  if (raw === undefined || raw.length === 0) return undefined;
  if (contentType === undefined ? expectJson : JSON_TYPE.test(contentType)) return parseJson(raw);
  if (contentType === undefined) return raw;
  if (FORM_TYPE.test(contentType)) return parseRawQuery(raw.toString('utf8'));
  if (TEXT_TYPE.test(contentType)) return raw.toString('utf8');
  return raw;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, `Malformed JSON body: ${(error as Error).message}`);
  }
}
