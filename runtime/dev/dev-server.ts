/**
 * A local HTTP server for a Lambda handler: each request becomes an HTTP API (v2) event, runs
 * through the handler's whole Middy chain with a local Lambda context, and the answer is written
 * back. What `npm run dev` runs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { toHttpApiEvent } from './http-to-event.js';
import { createLocalRuntime, type LambdaHandler, type LocalRuntimeOptions } from './local-runtime.js';

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
      console.error('gantry dev: the handler failed (Lambda would report an invocation error):', error);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Internal Server Error' }));
    });
  });
  const address = await listen(server, options.port ?? 3000, options.host ?? '127.0.0.1');
  return {
    url: `http://${address.address}:${address.port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  invoke: (event: unknown) => Promise<unknown>,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const event = toHttpApiEvent(req, Buffer.concat(chunks));
  const result = (await invoke(event)) as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'));
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}
