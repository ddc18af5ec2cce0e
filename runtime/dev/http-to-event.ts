/**
 * Turns a Node HTTP request into an API Gateway HTTP API (v2) event, as API Gateway would:
 * lower-case headers joined with `,`, cookies in `cookies[]`, the raw query string, a `rawPath`
 * decoded except for `%2F`, and binary bodies base64-encoded.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isTextType } from '../events/body.js';

/**
 * Builds the v2 event for a request whose body has been read.
 *
 * @example
 * ```ts
 * const event = toHttpApiEvent(req, await readAll(req));
 * event.requestContext.http.method; // 'GET'
 * ```
 */
export function toHttpApiEvent(req: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
  // An http.Server request always has a url and an upper-case method.
  const url = req.url as string;
  const mark = url.indexOf('?');
  const encodedPath = mark === -1 ? url : url.slice(0, mark);
  const rawQueryString = mark === -1 ? '' : url.slice(mark + 1);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  // `headersDistinct`, not `headers`: Node joins repeated lines with `, ` and drops repeats of
  // some names (`user-agent`, `authorization`...); API Gateway keeps every value, joined with `,`.
  for (const [name, values] of Object.entries(req.headersDistinct) as [string, string[]][]) {
    if (name === 'cookie') {
      cookies = values
        .flatMap((line) => line.split(';'))
        .map((pair) => pair.trim())
        .filter((pair) => pair !== '');
      continue;
    }
    headers[name] = values.join(',');
  }
  const now = new Date();
  const method = req.method as string;
  const rawPath = decodePathLikeApiGateway(encodedPath);
  const base64 = body.length > 0 && !isTextType(headers['content-type']);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    cookies,
    headers,
    queryStringParameters: queryMap(rawQueryString),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method,
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
    },
    body: body.length === 0 ? undefined : body.toString(base64 ? 'base64' : 'utf8'),
    isBase64Encoded: base64,
  };
}

/** API Gateway decodes `rawPath`, but keeps `%2F` encoded; malformed escapes stay as sent. */
function decodePathLikeApiGateway(path: string): string {
  return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run).replace(/\//g, '%2F');
    } catch {
      return run;
    }
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's `requestContext.time`: `21/Apr/2020:15:08:21 +0000`. */
function requestTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}`;
  return `${day}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** The lossy, comma-joined map API Gateway also sends (Gantry reads `rawQueryString`). */
function queryMap(raw: string): Record<string, string> | undefined {
  if (raw === '') return undefined;
  const map: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    map[key] = map[key] === undefined ? value : `${map[key]},${value}`;
  }
  return map;
}
