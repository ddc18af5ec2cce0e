/**
 * Reads a request body by its content type: JSON (`application/json`, `*+json`), forms, text,
 * and bytes for everything else.
 */
import { parseRawQuery } from '../events/query.js';
import { HttpError } from './http-error.js';

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;
const TEXT_TYPE = /^text\//i;

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
