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
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const encodedPath = mark === -1 ? url : url.slice(0, mark);
  const rawQueryString = mark === -1 ? '' : url.slice(mark + 1);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') {
      cookies = String(value)
        .split(';')
        .map((pair) => pair.trim())
        .filter((pair) => pair !== '');
      continue;
    }
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const now = new Date();
  const method = (req.method ?? 'GET').toUpperCase();
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
      time: now.toUTCString(),
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

/** The lossy, comma-joined map API Gateway also sends (Gantry reads `rawQueryString`). */
function queryMap(raw: string): Record<string, string> | undefined {
  if (raw === '') return undefined;
  const map: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    map[key] = map[key] === undefined ? value : `${map[key]},${value}`;
  }
  return map;
}
