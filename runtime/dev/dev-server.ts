/**
 * A local HTTP server for a Lambda handler: each request becomes an HTTP API (v2) event, runs
 * through the handler's whole Middy chain with a local Lambda context, and the answer is written
 * back. What `npm run dev` runs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { toHttpApiEvent } from './http-to-event.js';
import {
  createLocalRuntime,
  type LambdaHandler,
  type LocalRuntimeOptions,
} from './local-runtime.js';

/** Options of {@link startDevServer}. */
export interface DevServerOptions extends LocalRuntimeOptions {
  handler: LambdaHandler;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
}

/** A running dev server. */
export interface DevServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a Lambda handler over HTTP on localhost.
 *
 * @example
 * ```ts
 * import { startDevServer } from 'gantry/dev';
 * import { handler } from './handler.js';
 *
 * const server = await startDevServer({ handler, port: 3000 });
 * console.log(`listening on ${server.url}`);
 * ```
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const runtime = await createLocalRuntime(options.handler, options);
  const server = createServer((req, res) => {
    serve(req, res, runtime.invoke).catch((error: unknown) => {
      console.error(
        'gantry dev: the handler failed (Lambda would report an invocation error):',
        error,
      );
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Internal Server Error' }));
    });
  });
  const port = options.port ?? 3000;
  const host = options.host ?? '127.0.0.1';
  const address = await listen(server, port, host);
  const hostname = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostname}:${address.port}`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  invoke: (event: unknown) => Promise<unknown>,
): Promise<void> {
  const body = await readBody(req);
  if (body === undefined) {
    // API Gateway would not invoke the function either.
    console.error(`gantry dev: ${req.method} ${req.url} not served: the client went away mid-body`);
    return;
  }
  const answer = toAnswer(await invoke(toHttpApiEvent(req, body)));
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req) chunks.push(chunk as Buffer);
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks);
}

/** An answer ready to be written. */
interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer | undefined;
}

/**
 * What API Gateway makes of a payload 2.0 result: an object with a `statusCode` is used as is;
 * anything else is the body of a 200 `application/json` answer (a string as is, the rest as JSON).
 * A malformed result throws, as API Gateway fails the request.
 */
function toAnswer(result: unknown): Answer {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(body),
    };
  }
  const { statusCode, headers, cookies, body, isBase64Encoded } =
    result as APIGatewayProxyStructuredResultV2;
  if (body !== undefined && typeof body !== 'string') {
    throw new TypeError(`The result's body must be a string, got ${typeof body}`);
  }
  const all: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) all[name] = String(value);
  if (cookies !== undefined && cookies.length > 0) all['set-cookie'] = cookies;
  return {
    status: Number(statusCode),
    headers: all,
    body: body === undefined ? undefined : Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8'),
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      const inUse = new Error(
        `Port ${port} on ${host} is already in use: stop the server listening there, or choose another port`,
        { cause: error },
      );
      reject(Object.assign(inUse, { code: error.code }));
    };
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve(server.address() as AddressInfo);
    });
  });
}
