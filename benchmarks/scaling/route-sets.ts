/**
 * The scaling app, generated at run time: `count` routes `GET /r0/:id` … `GET /r{count-1}/:id`,
 * each answering `{ id, route: 'r<i>' }`, on Gantry, the Powertools Router and Hono.
 */
import type { Context } from 'aws-lambda';
import type { LambdaHandler } from '../app-check.js';

/** The frameworks of the scaling section. */
export const FRAMEWORKS = ['gantry', 'powertools-router', 'hono'] as const;

/** A framework of the scaling section. */
export type Framework = (typeof FRAMEWORKS)[number];

/**
 * Prepares `count` routes: what is the user's code (the route functions, a controller's methods)
 * is made here, untimed; the function returned registers them and builds the handler, the part
 * timed as the route-table build.
 */
export type PrepareRoutes = (count: number) => () => LambdaHandler;

interface RouteParams {
  params: { id: string };
}

type RouteMethod = (req: RouteParams) => { id: string; route: string };

/**
 * Gantry: one controller class with `count` methods (defined untimed), decorated as the TC39
 * decorators runtime does it (the same decorator calls, in a loop: timed with the build), served
 * by `createHandler` with `observability: false`.
 */
async function gantry(): Promise<PrepareRoutes> {
  const { Controller, Get, createHandler } = await import('gantry');
  return (count) => {
    const metadata: DecoratorMetadataObject = {};
    class RoutesController {}
    const methods: [string, RouteMethod][] = [];
    for (let i = 0; i < count; i++) {
      const name = `r${i}`;
      const method: RouteMethod = (req) => ({ id: req.params.id, route: name });
      Object.defineProperty(RoutesController.prototype, name, { value: method });
      methods.push([name, method]);
    }
    const context = (name: string) =>
      ({
        kind: 'method',
        name,
        static: false,
        private: false,
        metadata,
        addInitializer: () => {},
        access: { has: () => true, get: (object: Record<string, unknown>) => object[name] },
      }) as unknown as ClassMethodDecoratorContext;
    return () => {
      for (const [name, method] of methods) Get(`/${name}/:id`)(method, context(name));
      Controller()(RoutesController, {
        kind: 'class',
        name: 'RoutesController',
        metadata,
        addInitializer: () => {},
      } as ClassDecoratorContext);
      Object.defineProperty(RoutesController, Symbol.metadata, { value: metadata });
      return createHandler({
        controllers: [RoutesController],
        service: 'bench',
        observability: false,
      }) as unknown as LambdaHandler;
    };
  };
}

/** The Powertools event-handler Router, resolved through its own `resolve`. */
async function powertoolsRouter(): Promise<PrepareRoutes> {
  const { Router } = await import('@aws-lambda-powertools/event-handler/http');
  return (count) => {
    const routes = Array.from({ length: count }, (_, i) => {
      const route = `r${i}`;
      return [route, ({ params }: RouteParams) => ({ id: params.id, route })] as const;
    });
    return () => {
      const app = new Router();
      for (const [route, handler] of routes) app.get(`/${route}/:id`, handler as never);
      return ((event: unknown, context: Context) => app.resolve(event, context)) as LambdaHandler;
    };
  };
}

/** Hono with its AWS Lambda adapter. */
async function hono(): Promise<PrepareRoutes> {
  const { Hono } = await import('hono');
  const { handle } = await import('hono/aws-lambda');
  type HonoContext = { req: { param(name: string): string }; json(body: unknown): Response };
  return (count) => {
    const routes = Array.from({ length: count }, (_, i) => {
      const route = `r${i}`;
      return [route, (c: HonoContext) => c.json({ id: c.req.param('id'), route })] as const;
    });
    return () => {
      const app = new Hono();
      for (const [route, handler] of routes) app.get(`/${route}/:id`, handler as never);
      return handle(app) as unknown as LambdaHandler;
    };
  };
}

const LOADERS: Record<Framework, () => Promise<PrepareRoutes>> = {
  gantry,
  'powertools-router': powertoolsRouter,
  hono,
};

/**
 * Imports `framework` and gives the function that prepares a route set on it; the import is
 * done here, so that timing the build leaves the module loading out.
 *
 * @example
 * ```ts
 * const prepare = await loadFramework('hono');
 * const build = prepare(1000); // untimed: the route functions
 * const handler = build(); // timed: registration and the handler
 * ```
 */
export function loadFramework(framework: Framework): Promise<PrepareRoutes> {
  return LOADERS[framework]();
}
