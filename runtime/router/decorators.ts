/**
 * `@Controller` and the route decorators. TC39 standard decorators: no `experimentalDecorators`,
 * no reflect-metadata; routes are recorded on `context.metadata`.
 *
 * The route decorators check the method they decorate: its first parameter must accept the
 * `Req` its path and schemas give (`Req<'/:id', { body: typeof CreateItem }>`), and with a
 * `response` schema its result must be the schema's input (or a `reply(...)`, a `Response`,
 * bytes or a stream, sent as they are).
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { addRoute, type HttpMethod, setPrefix } from './metadata.js';
import type { Reply } from './reply.js';
import type { Req } from './request.js';
import type { AnySchema, RouteOptions, RouteSchemas } from './route-options.js';

// biome-ignore lint/suspicious/noExplicitAny: a controller may take any constructor arguments.
type Class = abstract new (...args: any[]) => unknown;

type SchemaKey = keyof RouteSchemas;

/** What a route sends as it is, without a response schema's check (see `isFramed`). */
type Framed = Reply | Response | Uint8Array | ArrayBuffer | AsyncIterable<unknown>;

/** A route's result before it is awaited: the schema's input, nothing, or a framed result. */
// biome-ignore lint/suspicious/noConfusingVoidType: a method that returns nothing returns `void`.
type ResponseOf<T> = T | Framed | void;

/**
 * What a route method may return: anything, or with a `response` schema the schema's input (or
 * nothing, or a framed result), or a `Promise` of one (the result is awaited only if it is a
 * `Promise`).
 */
type RouteResult<S extends RouteSchemas> = S extends { response: infer R extends AnySchema }
  ? ResponseOf<StandardSchemaV1.InferInput<R>> | Promise<ResponseOf<StandardSchemaV1.InferInput<R>>>
  : unknown;

/**
 * The methods a route decorator accepts: those whose first parameter takes the `Req` of the
 * route's path and schemas (or that take nothing).
 */
type RouteMethod<P extends string, S extends RouteSchemas> = (req: Req<P, S>) => RouteResult<S>;

/**
 * A route decorator, as `@Get(path, options)` gives it. `S` is the schemas among the options:
 * `{ body: typeof CreateItem }` for `{ body: CreateItem, status: 201 }`.
 */
type RouteDecorator<P extends string, S extends RouteSchemas> = (
  value: RouteMethod<P, S>,
  context: ClassMethodDecoratorContext,
) => void;

const LEGACY_DECORATORS =
  'Gantry\'s decorators are TC39 standard decorators: remove "experimentalDecorators" from tsconfig.json (TypeScript 5+ compiles them without it)';

/**
 * Throws when a decorator is called the `experimentalDecorators` way: `(target, key, descriptor)`
 * for a method, `(constructor)` for a class, so `context` is not a decorator context.
 */
function assertStandard(decorator: string, context: unknown): void {
  if (typeof context !== 'object' || context === null) {
    throw new TypeError(`${decorator}: ${LEGACY_DECORATORS}`);
  }
}

/**
 * Marks a class as a controller; its routes are mounted under `prefix`. Each route decorator
 * checks its method against its own path, so a parameter of the prefix is not in
 * `Req<'/:id'>`: declare it with a `params` schema (`Req<'/:id', { params: typeof ListItem }>`).
 * Called the `experimentalDecorators` way, it throws an error that says to remove that option.
 *
 * @example
 * ```ts
 * @Controller('/items')
 * export class ItemsController {
 *   @Get('/:id')
 *   get(req: Req<'/:id'>) { return { id: req.params.id }; }
 * }
 * ```
 */
export function Controller(prefix = '') {
  return (_value: Class, context: ClassDecoratorContext): void => {
    assertStandard(`@Controller('${prefix}')`, context);
    setPrefix(context.metadata, prefix);
  };
}

function routeDecorator(method: HttpMethod) {
  const name = `${method[0]}${method.slice(1).toLowerCase()}`;
  // biome-ignore lint/complexity/noBannedTypes: `{}` is "no options".
  return <const P extends string = '/', const O extends RouteOptions = {}>(
    path: P = '/' as P,
    options: O = {} as O,
  ): RouteDecorator<
    P,
    { -readonly [K in keyof O & SchemaKey as O[K] extends AnySchema ? K : never]: O[K] }
  > =>
    (_value, context) => {
      assertStandard(`@${name}('${path}')`, context);
      if (context.static || context.private) {
        throw new TypeError(
          `@${name}('${path}') must decorate a public instance method, not ${context.static ? 'static ' : ''}${String(context.name)}`,
        );
      }
      addRoute(context.metadata, { method, path, options, property: context.name });
    };
}

/**
 * Serves `GET` requests (and `HEAD`, without the body) on `path`. Like every route decorator, it
 * checks the method at compile time: its parameter must take `Req<path, { ...schemas }>` (a
 * `params` schema's output, not the raw strings), and with a `response` schema it must return the
 * schema's input.
 *
 * @example
 * ```ts
 * const ItemParams = z.object({ id: z.coerce.number() });
 *
 * @Get('/:id', { params: ItemParams })
 * get(req: Req<'/:id', { params: typeof ItemParams }>) { return items.get(req.params.id); }
 * ```
 */
export const Get = routeDecorator('GET');

/**
 * Serves `POST` requests on `path`.
 *
 * @example
 * ```ts
 * const CreateItem = z.object({ name: z.string() });
 *
 * @Post('/', { body: CreateItem, status: 201 })
 * create(req: Req<'/', { body: typeof CreateItem }>) { return items.add(req.body); }
 * ```
 */
export const Post = routeDecorator('POST');

/**
 * Serves `PUT` requests on `path`.
 *
 * @example
 * ```ts
 * @Put('/:id', { body: Item })
 * replace(req: Req<'/:id', { body: typeof Item }>) { return items.set(req.params.id, req.body); }
 * ```
 */
export const Put = routeDecorator('PUT');

/**
 * Serves `PATCH` requests on `path`.
 *
 * @example
 * ```ts
 * @Patch('/:id', { body: ItemPatch })
 * update(req: Req<'/:id', { body: typeof ItemPatch }>) { return items.merge(req.params.id, req.body); }
 * ```
 */
export const Patch = routeDecorator('PATCH');

/**
 * Serves `DELETE` requests on `path`.
 *
 * @example
 * ```ts
 * @Delete('/:id')
 * remove(req: Req<'/:id'>) { items.delete(req.params.id); } // 204
 * ```
 */
export const Delete = routeDecorator('DELETE');

/**
 * Serves `HEAD` requests on `path` (without it, `HEAD` is served by the `GET` route).
 *
 * @example
 * ```ts
 * @Head('/:id')
 * exists(req: Req<'/:id'>) { return reply(items.has(req.params.id) ? 200 : 404); }
 * ```
 */
export const Head = routeDecorator('HEAD');

/**
 * Serves `OPTIONS` requests on `path`.
 *
 * @example
 * ```ts
 * @Options('/')
 * options() { return reply(204, undefined, { allow: 'GET, POST' }); }
 * ```
 */
export const Options = routeDecorator('OPTIONS');
