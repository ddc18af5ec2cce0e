/**
 * `gantry events <source>`: a sample event of a source, shaped like the real captures.
 */
import { TEST_SOURCES } from '../../runtime/testing/events.js';
import { CliError, type Command, EXIT } from '../command.js';
import { eventFromOptions, REQUEST_OPTIONS, sourceOf } from '../event-options.js';

/** `gantry events`. */
export const events: Command = {
  name: 'events',
  summary: 'print a sample event of a source (apigw-v1, apigw-v2, alb, ...)',
  usage: '<source> [--method --path --query --header --body --json] | --list',
  description: [
    'Prints the event that service sends for the request the options describe, shaped like its',
    'real events. With --list, or without a source, lists the sources.',
    '',
    'Example: gantry events alb --method POST --path /items --json \'{"name":"a"}\' > event.json',
  ].join('\n'),
  options: {
    list: { type: 'boolean', short: 'l', description: 'list the sources' },
    ...Object.fromEntries(Object.entries(REQUEST_OPTIONS).filter(([name]) => name !== 'source')),
  },
  positionals: { min: 0, max: 1 },
  async run({ values, positionals, stdout }) {
    if (values.list && positionals.length > 0)
      throw new CliError('give a source or --list, not both');
    if (values.list || positionals.length === 0) {
      stdout.write(`${TEST_SOURCES.join('\n')}\n`);
      return EXIT.ok;
    }
    const event = eventFromOptions(values, sourceOf(positionals[0]));
    stdout.write(`${JSON.stringify(event, null, 2)}\n`);
    return EXIT.ok;
  },
};
