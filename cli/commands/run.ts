/**
 * `gantry run <file>`: runs a TypeScript module bundled as Gantry bundles handlers (decorators
 * lowered, packages from node_modules). It is the `app` of cdktf.json: `npx gantry run infra/main.ts`.
 */
import { CliError, type Command, EXIT } from '../command.js';
import { loadModule } from '../load-module.js';

/** `gantry run`. */
export const run: Command = {
  name: 'run',
  summary: 'run a TypeScript module (the cdktf app: gantry run infra/main.ts)',
  usage: '<file>',
  description: [
    'Bundles the module with esbuild, every package left in node_modules, and imports it once.',
    'cdktf.json uses it as its app, so `cdktf synth` and `cdktf deploy` need no other TypeScript runner.',
    '',
    'Example: gantry run infra/main.ts',
  ].join('\n'),
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals, cwd }) {
    const [file] = positionals as [string];
    try {
      await loadModule(file, { cwd });
    } catch (error) {
      if (error instanceof CliError) throw error;
      // The module's own failure (a construct refusing its props...): its message, one line.
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError(`${file} failed: ${message.split('\n')[0]}`, EXIT.failed);
    }
    return EXIT.ok;
  },
};
