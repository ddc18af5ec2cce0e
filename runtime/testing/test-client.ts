/**
 * `testClient(handler)`: requests in, answers out, through the same event and result formats a
 * real source uses, in the spirit of FastAPI's TestClient and Hono's `app.request()`.
 */
import { createLocalRuntime, type LambdaHandler, type LocalRuntime } from '../dev/local-runtime.js';
import { buildEvent, TEST_SOURCES, type TestRequest, type TestSource } from './events.js';
import { captureOutput } from './output-capture.js';
import { readResult } from './results/read-result.js';
import { createTestResponse, type TestResponse } from './test-response.js';

/**
 * Options of {@link testClient}.
 *
 * @example
 * ```ts
 * const options: TestClientOptions = {
 *   source: 'alb',
 *   headers: { authorization: 'Bearer test' },
 *   printLogs: true,
 * };
 * ```
 */
export interface TestClientOptions {
  /** The event source to speak. Default `apigw-v2`. */
  source?: TestSource;
  /** Headers sent with every request; a request's own headers replace them by name. */
  headers?: Record<string, string | string[]>;
  /** Cookies sent with every request; a request's own cookies replace them by name. */
  cookies?: Record<string, string>;
  /** The Lambda context's function name. Default `gantry-local`. */
  functionName?: string;
  /** The Lambda context's memory size. Default 1024. */
  memoryMb?: number;
  /** The Lambda context's timeout, for `getRemainingTimeInMillis()`. Default 30000. */
  timeoutMs?: number;
  /** Also print what each invocation writes (it is captured either way). Default false. */
  printLogs?: boolean;
}

/**
 * What a request carries beside its method and path.
 *
 * @example
 * ```ts
 * const init: TestRequestInit = { query: { tag: ['a', 'b'] }, json: { name: 'milk' } };
 * await client.post('/items', init);
 * ```
 */
export type TestRequestInit = Omit<TestRequest, 'method' | 'path'>;

/**
 * A client of one handler over one source. Each call is one invocation, through the local
 * Lambda runtime (a fresh context, its own invocation store), and resolves to the answer read
 * back from the source's own result format.
 *
 * Output is captured per invocation by asynchronous context, so concurrent calls (on one client
 * or several) each get their own lines. What is written outside an invocation's context (module
 * initialisation, a timer started elsewhere), after its handler has returned, or not through
 * `process.stdout`/`process.stderr`/`console` (a file descriptor written directly) is not
 * captured.
 *
 * @example
 * ```ts
 * const client = testClient(handler, { source: 'apigw-v1' });
 * const created = await client.post('/items', { json: { name: 'milk' } });
 * const item = await client.get(created.headers.location);
 * ```
 */
export interface TestClient {
  readonly source: TestSource;
  request(method: string, path: string, init?: TestRequestInit): Promise<TestResponse>;
  get(path: string, init?: TestRequestInit): Promise<TestResponse>;
  post(path: string, init?: TestRequestInit): Promise<TestResponse>;
  put(path: string, init?: TestRequestInit): Promise<TestResponse>;
  patch(path: string, init?: TestRequestInit): Promise<TestResponse>;
  delete(path: string, init?: TestRequestInit): Promise<TestResponse>;
  head(path: string, init?: TestRequestInit): Promise<TestResponse>;
  options(path: string, init?: TestRequestInit): Promise<TestResponse>;
}

/**
 * Creates a {@link TestClient} for a Lambda handler (what `createHandler` returns, or any
 * `(event, context) => result`). A result the source could not read (no `statusCode`, a
 * non-string body, the wrong ALB header map...) rejects with an `InvalidResultError`; an
 * error the handler throws rejects with that error.
 *
 * @example
 * ```ts
 * import { testClient } from 'gantry/testing';
 * import { handler } from '../src/handler.js';
 *
 * const client = testClient(handler, { source: 'alb' });
 * const response = await client.get('/items?limit=1', { headers: { 'x-correlation-id': 'c-1' } });
 * expect(response.status).toBe(200);
 * expect(response.json()).toEqual({ items: [] });
 * expect(response.logs.at(-1)?.correlation_id).toBe('c-1');
 * ```
 */
export function testClient(handler: LambdaHandler, options: TestClientOptions = {}): TestClient {
  const source = options.source ?? 'apigw-v2';
  if (!TEST_SOURCES.includes(source)) {
    throw new TypeError(
      `Unknown test source ${JSON.stringify(source)}: use one of ${TEST_SOURCES.join(', ')}`,
    );
  }
  let runtime: Promise<LocalRuntime> | undefined;
  const request = async (method: string, path: string, init: TestRequestInit = {}) => {
    const event = buildEvent(source, {
      ...init,
      method,
      path,
      headers: mergeByName(options.headers, init.headers),
      cookies: { ...options.cookies, ...init.cookies },
    });
    const { functionName, memoryMb, timeoutMs } = options;
    runtime ??= createLocalRuntime(handler, { functionName, memoryMb, timeoutMs });
    const local = await runtime;
    const { value, lines } = await captureOutput(options.printLogs ?? false, () =>
      local.invoke(event),
    );
    return createTestResponse(readResult(source, value, event), value, event, lines);
  };
  const verb = (method: string) => (path: string, init?: TestRequestInit) =>
    request(method, path, init);
  return {
    source,
    request,
    get: verb('GET'),
    post: verb('POST'),
    put: verb('PUT'),
    patch: verb('PATCH'),
    delete: verb('DELETE'),
    head: verb('HEAD'),
    options: verb('OPTIONS'),
  };
}

/** The client's headers under the request's: a request's header replaces one of its name. */
function mergeByName(
  defaults: TestRequestInit['headers'],
  given: TestRequestInit['headers'],
): TestRequestInit['headers'] {
  if (defaults === undefined) return given;
  const names = new Set(Object.keys(given ?? {}).map((name) => name.toLowerCase()));
  const kept = Object.entries(defaults).filter(([name]) => !names.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), ...given };
}
