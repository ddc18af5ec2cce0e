/**
 * `gantry routes <handler>`: the route table, as the handler serves it.
 */
import { type RouteInfo, routesOf } from '../../runtime/handler/routes-of.js';
import { CliError, type Command, EXIT } from '../command.js';
import { loadHandler } from '../load-module.js';

const SCHEMA_PARTS = ['params', 'query', 'headers', 'body', 'response'] as const;

/** `gantry routes`. */
export const routes: Command = {
  name: 'routes',
  summary: 'print the route table of a handler',
  usage: '<handler> [--json]',
  description: 'Columns: METHOD, PATH, the controller method, and what the route validates.',
  options: {
    json: { type: 'boolean', description: 'print the routes as JSON' },
    export: { type: 'string', description: 'the export to read (default handler)' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, cwd, stdout }) {
    const [file] = positionals as [string];
    const handler = await loadHandler(file, {
      cwd,
      exportName: values.export as string | undefined,
    });
    const found = routesOf(handler);
    if (!found) throw new CliError(`${file}'s handler was not made by createHandler`);
    const sorted = [...found].sort(
      (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
    );
    if (values.json) {
      const rows = sorted.map((route) => ({ ...rowOf(route), summary: route.options.summary }));
      stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else stdout.write(table(sorted.map(rowOf)));
    return EXIT.ok;
  },
};

function rowOf(route: RouteInfo) {
  const schemas = SCHEMA_PARTS.filter((part) => route.options[part] !== undefined);
  return { method: route.method, path: route.path, handler: route.handlerName, schemas };
}

function table(rows: ReturnType<typeof rowOf>[]): string {
  const cells = [
    ['METHOD', 'PATH', 'HANDLER', 'SCHEMAS'],
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
