/**
 * `gantry invoke <handler> [event.json | -]`: one invocation through the whole chain with a
 * local Lambda context; the handler's logs on stderr, the result on stdout.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { CliError, type Command, type CommandInput, EXIT } from '../command.js';
import { eventFromOptions, REQUEST_OPTIONS, sourceOf } from '../event-options.js';
import { loadHandler } from '../load-module.js';
import { withOutputTo } from '../redirect-output.js';

/** `gantry invoke`. */
export const invoke: Command = {
  name: 'invoke',
  summary: 'run one invocation of a handler locally and print its result',
  usage: '<handler> [event.json | -] [--source --method --path --query --header --body --json]',
  description: [
    'The event comes from a file, from stdin (-), or is built from the request options, shaped',
    "like the source's real events. The handler runs with a Lambda context, its logs are printed",
    'on stderr (pretty, POWERTOOLS_DEV=true unless set) and the result, as JSON, on stdout.',
    'Exit 0 for any answer (1 for a 5xx with --fail), 1 when the handler throws.',
    '',
    'Example: gantry invoke src/handler.ts --source apigw-v1 --method POST --path /items --json \'{"name":"a"}\'',
  ].join('\n'),
  options: {
    ...REQUEST_OPTIONS,
    raw: { type: 'boolean', description: 'print the result on one line' },
    fail: { type: 'boolean', description: 'exit 1 when the answer is a 5xx' },
    export: { type: 'string', description: 'the export to invoke (default handler)' },
  },
  positionals: { min: 1, max: 2 },
  async run({ values, positionals, cwd, stdout, stderr, stdin }) {
    const [file, eventFile] = positionals as [string, string | undefined];
    const event =
      eventFile === undefined
        ? eventFromOptions(values, sourceOf(values.source))
        : await readEvent(eventFile, cwd, stdin, values);
    process.env.POWERTOOLS_DEV ??= 'true';
    // Before the handler's module: it installs the invocation store Powertools may need.
    const { createLocalRuntime } = await import('../../runtime/dev/local-runtime.js');
    const exportName = values.export as string | undefined;
    // The handler's log and EMF lines go to stderr as they are written: stdout is the result alone.
    const result = await withOutputTo(stderr, async () => {
      const handler = await loadHandler(file, { cwd, exportName });
      const runtime = await createLocalRuntime(handler);
      try {
        return await runtime.invoke(event);
      } catch (error) {
        throw handlerFailure(error);
      }
    });
    stdout.write(`${values.raw ? JSON.stringify(result) : JSON.stringify(result, null, 2)}\n`);
    const status = (result as { statusCode?: unknown } | null | undefined)?.statusCode;
    return values.fail && typeof status === 'number' && status >= 500 ? EXIT.failed : EXIT.ok;
  },
};

/** A handler that throws (rather than answering a 500) is a failed invocation, as on Lambda. */
function handlerFailure(error: unknown): CliError {
  const message =
    error instanceof Error ? `${error.name}: ${error.message}` : `${JSON.stringify(error)}`;
  return new CliError(`the handler threw ${message.split('\n')[0]}`, EXIT.failed, {
    cause: error,
  });
}

/** The request options, which describe an event: meaningless beside an event file. */
const REQUEST_OPTION_NAMES = Object.keys(REQUEST_OPTIONS);

async function readEvent(
  file: string,
  cwd: string,
  stdin: NodeJS.ReadableStream,
  values: CommandInput['values'],
): Promise<unknown> {
  const given = REQUEST_OPTION_NAMES.filter((name) => values[name] !== undefined);
  if (given.length > 0)
    throw new CliError(
      `give an event file or request options, not both (--${given.join(', --')} with ${file})`,
    );
  let source: string;
  if (file === '-') source = await text(stdin);
  else {
    try {
      source = readFileSync(resolve(cwd, file), 'utf8');
    } catch {
      throw new CliError(`no such event file: ${resolve(cwd, file)}`);
    }
  }
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new CliError(
      `${file === '-' ? 'stdin' : file} is not valid JSON: ${(error as Error).message}`,
    );
  }
}
