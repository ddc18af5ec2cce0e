/**
 * The six properties every answer to a mutated event must have. Each check throws an Error that
 * says what is wrong (fast-check adds the seed and the shrunk counterexample).
 */
import { LOG_MESSAGES, UnsupportedEventError } from 'gantry';
import type { ResultFormat } from './detected-format.js';
import type { Outcome } from './invoke-case.js';
import { leakIn } from './leaks.js';
import { headerValues, resultProblems } from './result-format.js';

const CORRELATION_ID = /^[A-Za-z0-9._:@/=+-]{1,128}$/;

const cut = (text: string, length = 300) =>
  text.length > length ? `${text.slice(0, length)}…` : text;

function describeError(error: unknown): string {
  if (error instanceof Error)
    return `${error.name}: ${cut(error.message)}\n${error.stack?.split('\n').slice(1, 4).join('\n')}`;
  return `thrown ${typeof error}: ${cut(String(error))}`;
}

/** The answer as `status body`, for messages. */
function answerLine(outcome: Outcome): string {
  const answer = outcome.answer as { statusCode?: unknown; body?: unknown } | undefined;
  return `${String(answer?.statusCode)} ${cut(String(answer?.body))}`;
}

/** The errors the runtime logged during the invocation (its own account of a 5xx). */
function loggedErrors(outcome: Outcome): string {
  const errors = outcome.documents
    .filter((doc) => doc.level === 'ERROR')
    .map((doc) => {
      const error = doc.error as { name?: string; message?: string; stack?: string } | undefined;
      const frame = error?.stack?.split('\n').find((line) => line.includes('/runtime/'));
      return `${error?.name}: ${cut(String(error?.message))}${frame ? ` (${frame.trim()})` : ''}`;
    });
  return errors.length ? `; logged: ${errors.join(' | ')}` : '';
}

/** The answer's status, when it is an object with one. */
export function statusOf(outcome: Outcome): number | undefined {
  const status = (outcome.answer as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Property 1: a detected event is always answered; only an undetected one may be refused, and
 * only with `UnsupportedEventError`.
 *
 * @example
 * ```ts
 * checkAnsweredOrUnsupported(await invokeCase(handler, source, fuzzCase, output));
 * ```
 */
export function checkAnsweredOrUnsupported(outcome: Outcome): void {
  if (outcome.answered) return;
  if (outcome.formats.length > 0) {
    throw new Error(
      `a detected ${outcome.formats.join('/')} event was rejected with ${describeError(outcome.error)}`,
    );
  }
  if (!(outcome.error instanceof UnsupportedEventError)) {
    throw new Error(
      `an undetected event was rejected with ${describeError(outcome.error)}, not UnsupportedEventError`,
    );
  }
}

/** Where each format's events name the request method. */
const METHOD_PATH: Record<ResultFormat, readonly string[]> = {
  'apigw-v1': ['httpMethod'],
  alb: ['httpMethod'],
  'payload-v2': ['requestContext', 'http', 'method'],
  'vpc-lattice': ['method'],
};

/** A HEAD request (as the format reads the event) is answered without a body, whatever its status. */
function headProblems(outcome: Outcome, format: ResultFormat): string[] {
  let method: unknown = outcome.event;
  for (const key of METHOD_PATH[format]) {
    method =
      typeof method === 'object' && method !== null
        ? (method as Record<string, unknown>)[key]
        : undefined;
  }
  const body = (outcome.answer as { body?: unknown } | undefined)?.body;
  const head = typeof method === 'string' && method.toUpperCase() === 'HEAD';
  return head && body !== '' ? ['a HEAD answer with a body'] : [];
}

/**
 * Property 2: the answer is a valid result in the format of the event's source (any format when
 * the runtime answered an event this suite would not call detected).
 *
 * @example
 * ```ts
 * checkResultFormat(outcome);
 * ```
 */
export function checkResultFormat(outcome: Outcome): void {
  if (!outcome.answered) return;
  const formats = outcome.formats.length
    ? outcome.formats
    : (['apigw-v1', 'payload-v2', 'alb', 'vpc-lattice'] as const);
  const problems = formats.map((format) => ({
    format,
    problems: [
      ...resultProblems(outcome.answer, format, outcome.event),
      ...headProblems(outcome, format),
    ],
  }));
  if (problems.some((entry) => entry.problems.length === 0)) return;
  const summary = problems
    .map(({ format, problems: list }) => `${format}: ${list.join('; ')}`)
    .join(' / ');
  throw new Error(
    `not a valid answer (${summary}): ${cut(JSON.stringify(outcome.answer) ?? 'undefined')}`,
  );
}

/**
 * Property 3: no mutated event gets a 5xx (the app's routes never throw).
 *
 * @example
 * ```ts
 * checkNoServerError(outcome);
 * ```
 */
export function checkNoServerError(outcome: Outcome): void {
  const status = statusOf(outcome);
  if (status !== undefined && status >= 500) {
    throw new Error(`answered ${answerLine(outcome)}${loggedErrors(outcome)}`);
  }
}

/**
 * Property 4: no answer body quotes a stack trace, a file path, an error class or a thrown
 * message (base64 bodies are decoded first).
 *
 * @example
 * ```ts
 * checkNoLeak(outcome);
 * ```
 */
export function checkNoLeak(outcome: Outcome): void {
  const answer = outcome.answer as { body?: unknown; isBase64Encoded?: unknown } | undefined;
  if (!outcome.answered || typeof answer?.body !== 'string') return;
  const body =
    answer.isBase64Encoded === true
      ? Buffer.from(answer.body, 'base64').toString('utf8')
      : answer.body;
  const leak = leakIn(body);
  if (leak) throw new Error(`the answer body quotes ${leak}: ${answerLine(outcome)}`);
}

/**
 * Property 5: the invocation left `Object.prototype` untouched.
 *
 * @example
 * ```ts
 * checkPrototypeUntouched(outcome);
 * ```
 */
export function checkPrototypeUntouched(outcome: Outcome): void {
  if (outcome.prototypeChanges.length) throw new Error(outcome.prototypeChanges.join('; '));
}

/**
 * Property 6: an answered request wrote exactly one access line and one route EMF document,
 * both with the valid correlation id the answer's `x-correlation-id` header carries.
 *
 * @example
 * ```ts
 * checkObserved(outcome);
 * ```
 */
export function checkObserved(outcome: Outcome): void {
  if (!outcome.answered) return;
  const ids = headerValues(outcome.answer, 'x-correlation-id');
  if (ids.length !== 1 || !CORRELATION_ID.test(ids[0] ?? '')) {
    throw new Error(
      `x-correlation-id header ${JSON.stringify(ids)} is not one valid id: ${answerLine(outcome)}`,
    );
  }
  const id = ids[0];
  const access = outcome.documents.filter((doc) => doc.message === LOG_MESSAGES.access);
  const emf = outcome.documents.filter(
    (doc) => typeof doc._aws === 'object' && doc._aws !== null && !('ColdStart' in doc),
  );
  const problems: string[] = [];
  if (access.length !== 1) problems.push(`${access.length} access lines`);
  if (emf.length !== 1 || !('Requests' in (emf[0] ?? {})))
    problems.push(`${emf.length} route EMF documents`);
  for (const doc of [...access, ...emf]) {
    if (doc.correlation_id !== id)
      problems.push(`correlation_id ${JSON.stringify(doc.correlation_id)} is not ${id}`);
  }
  if (problems.length)
    throw new Error(`${problems.join('; ')} for ${answerLine(outcome)}${loggedErrors(outcome)}`);
}

/** A property's check of one outcome: throws when the outcome breaks it. */
export type Check = (outcome: Outcome) => void;

/** The six properties, each as the behaviour its test states and its check. */
export const PROPERTIES: readonly (readonly [title: string, check: Check])[] = [
  [
    'answers every event a source detects, and refuses others only with UnsupportedEventError',
    checkAnsweredOrUnsupported,
  ],
  ["answers in the source's own result format", checkResultFormat],
  ['answers no mutated event with a 5xx', checkNoServerError],
  [
    'quotes no stack trace, file path, error class or thrown message in an answer body',
    checkNoLeak,
  ],
  ['leaves Object.prototype untouched', checkPrototypeUntouched],
  [
    'writes one access line and one EMF document per answer, with its x-correlation-id',
    checkObserved,
  ],
];

/**
 * Judges an outcome by every property: one failure message per property, undefined where it
 * holds.
 *
 * @example
 * ```ts
 * const verdicts = judge(outcome); // [undefined, undefined, 'answered 500 ...', ...]
 * ```
 */
export function judge(outcome: Outcome): (string | undefined)[] {
  return PROPERTIES.map(([, check]) => {
    try {
      check(outcome);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
}
