/**
 * `gantry dev [handler] [--port]`: the handler on http://127.0.0.1:3000, reloaded on every save.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveWithReload } from '../../runtime/dev/reload.js';
import { CliError, type Command, EXIT } from '../command.js';

/** The handler served when none is named: what `gantry new` generates. */
const DEFAULT_HANDLER = 'src/handler.ts';

/** `gantry dev`. */
export const dev: Command = {
  name: 'dev',
  summary: 'serve a handler on localhost, reloading it on every save',
  usage: '[handler] [--port <n>] [--host <addr>]',
  description: [
    'Each HTTP request becomes an API Gateway HTTP API (payload 2.0) event and runs through the',
    "handler's whole chain with a local Lambda context; logs are pretty-printed (POWERTOOLS_DEV).",
    `The handler defaults to ${DEFAULT_HANDLER}; the port to $PORT, else 3000.`,
    '',
    'Example: gantry dev src/handler.ts --port 8080',
  ].join('\n'),
  options: {
    port: { type: 'string', short: 'p', description: 'port to serve on (0: any free port)' },
    host: { type: 'string', description: 'address to listen on (default 127.0.0.1)' },
    export: { type: 'string', description: 'the export to serve (default handler)' },
  },
  positionals: { min: 0, max: 1 },
  async run({ values, positionals, cwd, stderr }) {
    const handlerPath = resolve(cwd, positionals[0] ?? DEFAULT_HANDLER);
    if (!existsSync(handlerPath)) throw new CliError(`no handler file at ${handlerPath}`);
    const port = parsePort((values.port as string | undefined) ?? process.env.PORT);
    let session: Awaited<ReturnType<typeof serveWithReload>>;
    try {
      session = await serveWithReload({
        handlerPath,
        port,
        host: values.host as string | undefined,
        exportName: values.export as string | undefined,
        cwd,
        log: (line) => stderr.write(`${line}\n`),
      });
    } catch (error) {
      throw new CliError((error as Error).message, EXIT.failed);
    }
    const stop = () => void session.stop();
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    for (const signal of signals) process.on(signal, stop);
    const code = await session.done;
    for (const signal of signals) process.off(signal, stop);
    return code;
  },
};

/** A port number from the command line or `PORT`. */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65535)
    throw new CliError(`the port must be a number from 0 to 65535, got ${JSON.stringify(value)}`);
  return number;
}
