/**
 * Reading a Lambda answer by its format: which keys it has, where its cookies are.
 */
import type { LambdaResult } from './echo-handler.js';
import type { AnswerFormat } from './source-traits.js';

const BASE = ['body', 'isBase64Encoded', 'statusCode'];

/** The exact top-level keys of an answer in `format`, sorted. */
export function answerKeys(format: AnswerFormat, withCookies: boolean): string[] {
  const keys: Record<AnswerFormat, string[]> = {
    'apigw-v1': [...BASE, 'headers', ...(withCookies ? ['multiValueHeaders'] : [])],
    'payload-v2': [...BASE, 'headers', ...(withCookies ? ['cookies'] : [])],
    'alb-single': [...BASE, 'headers', 'statusDescription'],
    'alb-multi': [...BASE, 'multiValueHeaders', 'statusDescription'],
    'vpc-lattice': [...BASE, 'headers', 'statusDescription'],
  };
  return keys[format].sort();
}

const isSetCookie = (name: string) => name.toLowerCase() === 'set-cookie';

/** The `Set-Cookie` values of an answer, read from where its format puts them. */
export function setCookiesOf(result: LambdaResult, format: AnswerFormat): string[] {
  if (format === 'payload-v2') return result.cookies ?? [];
  if (format === 'apigw-v1' || format === 'alb-multi') {
    return result.multiValueHeaders?.['set-cookie'] ?? [];
  }
  return Object.entries(result.headers ?? {})
    .filter(([name]) => isSetCookie(name))
    .map(([, value]) => value);
}

/**
 * The answer's headers but `set-cookie`, as one value per name (a multi-value answer must hold
 * exactly one value per name: Gantry never has more).
 */
export function plainHeadersOf(
  result: LambdaResult,
  format: AnswerFormat,
): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  if (format === 'alb-multi') {
    for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
      if (!isSetCookie(name)) headers[name] = values.length === 1 ? values[0] : values;
    }
    return headers;
  }
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    if (!isSetCookie(name)) headers[name] = value;
  }
  return headers;
}
