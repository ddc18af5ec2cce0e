/**
 * Whether an answer is a valid Lambda result for a source: the keys, types and values API
 * Gateway, ALB, Function URLs and VPC Lattice accept.
 */
import { albMode, type ResultFormat } from './detected-format.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Header values: no CR, LF or NUL (header injection), as every proxy requires. */
const SAFE_VALUE = /^[^\r\n\0]*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const ALLOWED: Record<ResultFormat, readonly string[]> = {
  'apigw-v1': ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'],
  'payload-v2': ['statusCode', 'headers', 'cookies', 'body', 'isBase64Encoded'],
  alb: [
    'statusCode',
    'statusDescription',
    'headers',
    'multiValueHeaders',
    'body',
    'isBase64Encoded',
  ],
  'vpc-lattice': ['statusCode', 'statusDescription', 'headers', 'body', 'isBase64Encoded'],
};

function headerProblems(headers: unknown, where: string): string[] {
  if (!isRecord(headers)) return [`${where} is not a map`];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) problems.push(`${where} name ${JSON.stringify(name)} is not a token`);
    const values = where === 'multiValueHeaders' ? value : [value];
    if (!Array.isArray(values) || values.length === 0) {
      problems.push(`${where}.${name} is not a non-empty list`);
      continue;
    }
    for (const item of values) {
      if (typeof item !== 'string') problems.push(`${where}.${name} holds a ${typeof item}`);
      else if (!SAFE_VALUE.test(item)) problems.push(`${where}.${name} holds CR, LF or NUL`);
    }
  }
  return problems;
}

function formatProblems(
  result: Record<string, unknown>,
  format: ResultFormat,
  event: unknown,
): string[] {
  const problems: string[] = [];
  const extra = Object.keys(result).filter((key) => !ALLOWED[format].includes(key));
  if (extra.length) problems.push(`unexpected keys ${extra.join(', ')}`);
  const hasSingle = result.headers !== undefined;
  const hasMulti = result.multiValueHeaders !== undefined;
  if (format === 'alb') {
    if (hasSingle === hasMulti)
      problems.push('an ALB answer needs exactly one of headers/multiValueHeaders');
    const mode = albMode(event);
    if (mode === 'single' && !hasSingle)
      problems.push('a single-value ALB event answered in multi-value mode');
    if (mode === 'multi' && !hasMulti)
      problems.push('a multi-value ALB event answered in single-value mode');
  } else if (!hasSingle) problems.push('no headers');
  if (format === 'alb' || (format === 'vpc-lattice' && result.statusDescription !== undefined)) {
    const description = result.statusDescription;
    if (
      typeof description !== 'string' ||
      !description.startsWith(`${String(result.statusCode)} `)
    ) {
      problems.push(
        `statusDescription ${JSON.stringify(description)} does not start with the status`,
      );
    }
  }
  if (result.cookies !== undefined) {
    if (
      !Array.isArray(result.cookies) ||
      result.cookies.some((cookie) => typeof cookie !== 'string')
    ) {
      problems.push('cookies is not a list of strings');
    }
  }
  return problems;
}

/**
 * What makes `result` an invalid answer in `format` (an empty list: it is valid). `event` is the
 * request, for the ALB header mode.
 *
 * @example
 * ```ts
 * resultProblems({ statusCode: 200, headers: {}, body: '', isBase64Encoded: false }, 'payload-v2', event); // []
 * ```
 */
export function resultProblems(result: unknown, format: ResultFormat, event: unknown): string[] {
  if (!isRecord(result))
    return [`the answer is ${result === null ? 'null' : typeof result}, not an object`];
  const problems: string[] = [];
  const { statusCode, body, isBase64Encoded } = result;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    problems.push(`statusCode ${JSON.stringify(statusCode)} is not an integer 100-599`);
  }
  if (typeof body !== 'string') problems.push(`body is ${typeof body}, not a string`);
  if (typeof isBase64Encoded !== 'boolean') problems.push('isBase64Encoded is not a boolean');
  if (isBase64Encoded === true && typeof body === 'string' && !BASE64.test(body)) {
    problems.push('isBase64Encoded but the body is not base64');
  }
  if ((statusCode === 204 || statusCode === 304) && body !== '')
    problems.push(`a ${statusCode} with a body`);
  if (result.headers !== undefined) problems.push(...headerProblems(result.headers, 'headers'));
  if (result.multiValueHeaders !== undefined) {
    problems.push(...headerProblems(result.multiValueHeaders, 'multiValueHeaders'));
  }
  problems.push(...formatProblems(result, format, event));
  return problems;
}

/**
 * The values of a header in an answer, from `headers` and `multiValueHeaders`, any case of name.
 *
 * @example
 * ```ts
 * headerValues({ headers: { 'X-Correlation-Id': 'a' } }, 'x-correlation-id'); // ['a']
 * ```
 */
export function headerValues(result: unknown, name: string): string[] {
  if (!isRecord(result)) return [];
  const values: string[] = [];
  for (const key of ['headers', 'multiValueHeaders'] as const) {
    const map = result[key];
    if (!isRecord(map)) continue;
    for (const [header, value] of Object.entries(map)) {
      if (header.toLowerCase() !== name) continue;
      for (const item of Array.isArray(value) ? value : [value]) values.push(String(item));
    }
  }
  return values;
}
