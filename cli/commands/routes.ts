/**
 * `gantry routes <handler>`: the route table, as the handler serves it.
 */
import { type RouteInfo, routesOf } from '../../runtime/handler/routes-of.js';
import { CliError, type Command, EXIT } from '../command.js';
import { loadHandler } from '../load-module.js';
import { withOutputTo } from '../redirect-output.js';

const SCHEMA_PARTS = ['params', 'query', 'headers', 'body', 'response'] as const;

/** `gantry routes`. */
export const routes: Command = {
  name: 'routes',
  summary: 'print the route table of a handler',
  usage: '<handler> [--json]',
  description: [
    'The routes createHandler built, sorted by path then method: METHOD, PATH, the controller',
    'method that serves it, and what it validates (params, query, headers, body, response; - if',
    'nothing). --json adds the controller and method names, status, summary, description and tags.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: 'print the routes as JSON' },
    export: { type: 'string', description: 'the export to read (default handler)' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, cwd, stdout, stderr }) {
    const [file] = positionals as [string];
    const exportName = values.export as string | undefined;
    // What the module prints as it loads goes to stderr: stdout is the table (or JSON) alone.
    const handler = await withOutputTo(stderr, () => loadHandler(file, { cwd, exportName }));
    const found = routesOf(handler);
    if (!found) throw new CliError(`${file}'s handler was not made by createHandler`);
    const sorted = [...found].sort(
      (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
    );
    if (values.json) stdout.write(`${JSON.stringify(sorted.map(jsonOf), null, 2)}\n`);
    else stdout.write(table(sorted.map(rowOf)));
    return EXIT.ok;
  },
};

/** What the route validates: `params`, `query`, `headers`, `body`, `response`. */
function schemasOf(route: RouteInfo): string[] {
  return SCHEMA_PARTS.filter((part) => route.options[part] !== undefined);
}

function rowOf(route: RouteInfo) {
  return {
    method: route.method,
    path: route.path,
    handler: route.handlerName,
    schemas: schemasOf(route),
  };
}

/** A route as JSON: the schemas by the parts they validate, the documentation as declared. */
function jsonOf(route: RouteInfo) {
  const { status, summary, description, tags } = route.options;
  return {
    method: route.method,
    path: route.path,
    handler: route.handlerName,
    controller: route.controller,
    methodName: route.methodName,
    schemas: schemasOf(route),
    status,
    summary,
    description,
    tags,
  };
}

function table(rows: ReturnType<typeof rowOf>[]): string {
  const cells = [
    ['METHOD', 'PATH', 'CONTROLLER.METHOD', 'SCHEMAS'],
    ...rows.map((row) => [
      row.method,
      row.path,
      row.handler,
      row.schemas.length > 0 ? row.schemas.join(',') : '-',
    ]),
  ];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...cells.map((line) => line[column]?.length ?? 0)),
  );
  return `${cells
    .map((line) =>
      line.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell)).join('  '),
    )
    .join('\n')}\n`;
}
