/**
 * Arbitraries of the strings a hostile or broken client sends: unicode, control characters,
 * malformed percent-encoding, invalid base64, prototype keys, and huge texts.
 */
import fc from 'fast-check';
import { isLeakFree } from './leaks.js';

/** A long string, generated as a unit repeated to a length, printed short in counterexamples. */
export class Huge {
  constructor(
    readonly unit: string,
    readonly length: number,
  ) {}

  /** The string itself. */
  text(): string {
    const unit = this.unit === '' ? 'x' : this.unit;
    return unit.repeat(Math.ceil(this.length / unit.length)).slice(0, this.length);
  }

  [fc.toStringMethod](): string {
    return `Huge(${JSON.stringify(this.unit)} to ${this.length})`;
  }
}

/** Keys that reach `Object.prototype` when a parser assigns them naively. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
] as const;

/** Percent-encodings `decodeURIComponent` refuses, and encodings that decode to separators. */
export const BAD_PERCENT = [
  '%',
  '%%',
  '%G0',
  '%2',
  '%E2%82',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '%u0041',
  '%00',
  '%2F',
  '%252F',
  '%0D%0A',
] as const;

/** Bodies that are not base64, sent with the base64 flag set. */
export const BAD_BASE64 = [
  '***',
  'a',
  'ab=c',
  '====',
  'Zm9v!',
  'Zm9v\nYmFy',
  '%%%',
  'été',
  '\u0000',
];

const CONTROL = ['\r', '\n', '\r\n', '\0', '\t', '\x7f', '\x1b', ' ', '\u2028', '\ufeff'];

/** Lone surrogates: valid in a JSON-parsed string, not encodable as UTF-8. */
const LONE_SURROGATES = ['\ud800', '\udfff', 'a\udc00b'];

const pieces = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_PERCENT) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('=', '&', ';', ',', '/', '?', '#', '"', '+', '[', ']') },
);

/** Lengths at and around the limits Gantry enforces (URL 414, headers 431, body 413). */
const HUGE_LENGTHS = fc.oneof(
  fc.integer({ min: 200, max: 20_000 }),
  fc.constantFrom(8_192, 8_193, 10_240, 16_385, 65_537, 1_048_576, 1_048_577, 2_000_000),
);

/** A huge string: a short unit (maybe unicode or control characters) repeated. */
export const hugeString: fc.Arbitrary<Huge> = fc
  .record({ unit: fc.oneof(fc.constant('a'), pieces), length: HUGE_LENGTHS })
  .filter(({ unit }) => isLeakFree(unit))
  .map(({ unit, length }) => new Huge(unit, length));

/** A short hostile string, free of what the leak check looks for. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(pieces, { minLength: 0, maxLength: 4 })
  .map((parts) => parts.join(''))
  .filter(isLeakFree);

/** A hostile string or a huge one. */
export const hostileString: fc.Arbitrary<string | Huge> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 1, arbitrary: hugeString },
);

/** Header names a client (or a broken proxy) may send: spaces, controls, case, prototype keys. */
export const hostileHeaderName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Content-Type',
    'CONTENT-TYPE',
    'X-Correlation-Id',
    'x-correlation-id',
    'X-Request-Id',
    'Cookie',
    'Host',
    'Content-Length',
    'Transfer-Encoding',
    'Content-Encoding',
    'Authorization',
    'Set-Cookie',
    'Accept',
    'bad name',
    ' leading',
    'trailing ',
    'new\nline',
    'cr\rname',
    'nul\0name',
    'tab\tname',
    '',
    ':authority',
    'x-ünïcode',
  ),
  fc.constantFrom(...PROTOTYPE_KEYS),
  hostileText,
);

/** Content types, valid and not, that choose how a body is parsed. */
export const contentType: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=utf-16',
    'APPLICATION/JSON',
    'application/vnd.api+json',
    'application/x-www-form-urlencoded',
    'text/plain',
    'text/html; charset=latin1',
    'multipart/form-data; boundary=x',
    'application/octet-stream',
    'idk',
    '',
    ';',
    'application/json, text/plain',
  ),
  hostileText,
);
