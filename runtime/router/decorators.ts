/**
 * `@Controller` and the route decorators. TC39 standard decorators: no `experimentalDecorators`,
 * no reflect-metadata; routes are recorded on `context.metadata`.
 */
import { addRoute, type HttpMethod, setPrefix } from './metadata.js';
import type { RouteOptions } from './route-options.js';

// biome-ignore lint/suspicious/noExplicitAny: a controller may take any constructor arguments.
type Class = abstract new (...args: any[]) => unknown;
// biome-ignore lint/suspicious/noExplicitAny: the request type is checked where the method is written.
type RouteMethod = (...args: any[]) => unknown;

/**
 * Marks a class as a controller; its routes are mounted under `prefix`.
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
    setPrefix(context.metadata, prefix);
  };
}

function routeDecorator(method: HttpMethod) {
  return (path = '/', options: RouteOptions = {}) =>
    (_value: RouteMethod, context: ClassMethodDecoratorContext): void => {
      if (context.static || context.private) {
        throw new TypeError(
          `@${method[0]}${method.slice(1).toLowerCase()}('${path}') must decorate a public instance method, not ${context.static ? 'static ' : ''}${String(context.name)}`,
        );
      }
      addRoute(context.metadata, { method, path, options, property: context.name });
    };
}

/**
 * Serves `GET` requests (and `HEAD`, without the body) on `path`.
 *
 * @example
 * ```ts
 * @Get('/:id', { params: z.object({ id: z.coerce.number() }) })
 * get(req: Req<'/:id'>) { return items.get(req.params.id); }
 * ```
 */
export const Get = routeDecorator('GET');

/**
 * Serves `POST` requests on `path`.
 *
 * @example
 * ```ts
 * @Post('/', { body: z.object({ name: z.string() }), status: 201 })
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
