/**
 * Every variant of the benchmark app: the floor, Gantry with and without its observability
 * chain, and the peers users would pick instead, each serving the same app (see
 * ../app-check.ts) from its own module, built once at module load.
 *
 * `unsupported` records, with the reason, every source a variant does not answer correctly as
 * installed and configured here; `sources` is the rest. The tests prove both: each claimed
 * source passes the app check, each unsupported one fails it.
 */
import { fileURLToPath } from 'node:url';
import { type LambdaHandler, SOURCES, type Source } from '../app-check.js';

/** One variant of the benchmark app. */
export interface Variant {
  /** The module's name (`hono` is `benchmarks/apps/hono.ts`). */
  readonly name: string;
  /** Its module, from the repository root. */
  readonly module: string;
  /** Its module, as an absolute path (for bundling and fresh-process cold starts). */
  readonly file: string;
  readonly description: string;
  /** Whether it logs, measures and traces every request (the Gantry-equivalent chain). */
  readonly observability: boolean;
  /** The sources it answers correctly. */
  readonly sources: readonly Source[];
  /** The sources it does not, each with the reason. */
  readonly unsupported: Readonly<Partial<Record<Source, string>>>;
  /** Imports the module (once per process) and gives its handler. */
  readonly load: () => Promise<{ handler: LambdaHandler }>;
}

interface VariantSpec {
  name: string;
  description: string;
  observability: boolean;
  unsupported?: Partial<Record<Source, string>>;
  load: () => Promise<{ handler: LambdaHandler }>;
}

function variant(spec: VariantSpec): Variant {
  const unsupported = spec.unsupported ?? {};
  return {
    ...spec,
    module: `benchmarks/apps/${spec.name}.ts`,
    file: fileURLToPath(new URL(`./${spec.name}.ts`, import.meta.url)),
    sources: SOURCES.filter((source) => unsupported[source] === undefined),
    unsupported,
  };
}

/** The variants, the floor first. */
export const VARIANTS: readonly Variant[] = [
  variant({
    name: 'raw',
    description: 'hand-written handler, no framework (the floor)',
    observability: false,
    load: () => import('./raw.js'),
  }),
  variant({
    name: 'gantry-off',
    description: 'Gantry, observability: false',
    observability: false,
    load: () => import('./gantry-off.js'),
  }),
  variant({
    name: 'gantry-full',
    description: 'Gantry with its observability chain',
    observability: true,
    load: () => import('./gantry-full.js'),
  }),
  variant({
    name: 'raw-powertools',
    description: 'raw handler + Powertools middlewares, access log and route metrics by hand',
    observability: true,
    load: () => import('./raw-powertools.js'),
  }),
  variant({
    name: 'powertools-router',
    description: 'Powertools event-handler Router',
    observability: false,
    unsupported: {
      'alb-multi':
        'answers ALB in `headers` whatever the mode (multiValueHeaders only for repeated values); multi-value mode reads only `multiValueHeaders`',
    },
    load: () => import('./powertools-router.js'),
  }),
  variant({
    name: 'powertools-router-observed',
    description: 'Powertools Router + Powertools middlewares, access log and route metrics by hand',
    observability: true,
    unsupported: {
      'alb-multi':
        'answers ALB in `headers` whatever the mode (multiValueHeaders only for repeated values); multi-value mode reads only `multiValueHeaders`',
    },
    load: () => import('./powertools-router-observed.js'),
  }),
  variant({
    name: 'hono',
    description: 'Hono + hono/aws-lambda',
    observability: false,
    load: () => import('./hono.js'),
  }),
  variant({
    name: 'serverless-express',
    description: 'Express 5 + @codegenie/serverless-express',
    observability: false,
    load: () => import('./serverless-express.js'),
  }),
  variant({
    name: 'fastify',
    description: 'Fastify 5 + @fastify/aws-lambda',
    observability: false,
    unsupported: {
      'alb-multi':
        'by default drops every request header that has a single value in `multiValueHeaders` (so the POST loses its content type: 415) and answers in `headers`; needs the `albMultiValueHeaders: true` option',
    },
    load: () => import('./fastify.js'),
  }),
  variant({
    name: 'serverless-http',
    description: 'Express 5 + serverless-http',
    observability: false,
    load: () => import('./serverless-http.js'),
  }),
  variant({
    name: 'middy-http-router',
    description: '@middy/core + @middy/http-router (routes write the answer themselves)',
    observability: false,
    unsupported: {
      'alb-multi':
        'the router translates nothing: the routes answer `headers`, which multi-value mode does not read; each route would have to branch on the event',
    },
    load: () => import('./middy-http-router.js'),
  }),
  variant({
    name: 'lambda-api',
    description: 'lambda-api',
    observability: false,
    load: () => import('./lambda-api.js'),
  }),
];
