/**
 * Builders of well-formed events for every source, from one request description. Real captured
 * events live in test/fixtures/events; these cover what the captures do not.
 */
export interface RequestSpec {
  method?: string;
  /** Path as the client sent it (percent-encoded where needed). */
  path?: string;
  /** Raw query string, as the client sent it (`a=1&a=2`). */
  query?: string;
  headers?: Record<string, string | string[]>;
  cookies?: string[];
  body?: string | Buffer;
  /** Send the body base64-encoded (always the case for a Buffer body). */
  base64?: boolean;
  requestId?: string;
  stage?: string;
}

function bodyOf(spec: RequestSpec): { body: string | null; isBase64Encoded: boolean } {
  if (spec.body === undefined) return { body: null, isBase64Encoded: false };
  if (Buffer.isBuffer(spec.body) || spec.base64) {
    return { body: Buffer.from(spec.body).toString('base64'), isBase64Encoded: true };
  }
  return { body: spec.body, isBase64Encoded: false };
}

/** Groups key/value pairs into lists, keeping the order of values. */
function group(entries: [string, string][], map: (text: string) => string = (text) => text) {
  const grouped: Record<string, string[]> = {};
  for (const [key, value] of entries) {
    const name = map(key);
    grouped[name] = [...(grouped[name] ?? []), map(value)];
  }
  return grouped;
}

function pairs(query: string | undefined): [string, string][] {
  if (!query) return [];
  return query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}

const decode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));

function single(headers: RequestSpec['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    out[name] = Array.isArray(value) ? value.join(',') : value;
  return out;
}

function multi(headers: RequestSpec['headers']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    out[name] = Array.isArray(value) ? value : [value];
  return out;
}

function withCookieHeader(spec: RequestSpec): RequestSpec['headers'] {
  if (!spec.cookies || spec.cookies.length === 0) return spec.headers;
  return { ...spec.headers, cookie: spec.cookies.join('; ') };
}

/** API Gateway REST API (v1) proxy event: decoded query maps, percent-encoded path. */
export function apigwV1Event(spec: RequestSpec = {}) {
  const headers = withCookieHeader(spec);
  const query = pairs(spec.query);
  const mvq = group(query, decode);
  const sq: Record<string, string> = {};
  for (const [k, v] of Object.entries(mvq)) sq[k] = v[v.length - 1] as string;
  const mvh = multi(headers);
  const sh: Record<string, string> = {};
  for (const [k, v] of Object.entries(mvh)) sh[k] = v[v.length - 1] as string;
  return {
    resource: '/{proxy+}',
    path: spec.path ?? '/',
    httpMethod: spec.method ?? 'GET',
    headers: sh,
    multiValueHeaders: mvh,
    queryStringParameters: query.length ? sq : null,
    multiValueQueryStringParameters: query.length ? mvq : null,
    pathParameters: null,
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      httpMethod: spec.method ?? 'GET',
      path: `/${spec.stage ?? 'prod'}${spec.path ?? '/'}`,
      stage: spec.stage ?? 'prod',
      requestId: spec.requestId ?? 'v1-request-id',
      resourcePath: '/{proxy+}',
      identity: { sourceIp: '203.0.113.1' },
    },
    ...bodyOf(spec),
  };
}

function payloadV2(spec: RequestSpec, domainName: string, rawPath: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: spec.query ?? '',
    cookies: spec.cookies,
    headers: single(spec.headers),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName,
      domainPrefix: domainName.split('.')[0],
      http: {
        method: spec.method ?? 'GET',
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.1',
        userAgent: 'test',
      },
      requestId: spec.requestId ?? 'v2-request-id',
      routeKey: '$default',
      stage: spec.stage ?? '$default',
      time: '21/Nov/2026:10:00:00 +0000',
      timeEpoch: 1_795_000_000_000,
    },
    ...bodyOf(spec),
    body: bodyOf(spec).body ?? undefined,
  };
}

/** API Gateway HTTP API (v2) event: `rawPath` decoded except `%2F`, stage in front when named. */
export function apigwV2Event(spec: RequestSpec = {}) {
  const path = spec.path ?? '/';
  const decoded = path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
    decodeURIComponent(run).replace(/\//g, '%2F'),
  );
  const staged = spec.stage && spec.stage !== '$default' ? `/${spec.stage}${decoded}` : decoded;
  return payloadV2(spec, 'abc123.execute-api.us-east-1.amazonaws.com', staged);
}

/** Lambda Function URL event: percent-encoded `rawPath`, cookies in `cookies[]` and the header. */
export function functionUrlEvent(spec: RequestSpec = {}) {
  const event = payloadV2(spec, 'abc123.lambda-url.us-east-1.on.aws', spec.path ?? '/');
  if (spec.cookies?.length) event.headers.cookie = spec.cookies.join('; ');
  return event;
}

/** ALB event in single-value (default) or multi-value header mode; the query stays encoded. */
export function albEvent(spec: RequestSpec = {}, mode: 'single' | 'multi' = 'single') {
  const headers = withCookieHeader(spec);
  const query = pairs(spec.query);
  const base = {
    requestContext: {
      elb: {
        targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1',
      },
    },
    httpMethod: spec.method ?? 'GET',
    path: spec.path ?? '/',
    ...bodyOf(spec),
    body: bodyOf(spec).body ?? '',
  };
  if (mode === 'multi') {
    const mvq = group(query);
    return { ...base, multiValueHeaders: multi(headers), multiValueQueryStringParameters: mvq };
  }
  const sq: Record<string, string> = {};
  for (const [k, v] of query) sq[k] = v;
  return { ...base, headers: single(headers), queryStringParameters: sq };
}

/** VPC Lattice event, version 1 (snake_case) or 2 (lists). */
export function vpcLatticeEvent(spec: RequestSpec = {}, version: 1 | 2 = 2) {
  const headers = withCookieHeader(spec);
  const { body, isBase64Encoded } = bodyOf(spec);
  const query = pairs(spec.query);
  if (version === 1) {
    const sq: Record<string, string> = {};
    for (const [k, v] of query) sq[decode(k)] = decode(v);
    return {
      raw_path: spec.path ?? '/',
      method: spec.method ?? 'GET',
      headers: single(headers),
      query_string_parameters: sq,
      body,
      is_base64_encoded: isBase64Encoded,
    };
  }
  const mvq = group(query, decode);
  return {
    version: '2.0',
    path: spec.path ?? '/',
    method: spec.method ?? 'GET',
    headers: multi(headers),
    queryStringParameters: mvq,
    body,
    isBase64Encoded,
    requestContext: {
      serviceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:123456789012:servicenetwork/sn-1',
      region: 'us-east-1',
      timeEpoch: '1795000000000000',
    },
  };
}

/** Every source, by name, for contract suites. */
export const eventBuilders = {
  'apigw-v1': (spec: RequestSpec) => apigwV1Event(spec),
  'apigw-v2': (spec: RequestSpec) => apigwV2Event(spec),
  'function-url': (spec: RequestSpec) => functionUrlEvent(spec),
  'alb (single-value)': (spec: RequestSpec) => albEvent(spec, 'single'),
  'alb (multi-value)': (spec: RequestSpec) => albEvent(spec, 'multi'),
  'vpc-lattice v1': (spec: RequestSpec) => vpcLatticeEvent(spec, 1),
  'vpc-lattice v2': (spec: RequestSpec) => vpcLatticeEvent(spec, 2),
} as const;
