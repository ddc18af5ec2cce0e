/**
 * The fuzz properties themselves can fail: each check refuses a hand-made bad outcome and
 * accepts a good one.
 */
import { UnsupportedEventError } from 'gantry';
import { describe, expect, it } from 'vitest';
import { detectedFormats } from './detected-format.js';
import type { Outcome } from './invoke-case.js';
import {
  checkAnsweredOrUnsupported,
  checkNoLeak,
  checkNoServerError,
  checkObserved,
  checkResultFormat,
} from './properties.js';
import { prototypeGuard } from './prototype-guard.js';

const V2_EVENT = { version: '2.0', rawPath: '/', requestContext: { http: { method: 'GET' } } };

function outcome(fields: Partial<Outcome>): Outcome {
  return {
    event: V2_EVENT,
    formats: ['payload-v2'],
    answered: true,
    answer: {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'c-1' },
      body: '{}',
      isBase64Encoded: false,
    },
    error: undefined,
    documents: [
      { level: 'INFO', message: 'request completed', correlation_id: 'c-1' },
      { _aws: {}, Requests: 1, correlation_id: 'c-1' },
    ],
    prototypeChanges: [],
    ms: 1,
    ...fields,
  };
}

describe('detectedFormats', () => {
  it.each([
    [{ httpMethod: 'GET' }, ['apigw-v1']],
    [{ httpMethod: 'GET', requestContext: { elb: {} } }, ['alb']],
    // An elb that is not an object is no ALB's: the httpMethod then says REST v1.
    [{ httpMethod: 'GET', requestContext: { elb: 'x' } }, ['apigw-v1']],
    [V2_EVENT, ['payload-v2']],
    [{ version: '2.0', path: '/', requestContext: {} }, ['vpc-lattice']],
    [{ method: 'GET', raw_path: '/' }, ['vpc-lattice']],
    [{ Records: [] }, []],
    [null, []],
  ])('calls %j an event of %j', (event, formats) => {
    expect(detectedFormats(event)).toEqual(formats);
  });
});

describe('the fuzz checks', () => {
  it('accepts a valid, observed 200 answer', () => {
    const good = outcome({});
    for (const check of [
      checkAnsweredOrUnsupported,
      checkResultFormat,
      checkNoServerError,
      checkNoLeak,
      checkObserved,
    ]) {
      expect(() => check(good)).not.toThrow();
    }
  });

  it('refuses a rejected detected event, and an undetected one rejected with a TypeError', () => {
    const rejected = { answered: false, answer: undefined, error: new TypeError('x') };
    expect(() => checkAnsweredOrUnsupported(outcome(rejected))).toThrow(
      /detected payload-v2 event/,
    );
    expect(() => checkAnsweredOrUnsupported(outcome({ ...rejected, formats: [] }))).toThrow(
      /not UnsupportedEventError/,
    );
    const unsupported = { ...rejected, formats: [], error: new UnsupportedEventError({}) };
    expect(() => checkAnsweredOrUnsupported(outcome(unsupported))).not.toThrow();
  });

  it('refuses an answer with a number header, an ALB answer with both header maps, and a HEAD body', () => {
    const answer = { statusCode: 200, headers: { a: 1 }, body: '', isBase64Encoded: false };
    expect(() => checkResultFormat(outcome({ answer }))).toThrow(/headers.a holds a number/);
    const alb = {
      statusCode: 200,
      statusDescription: '200 OK',
      headers: {},
      multiValueHeaders: {},
      body: '',
      isBase64Encoded: false,
    };
    expect(() => checkResultFormat(outcome({ formats: ['alb'], answer: alb }))).toThrow(
      /exactly one/,
    );
    const head = { version: '2.0', rawPath: '/', requestContext: { http: { method: 'HEAD' } } };
    expect(() => checkResultFormat(outcome({ event: head }))).toThrow(/HEAD answer with a body/);
  });

  it('refuses a 5xx and a body quoting a stack trace or an error class, base64 or not', () => {
    const answer = (body: string, isBase64Encoded = false) => ({
      statusCode: 400,
      headers: {},
      body,
      isBase64Encoded,
    });
    expect(() =>
      checkNoServerError(outcome({ answer: { ...answer(''), statusCode: 502 } })),
    ).toThrow(/answered 502/);
    expect(() => checkNoLeak(outcome({ answer: answer('TypeError: x') }))).toThrow(/error class/);
    const stack = Buffer.from('at parse (/work/main/runtime/x.ts:1:2)').toString('base64');
    expect(() => checkNoLeak(outcome({ answer: answer(stack, true) }))).toThrow(/stack frame/);
  });

  it('refuses two access lines and an EMF document with another correlation id', () => {
    const [access, emf] = outcome({}).documents;
    expect(() =>
      checkObserved(outcome({ documents: [access ?? {}, access ?? {}, emf ?? {}] })),
    ).toThrow(/2 access lines/);
    expect(() =>
      checkObserved(outcome({ documents: [access ?? {}, { ...emf, correlation_id: 'other' }] })),
    ).toThrow(/is not c-1/);
  });

  it('reports and restores a polluted Object.prototype', () => {
    const guard = prototypeGuard();
    (Object.prototype as Record<string, unknown>).fuzzProbe = 1;
    expect(guard.changes()).toEqual(['Object.prototype gained fuzzProbe = 1']);
    expect(Object.hasOwn(Object.prototype, 'fuzzProbe')).toBe(false);
  });
});
