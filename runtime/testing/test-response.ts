/**
 * The answer a test client hands back: read from the source's own result format, with the
 * log lines and EMF documents of the invocation that produced it.
 */
import { type EmfDocument, emfDocumentsOf, type LogLine, logLinesOf } from './log-lines.js';
import type { ReadResult } from './results/read-result.js';

/**
 * A handler's answer as a client of its source receives it, plus what the invocation wrote.
 *
 * @example
 * ```ts
 * const response = await client.get('/items/1');
 * response.status; // 200
 * response.headers['content-type']; // 'application/json'
 * response.json<{ id: string }>().id; // '1'
 * response.logs.find((line) => line.message === 'request completed')?.status; // 200
 * ```
 */
export interface TestResponse {
  readonly status: number;
  /** The reason phrase: ALB's and VPC Lattice's `statusDescription`, else the standard one. */
  readonly statusText: string | undefined;
  /**
   * Lower-case names; repeated fields joined with `, ` (RFC 9110). `set-cookie` is never here:
   * see {@link TestResponse.cookies} and {@link TestResponse.setCookies}.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The cookies the answer sets, name to (decoded) value; a later one of a name wins. */
  readonly cookies: Readonly<Record<string, string>>;
  /** Every `Set-Cookie` value, whole and in order. */
  readonly setCookies: readonly string[];
  /** The body as UTF-8 text (a base64 body decoded first). */
  readonly body: string;
  /** The body's bytes. */
  readonly bytes: Buffer;
  /** Whether the answer carried its body base64-encoded. */
  readonly isBase64Encoded: boolean;
  /** The body parsed as JSON; throws, naming the status and content type, when it is not JSON. */
  json<T = unknown>(): T;
  /** The handler's result, as returned. */
  readonly raw: unknown;
  /** The event the handler was invoked with. */
  readonly event: Record<string, unknown>;
  /** The Powertools JSON log lines this invocation wrote, parsed. */
  readonly logs: readonly LogLine[];
  /** The EMF documents this invocation wrote, parsed. */
  readonly metrics: readonly EmfDocument[];
  /** Every line this invocation wrote to stdout, stderr or the console, as written. */
  readonly output: readonly string[];
}

/** Builds the response from a read result and the invocation's lines. */
export function createTestResponse(
  read: ReadResult,
  raw: unknown,
  event: Record<string, unknown>,
  output: readonly string[],
): TestResponse {
  const headers = new Map<string, string>();
  const setCookies: string[] = [];
  for (const [name, value] of read.headers) {
    const key = name.toLowerCase();
    if (key === 'set-cookie') {
      setCookies.push(value);
      continue;
    }
    const seen = headers.get(key);
    headers.set(key, seen === undefined ? value : `${seen}, ${value}`);
  }
  const body = read.bytes.toString('utf8');
  return {
    status: read.status,
    statusText: read.statusText,
    headers: Object.fromEntries(headers),
    cookies: cookiesOf(setCookies),
    setCookies,
    body,
    bytes: read.bytes,
    isBase64Encoded: read.isBase64Encoded,
    json<T>(): T {
      return parseJson<T>(body, read.status, headers.get('content-type'));
    },
    raw,
    event,
    logs: logLinesOf(output),
    metrics: emfDocumentsOf(output),
    output,
  };
}

function parseJson<T>(body: string, status: number, contentType: string | undefined): T {
  const where = `status ${status}, content-type ${contentType ?? '(none)'}`;
  if (body === '')
    throw new SyntaxError(`The response body is empty (${where}), so it is not JSON`);
  try {
    return JSON.parse(body) as T;
  } catch {
    const preview = body.length > 80 ? `${body.slice(0, 80)}…` : body;
    throw new SyntaxError(`The response body is not JSON (${where}): ${JSON.stringify(preview)}`);
  }
}

/** `name=value` of each `Set-Cookie`, values unquoted and percent-decoded. */
function cookiesOf(setCookies: readonly string[]): Record<string, string> {
  const cookies = new Map<string, string>();
  for (const line of setCookies) {
    const pair = line.split(';', 1)[0] as string;
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1);
    cookies.set(pair.slice(0, eq).trim(), decode(value));
  }
  return Object.fromEntries(cookies);
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
