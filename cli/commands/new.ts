/**
 * `gantry new <dir> [--template items|minimal]`: a service that tests, runs and deploys: a
 * controller, its handler, a test on `gantry/testing`, the CDKTF app on `gantry/infra`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { CliError, type Command, EXIT } from '../command.js';
import { type GantryPackage, gantryPackage } from '../package-info.js';

/** The placeholder the template files use for the service's name. */
const PLACEHOLDER = 'my-service';
const TEMPLATES = ['items', 'minimal'] as const;
type Template = (typeof TEMPLATES)[number];

/** The development tools a new service gets, at the versions Gantry itself is built and tested with. */
const DEV_TOOLS = [
  '@cdktf/provider-aws',
  '@types/node',
  'cdktf',
  'cdktf-cli',
  'constructs',
  'esbuild',
  'typescript',
  'vite',
  'vitest',
];

/** `gantry new`. */
export const create: Command = {
  name: 'new',
  summary: 'make a new service: controller, handler, tests, CDKTF stack',
  usage: '<dir> [--template items|minimal]',
  description: [
    'Writes a project into <dir> (which must not exist or be empty), named after the directory:',
    'package.json (scripts dev, test, typecheck, build, synth, deploy, destroy), tsconfig.json,',
    'src/ (a controller and its handler), test/ (vitest on gantry/testing), infra/main.ts and',
    'cdktf.json (a ServiceStack named after the service), .gitignore and a README.',
    '',
    'Templates: items (default: list/get/create/delete items, validated with zod), minimal (GET /hello/:name).',
    '',
    'Example: gantry new my-api && cd my-api && npm install && npm run dev',
  ].join('\n'),
  options: {
    template: { type: 'string', short: 't', description: 'items (default) or minimal' },
    'gantry-version': {
      type: 'string',
      description: 'the gantry dependency to write (default: this version, exact)',
      valueName: 'spec',
    },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, cwd, stdout }) {
    const dir = resolve(cwd, positionals[0] as string);
    const template = templateOf(values.template as string | undefined);
    const name = serviceName(basename(dir));
    refuseNonEmpty(dir);
    const gantry = gantryPackage();
    const files = projectFiles(
      gantry,
      template,
      name,
      values['gantry-version'] as string | undefined,
    );
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const shown = relative(cwd, dir) || '.';
    stdout.write(
      [
        `Created ${name} in ${shown} (template ${template}, ${files.size} files). Next:`,
        '',
        ...(shown === '.' ? [] : [`  cd ${shown}`]),
        '  npm install',
        '  npm run dev        # http://127.0.0.1:3000, reloads on save',
        '  npm test',
        `  npm run synth      # Terraform for the stack ${name} in cdktf.out/`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};

function templateOf(value: string | undefined): Template {
  if (value === undefined) return 'items';
  if ((TEMPLATES as readonly string[]).includes(value)) return value as Template;
  throw new CliError(`unknown template ${JSON.stringify(value)}: choose ${TEMPLATES.join(' or ')}`);
}

/**
 * The directory's name as the package, service and stack name: lower-case letters, digits and
 * hyphens, starting with a letter (what npm, CloudWatch dimensions and CDKTF stack ids all accept).
 */
export function serviceName(dirName: string): string {
  if (/^[a-z][a-z0-9-]{0,62}$/.test(dirName) && !dirName.endsWith('-')) return dirName;
  throw new CliError(
    `cannot name a service ${JSON.stringify(dirName)}: use a directory name of lower-case letters, digits and hyphens, starting with a letter (e.g. my-api)`,
  );
}

function refuseNonEmpty(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new CliError(`${dir} exists and is not a directory`);
  const entries = readdirSync(dir);
  if (entries.length > 0)
    throw new CliError(
      `${dir} is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}): choose a new directory`,
    );
}

/** Every file of the new project, by path, with the service's name in place. */
function projectFiles(
  gantry: GantryPackage,
  template: Template,
  name: string,
  gantrySpec: string | undefined,
): Map<string, string> {
  const files = new Map<string, string>();
  const templates = join(gantry.root, 'templates');
  for (const folder of ['shared', template]) {
    for (const path of filesUnder(join(templates, folder))) {
      const target = path === '_gitignore' ? '.gitignore' : path;
      files.set(target, readFileSync(join(templates, folder, path), 'utf8'));
    }
  }
  if (template === 'items') {
    // The items example of the Gantry repository, as it is tested there.
    const example = join(gantry.root, 'examples/items');
    for (const path of filesUnder(example)) {
      const text = readFileSync(join(example, path), 'utf8');
      files.set(`src/${path}`, text.replace("service: 'items'", `service: '${PLACEHOLDER}'`));
    }
  }
  for (const [path, text] of files) files.set(path, text.replaceAll(PLACEHOLDER, name));
  files.set('package.json', packageJson(gantry, template, name, gantrySpec));
  files.set('cdktf.json', cdktfJson(name));
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'));
}

function packageJson(
  gantry: GantryPackage,
  template: Template,
  name: string,
  gantrySpec: string | undefined,
): string {
  const pinned = (names: string[]) =>
    Object.fromEntries(
      names.map((dependency) => {
        const version = gantry.devDependencies[dependency];
        if (!version) throw new Error(`gantry's package.json does not pin ${dependency}`);
        return [dependency, version];
      }),
    );
  const pkg = {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: '>=20' },
    scripts: {
      dev: 'gantry dev src/handler.ts',
      test: 'vitest run',
      typecheck: 'tsc',
      build: 'gantry build src/handler.ts --outdir dist/lambda',
      synth: 'gantry run infra/main.ts',
      deploy: 'cdktf deploy',
      destroy: 'cdktf destroy',
    },
    dependencies: {
      gantry: gantrySpec ?? gantry.version,
      ...(template === 'items' ? pinned(['zod']) : {}),
    },
    devDependencies: pinned(DEV_TOOLS),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function cdktfJson(name: string): string {
  const config = {
    language: 'typescript',
    app: 'npx gantry run infra/main.ts',
    output: 'cdktf.out',
    projectId: name,
    sendCrashReports: 'false',
    terraformProviders: [],
    terraformModules: [],
    context: {},
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
