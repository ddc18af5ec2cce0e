/**
 * Arbitraries of the values a mutation writes into one kind of field: query names, cookies,
 * paths, methods and bodies, each with the malformed and hostile forms that field sees.
 */
import fc from 'fast-check';
import {
  BAD_BASE64,
  BAD_PERCENT,
  type Huge,
  hostileString,
  hostileText,
  hugeString,
  PROTOTYPE_KEYS,
} from './hostile-strings.js';
import { POLLUTING_JSON, POLLUTION_MARKER, type Value, wrongValue } from './hostile-values.js';

/** Query parameter names: prototype keys, bracket paths that merge into objects, bad encodings. */
export const queryName = fc.oneof(
  hostileText,
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom(
    `__proto__[${POLLUTION_MARKER}]`,
    `constructor[prototype][${POLLUTION_MARKER}]`,
    `__proto__.${POLLUTION_MARKER}`,
    'a[]',
    '',
    '%ZZ',
  ),
);

/** Cookie pairs: prototype names, pairs without a name or a value, bad encodings. */
export const cookieText = fc.oneof(
  hostileText,
  fc.constantFrom(
    '__proto__=x',
    `__proto__=${POLLUTION_MARKER}`,
    'constructor=y',
    'toString=1',
    'a',
    '=',
    '=b',
    ';;',
    'a=%ZZ',
    'a="b',
    'a=b=c',
  ),
);

/** Request paths: bad percent-encoding, relative and odd forms, huge ones. */
export const pathValue: fc.Arbitrary<string | Huge> = fc.oneof(
  fc.tuple(fc.constantFrom('/items/', '/', '/anything/', ''), hostileText).map(([a, b]) => a + b),
  fc.constantFrom(...BAD_PERCENT).map((bad) => `/items/${bad}`),
  fc.constantFrom('', '*', 'items/1', '//items//1', '/items/1?x=1#f', '/./../items', '/items/%2F'),
  hugeString,
  hostileString,
);

/** Methods: lower case, unknown, with spaces or CRLF, or not strings at all. */
export const methodValue: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom(
    'get',
    'HEAD',
    'OPTIONS',
    'PATCH',
    'TRACE',
    'CONNECT',
    'FOO',
    'G E T',
    '',
    'POST\r\n',
  ),
  fc.constantFrom(...PROTOTYPE_KEYS),
  wrongValue,
);

/** Bodies: polluting JSON, malformed JSON, form bodies, bad base64, wrong types. */
export const bodyValue: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom(
    ...POLLUTING_JSON,
    `{"name":"x",${POLLUTING_JSON[0].slice(1)}`,
    '{"name":"ok"}',
    '{"name":1}',
    '{"name":"x","name":"y"}',
    '{"name":"\\ud800"}',
    '{',
    '',
    'null',
    '[]',
    '"x"',
    `__proto__[${POLLUTION_MARKER}]=1&constructor[prototype][${POLLUTION_MARKER}]=1`,
  ),
  fc.constantFrom(...BAD_BASE64),
  hostileString,
  wrongValue,
);

/** Keys that identify a source, grafted onto another source's event (ambiguous events). */
export const IDENTIFYING_PATHS = [
  ['httpMethod'],
  ['version'],
  ['method'],
  ['raw_path'],
  ['path'],
  ['rawPath'],
  ['requestContext', 'elb'],
  ['requestContext', 'http'],
] as const;

/** Values a grafted identifying key takes: plausible ones first, then any wrong value. */
export const graftValue: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom<Value>(
    'GET',
    '2.0',
    '1.0',
    '/',
    {},
    { method: 'GET', path: '/' },
    { targetGroupArn: 'arn' },
  ),
  wrongValue,
);
