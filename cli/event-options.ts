/**
 * The options `gantry invoke` and `gantry events` share to describe a request, and the event
 * they build from them.
 */
import {
  buildEvent,
  TEST_SOURCES,
  type TestRequest,
  type TestSource,
} from '../runtime/testing/events.js';
import { CliError, type CommandInput, type CommandOptions } from './command.js';

/** `--source --method --path --query --header --body --json`. */
export const REQUEST_OPTIONS: CommandOptions = {
  source: {
    type: 'string',
    short: 's',
    description: `the event source: ${TEST_SOURCES.join(', ')} (default apigw-v2)`,
  },
  method: { type: 'string', short: 'X', description: 'the HTTP method (default GET)' },
  path: {
    type: 'string',
    short: 'p',
    description: 'the path, with a query if you like (default /)',
  },
  query: { type: 'string', short: 'q', description: 'a query string, a=1&b=2' },
  header: {
    type: 'string',
    short: 'H',
    multiple: true,
    description: "a header, 'name: value'",
    valueName: 'name: value',
  },
  body: { type: 'string', short: 'd', description: 'the body, as text' },
  json: { type: 'string', description: 'a JSON body (sets content-type: application/json)' },
};

/** A source name from the command line. */
export function sourceOf(value: unknown): TestSource {
  if (value === undefined) return 'apigw-v2';
  if ((TEST_SOURCES as readonly unknown[]).includes(value)) return value as TestSource;
  throw new CliError(
    `unknown source ${JSON.stringify(value)}: choose one of ${TEST_SOURCES.join(', ')}`,
  );
}

/** The event the request options describe. */
export function eventFromOptions(values: CommandInput['values'], source: TestSource) {
  const request: TestRequest = {};
  if (values.method !== undefined) request.method = String(values.method).toUpperCase();
  if (values.path !== undefined) request.path = String(values.path);
  if (values.query !== undefined) request.query = String(values.query);
  const headers = (values.header as string[] | undefined) ?? [];
  if (headers.length > 0) {
    const parsed: Record<string, string[]> = {};
    for (const header of headers) {
      const colon = header.indexOf(':');
      if (colon <= 0)
        throw new CliError(`a header is 'name: value', got ${JSON.stringify(header)}`);
      const name = header.slice(0, colon).trim().toLowerCase();
      parsed[name] = [...(parsed[name] ?? []), header.slice(colon + 1).trim()];
    }
    request.headers = parsed;
  }
  if (values.body !== undefined && values.json !== undefined)
    throw new CliError('give --body or --json, not both');
  if (values.body !== undefined) request.body = String(values.body);
  if (values.json !== undefined) {
    try {
      request.json = JSON.parse(String(values.json));
    } catch (error) {
      throw new CliError(`--json is not valid JSON: ${(error as Error).message}`);
    }
  }
  return buildEvent(source, request);
}
