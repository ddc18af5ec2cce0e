/**
 * The error a test client reports when a handler answers in a shape its source cannot read.
 */
import type { TestSource } from '../events.js';

/** What each service answers in place of a result it cannot read. */
const SERVICE_ANSWER: Readonly<Record<TestSource, string>> = {
  'apigw-v1': 'a REST API answers such a result with 502 "Internal server error"',
  'apigw-v2': 'an HTTP API answers such a result with 500 "Internal Server Error"',
  'function-url': 'a Function URL answers such a result with 502 "Bad Gateway"',
  alb: 'an ALB answers such a result with 502 "Bad Gateway"',
  'alb-multi': 'an ALB answers such a result with 502 "Bad Gateway"',
  'vpc-lattice': 'VPC Lattice answers such a result with 502 "Bad Gateway"',
  'vpc-lattice-v1': 'VPC Lattice answers such a result with 502 "Bad Gateway"',
};

/**
 * A handler's result that is not valid in its source's result format: the message names the
 * source, the field and what the service would have answered instead. The result is never
 * coerced into a response.
 *
 * @example
 * ```ts
 * import { InvalidResultError, testClient } from 'gantry/testing';
 *
 * const client = testClient(async () => ({ body: 'hi' }), { source: 'alb' });
 * await expect(client.get('/')).rejects.toThrow(InvalidResultError);
 * // Invalid alb result: statusCode is missing (an ALB answers such a result with 502 "Bad Gateway")
 * ```
 */
export class InvalidResultError extends Error {
  override readonly name = 'InvalidResultError';
  /** The source whose format the result breaks. */
  readonly source: TestSource;
  /** The handler's result, as returned. */
  readonly result: unknown;

  constructor(source: TestSource, problem: string, result: unknown) {
    super(`Invalid ${source} result: ${problem} (${SERVICE_ANSWER[source]})`);
    this.source = source;
    this.result = result;
  }
}
