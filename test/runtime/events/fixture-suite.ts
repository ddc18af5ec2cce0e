/**
 * The three tests every event fixture passes, captured or written in an emulator's shape: read
 * as the route should see it, answered in its source's format, and answered with two whole
 * cookies where that format carries them.
 */
import { describe, expect, it } from 'vitest';
import { answerKeys, plainHeadersOf, setCookiesOf } from './answer-format.js';
import { COOKIE_A, COOKIE_B, cookieSetter } from './cookie-setter.js';
import { bodyOf, echoHandler, echoOf, invoke } from './echo-handler.js';
import type { AnswerFormat } from './source-traits.js';

/** What a fixture must be read as, written by hand (never computed from the fixture). */
export interface FixtureExpectation {
  /** The behaviour the fixture proves, when the test name should say it. */
  proves?: string;
  source: 'apigw-v1' | 'apigw-v2' | 'alb' | 'function-url' | 'vpc-lattice';
  format: AnswerFormat;
  method: string;
  path: string;
  /** Every query value. */
  query: Record<string, string | string[]>;
  /** The headers that matter, lower-case names, exact values. */
  headers: Record<string, string>;
  /** Headers that must not be there. */
  absentHeaders?: string[];
  cookies: Record<string, string>;
  /** The body bytes, written as the text or bytes they are. */
  body: Buffer;
}

/** A body written as its UTF-8 text. */
export const text = (value: string): Buffer => Buffer.from(value, 'utf8');

/** No body. */
export const NO_BODY: Buffer = Buffer.alloc(0);

const echo = echoHandler();

/**
 * Defines the three tests for each fixture of `expected`, loading each with `load`.
 *
 * @example
 * ```ts
 * describeFixtures({ 'aws-lambda-go/apigw-request.json': { source: 'apigw-v1', ... } }, loadFixture);
 * ```
 */
export function describeFixtures(
  expected: Record<string, FixtureExpectation>,
  load: (name: string) => unknown,
): void {
  describe.each(Object.entries(expected))('%s', (name, want) => {
    const reads = want.proves ?? 'is read with every query value, headers, cookies and body bytes';
    it(`${reads}: ${want.source} ${want.method} ${want.path}`, async () => {
      // Act
      const result = await invoke(echo, load(name));

      // Assert
      const seen = echoOf(result);
      expect(seen.source).toBe(want.source);
      expect(seen.method).toBe(want.method);
      expect(seen.path).toBe(want.path);
      expect(seen.query).toEqual(want.query);
      expect(seen.headers).toMatchObject(want.headers);
      for (const header of want.absentHeaders ?? [])
        expect(seen.headers).not.toHaveProperty(header);
      for (const header of Object.keys(seen.headers)) expect(header).toBe(header.toLowerCase());
      expect(seen.cookies).toEqual(want.cookies);
      expect(bodyOf(seen).equals(want.body)).toBe(true);
    });

    it(`is answered 200 in the ${want.format} format`, async () => {
      // Act
      const result = await invoke(echo, load(name));

      // Assert
      expect(Object.keys(result).sort()).toEqual(answerKeys(want.format, false));
      expect(result.statusCode).toBe(200);
      expect(result.isBase64Encoded).toBe(false);
      expect(plainHeadersOf(result, want.format)).toEqual({ 'content-type': 'application/json' });
      if (want.format !== 'apigw-v1' && want.format !== 'payload-v2') {
        expect(result.statusDescription).toBe('200 OK');
      }
    });

    it(`is answered with two cookies, each whole, where the ${want.format} format carries them`, async () => {
      // Act
      const result = await invoke(cookieSetter, load(name));

      // Assert
      expect(result.statusCode).toBe(200);
      expect(Object.keys(result).sort()).toEqual(answerKeys(want.format, true));
      expect(setCookiesOf(result, want.format)).toEqual([COOKIE_A, COOKIE_B]);
      expect(plainHeadersOf(result, want.format)).toEqual({ 'content-type': 'application/json' });
    });
  });
}
