/**
 * The seven event kinds the fuzzer mutates, each with its real fixtures, its builder events and
 * where its events keep the path, method, headers, query, cookies and body.
 */
import {
  albEvent,
  apigwV1Event,
  apigwV2Event,
  functionUrlEvent,
  type RequestSpec,
  vpcLatticeEvent,
} from '../support/events.js';
import { loadFixture } from '../support/fixtures.js';

/** Where a kind of event keeps each part of the request (paths are lists of keys). */
export interface EventLayout {
  method: readonly (readonly string[])[];
  path: readonly (readonly string[])[];
  /** Header maps, with whether their values are lists. */
  headers: readonly { key: string; list: boolean }[];
  query: readonly { key: string; list: boolean }[];
  /** The raw query string field (payload 2.0). */
  rawQuery?: string;
  /** The cookie list field (payload 2.0). */
  cookies?: string;
  /** The name of the base64 flag. */
  base64Flag: string;
}

/** One kind of event: its name, layout, and the events mutations start from. */
export interface FuzzSource {
  name: string;
  layout: EventLayout;
  /** Base events by name: `fixture:<file>` or `builder:<spec>`. */
  bases: Readonly<Record<string, Record<string, unknown>>>;
}

/** The requests every builder base is made of: each route, with and without a body. */
const SPECS: Record<string, RequestSpec> = {
  'get-item': {
    path: '/items/42',
    query: 'a=1&a=2&b=x%20y',
    headers: { 'x-correlation-id': 'fuzz-corr-1', accept: 'application/json' },
    cookies: ['session=abc', 'theme=dark'],
  },
  'post-item': {
    method: 'POST',
    path: '/items',
    headers: { 'content-type': 'application/json' },
    body: '{"name":"widget","tags":["a"]}',
  },
  'post-item-base64': {
    method: 'POST',
    path: '/items',
    headers: { 'content-type': 'application/json' },
    body: '{"name":"gadget"}',
    base64: true,
  },
  'put-catch-all': {
    method: 'PUT',
    path: '/anything/%E2%9C%93/else',
    query: 'x=1&y=%2B',
    headers: { 'content-type': 'text/plain', 'x-request-id': 'req-7' },
    body: 'plain text',
  },
  'delete-item': { method: 'DELETE', path: '/items/7', stage: 'Prod' },
};

type Build = (spec: RequestSpec) => Record<string, unknown>;

function bases(fixtures: readonly string[], build: Build) {
  const all: Record<string, Record<string, unknown>> = {};
  for (const file of fixtures) all[`fixture:${file}`] = loadFixture(file);
  // Through JSON, as Lambda delivers it: a builder's `undefined` fields are absent.
  for (const [name, spec] of Object.entries(SPECS)) {
    all[`builder:${name}`] = JSON.parse(JSON.stringify(build(spec)));
  }
  return all;
}

const PAYLOAD_V2: EventLayout = {
  method: [['requestContext', 'http', 'method']],
  path: [['rawPath'], ['requestContext', 'http', 'path']],
  headers: [{ key: 'headers', list: false }],
  query: [{ key: 'queryStringParameters', list: false }],
  rawQuery: 'rawQueryString',
  cookies: 'cookies',
  base64Flag: 'isBase64Encoded',
};

/**
 * Every kind of event, by the name its test file uses.
 *
 * @example
 * ```ts
 * const { bases, layout } = fuzzSources['apigw-v1']();
 * ```
 */
export const fuzzSources = {
  'apigw-v1': (): FuzzSource => ({
    name: 'apigw-v1',
    layout: {
      method: [['httpMethod'], ['requestContext', 'httpMethod']],
      path: [['path']],
      headers: [
        { key: 'headers', list: false },
        { key: 'multiValueHeaders', list: true },
      ],
      query: [
        { key: 'queryStringParameters', list: false },
        { key: 'multiValueQueryStringParameters', list: true },
      ],
      base64Flag: 'isBase64Encoded',
    },
    bases: bases(
      [
        'aws-lambda-go/apigw-request.json',
        'aws-lambda-rust-runtime/apigw_multi_value_proxy_request.json',
      ],
      apigwV1Event,
    ),
  }),
  'apigw-v2': (): FuzzSource => ({
    name: 'apigw-v2',
    layout: PAYLOAD_V2,
    bases: bases(
      [
        'aws-lambda-go/apigw-v2-request-no-authorizer.json',
        'aws-lambda-go/apigw-v2-request-jwt-authorizer.json',
        'aws-lambda-rust-runtime/apigw_request_path_with_space.json',
        'aws-lambda-rust-runtime/apigw_v2_proxy_request_with_stage_in_path.json',
        'aws-lambda-dotnet/encode-space-in-resource-path-httpapi-v2.json',
        'aws-lambda-dotnet/cookies-get-multiple-httpapi-v2-request.json',
        'aws-lambda-dotnet/values-get-all-httpapi-v2-with-stage.json',
      ],
      apigwV2Event,
    ),
  }),
  'function-url': (): FuzzSource => ({
    name: 'function-url',
    layout: PAYLOAD_V2,
    bases: bases(
      [
        'aws-lambda-go/lambda-urls-request.json',
        'aws-lambda-go/function-url-request-with-headers-and-cookies-and-text-body.json',
        'aws-lambda-go/function-url-domain-only-request-with-base64-encoded-body.json',
        'aws-lambda-rust-runtime/lambda_function_url_request.json',
      ],
      functionUrlEvent,
    ),
  }),
  'alb-single': (): FuzzSource => ({
    name: 'alb (single-value)',
    layout: {
      method: [['httpMethod']],
      path: [['path']],
      headers: [{ key: 'headers', list: false }],
      query: [{ key: 'queryStringParameters', list: false }],
      base64Flag: 'isBase64Encoded',
    },
    bases: bases(
      [
        'aws-lambda-go/alb-lambda-target-request-headers-only.json',
        'aws-lambda-rust-runtime/alb_health_check.json',
        'aws-lambda-rust-runtime/alb_request_encoded_query_parameters.json',
        'aws-lambda-dotnet/values-put-binary-alb-request.json',
      ],
      (spec) => albEvent(spec, 'single'),
    ),
  }),
  'alb-multi': (): FuzzSource => ({
    name: 'alb (multi-value)',
    layout: {
      method: [['httpMethod']],
      path: [['path']],
      headers: [{ key: 'multiValueHeaders', list: true }],
      query: [{ key: 'multiValueQueryStringParameters', list: true }],
      base64Flag: 'isBase64Encoded',
    },
    bases: bases(
      [
        'aws-lambda-go/alb-lambda-target-request-multivalue-headers.json',
        'aws-lambda-rust-runtime/alb_multi_value_request_encoded_query_parameters.json',
        'aws-lambda-dotnet/values-get-querystring-alb-mv-encoding-request.json',
        'powertools-lambda-python/albMultiValueQueryStringEvent.json',
      ],
      (spec) => albEvent(spec, 'multi'),
    ),
  }),
  'vpc-lattice-v1': (): FuzzSource => ({
    name: 'vpc-lattice v1',
    layout: {
      method: [['method']],
      path: [['raw_path']],
      headers: [{ key: 'headers', list: false }],
      query: [{ key: 'query_string_parameters', list: false }],
      base64Flag: 'is_base64_encoded',
    },
    bases: bases(['powertools-lambda-python/vpcLatticeEvent.json'], (spec) =>
      vpcLatticeEvent(spec, 1),
    ),
  }),
  'vpc-lattice-v2': (): FuzzSource => ({
    name: 'vpc-lattice v2',
    layout: {
      method: [['method']],
      path: [['path']],
      headers: [{ key: 'headers', list: true }],
      query: [{ key: 'queryStringParameters', list: true }],
      base64Flag: 'isBase64Encoded',
    },
    bases: bases(['powertools-lambda-python/vpcLatticeV2EventWithHeaders.json'], (spec) =>
      vpcLatticeEvent(spec, 2),
    ),
  }),
} as const;

/** The name of a kind of event in {@link fuzzSources}. */
export type FuzzSourceName = keyof typeof fuzzSources;
