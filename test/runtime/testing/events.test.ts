/**
 * `buildEvent` against the real captures: an event built from a capture's request translates
 * through Gantry exactly as the capture does.
 */
import { buildEvent, TEST_SOURCES, type TestSource } from 'gantry/testing';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../support/fixtures.js';
import { requestOf, translate } from './captures.js';

/** The capture each source's builder is shaped like, and the headers it adds to that capture. */
const TEMPLATES: Record<TestSource, { capture: string; added: string[] }> = {
  // API Gateway adds X-Amzn-Trace-Id to every request; AWS's example event leaves it out.
  'apigw-v1': { capture: 'aws-lambda-go/apigw-request.json', added: ['x-amzn-trace-id'] },
  'apigw-v2': { capture: 'aws-lambda-go/apigw-v2-request-no-authorizer.json', added: [] },
  'function-url': {
    capture: 'aws-lambda-go/function-url-request-with-headers-and-cookies-and-text-body.json',
    added: [],
  },
  alb: { capture: 'aws-lambda-go/alb-lambda-target-request-headers-only.json', added: [] },
  'alb-multi': {
    capture: 'aws-lambda-go/alb-lambda-target-request-multivalue-headers.json',
    added: [],
  },
  'vpc-lattice': {
    capture: 'powertools-lambda-python/vpcLatticeV2EventWithHeaders.json',
    added: [],
  },
  // The capture spells it `user_agent`; the builder sends the standard name.
  'vpc-lattice-v1': {
    capture: 'powertools-lambda-python/vpcLatticeEvent.json',
    added: ['user-agent'],
  },
};

/** Other captures of each source (named stages left out: a test request has no stage). */
const MORE_CAPTURES: [TestSource, string][] = [
  ['apigw-v1', 'aws-lambda-rust-runtime/apigw_multi_value_proxy_request.json'],
  ['apigw-v2', 'aws-lambda-go/apigw-v2-request-jwt-authorizer.json'],
  ['apigw-v2', 'aws-lambda-rust-runtime/apigw_request_path_with_space.json'],
  ['apigw-v2', 'aws-lambda-dotnet/encode-space-in-resource-path-httpapi-v2.json'],
  ['apigw-v2', 'aws-lambda-dotnet/cookies-get-multiple-httpapi-v2-request.json'],
  ['function-url', 'aws-lambda-go/lambda-urls-request.json'],
  ['function-url', 'aws-lambda-go/function-url-domain-only-request-with-base64-encoded-body.json'],
  ['function-url', 'aws-lambda-rust-runtime/lambda_function_url_request.json'],
  ['alb', 'aws-lambda-rust-runtime/alb_health_check.json'],
  ['alb', 'aws-lambda-rust-runtime/alb_request_encoded_query_parameters.json'],
  ['alb', 'aws-lambda-dotnet/values-put-binary-alb-request.json'],
  ['alb-multi', 'aws-lambda-rust-runtime/alb_multi_value_request_encoded_query_parameters.json'],
  ['alb-multi', 'aws-lambda-dotnet/values-get-querystring-alb-mv-encoding-request.json'],
  ['alb-multi', 'powertools-lambda-python/albMultiValueQueryStringEvent.json'],
];

function without(headers: Record<string, string>, names: readonly string[]) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}

describe('buildEvent against the capture each source is shaped like', () => {
  it('covers every test source', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...TEST_SOURCES].sort());
  });

  it.each(TEST_SOURCES)(
    '%s: the capture request rebuilt translates as the capture does',
    (source) => {
      // Prepare
      const { capture, added } = TEMPLATES[source];
      const event = loadFixture(capture);
      const expected = translate(source, event);

      // Act
      const built = translate(source, buildEvent(source, requestOf(source, event)));

      // Assert
      expect(built.problem).toBeUndefined();
      expect({ ...built, requestId: undefined, headers: without(built.headers, added) }).toEqual({
        ...expected,
        requestId: undefined,
      });
      for (const name of added) expect(built.headers[name]).toEqual(expect.any(String));
      if (expected.requestId !== undefined) expect(built.requestId).toEqual(expect.any(String));
    },
  );

  it.each(TEST_SOURCES)('%s: the event has every field of the capture', (source) => {
    // Prepare
    const capture = loadFixture(TEMPLATES[source].capture);
    const keys = (value: unknown) => Object.keys((value ?? {}) as object);

    // Act
    const event = buildEvent(source, requestOf(source, capture));

    // Assert: all but what an authorizer or mTLS adds (a test request has neither).
    expect(keys(event)).toEqual(expect.arrayContaining(keys(capture)));
    const context = keys(capture.requestContext).filter(
      (key) => key !== 'authentication' && key !== 'authorizer',
    );
    expect(keys(event.requestContext)).toEqual(expect.arrayContaining(context));
  });
});

describe('buildEvent against other captures of each source', () => {
  it.each(MORE_CAPTURES)('%s: %s rebuilt translates as the capture does', (source, capture) => {
    // Prepare
    const event = loadFixture(capture);
    const expected = translate(source, event);

    // Act
    const built = translate(source, buildEvent(source, requestOf(source, event)));

    // Assert: the builder adds the header set of its own capture where this one has fewer.
    expect(built.problem).toBeUndefined();
    expect(built.headers).toMatchObject(expected.headers);
    expect({ ...built, headers: undefined, requestId: undefined }).toEqual({
      ...expected,
      headers: undefined,
      requestId: undefined,
    });
  });
});
