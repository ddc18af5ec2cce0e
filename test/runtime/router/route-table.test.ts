import Router from 'find-my-way';
import { Controller, Delete, Get, Head, type Req, reply } from 'gantry';
import { describe, expect, it } from 'vitest';
import { createRouteTable } from '../../../runtime/router/route-table.js';
import { handlerFor, invoke, jsonOf } from '../handler/invoke.js';

@Controller('/items')
class ItemsController {
  @Get('/')
  list() {
    return { items: [] };
  }

  @Get('/:id')
  get(req: Req<'/:id'>) {
    return { id: req.params.id };
  }

  @Delete('/:id')
  remove() {
    return undefined;
  }

  @Get('/:id/files/*')
  file(req: Req<'/:id/files/*'>) {
    return { id: req.params.id, file: req.params['*'] };
  }
}

@Controller('/pages')
class PagesController {
  @Get('/:name')
  page(req: Req<'/:name'>) {
    return reply(200, `<h1>${req.params.name}</h1>`, {
      'content-type': 'text/html',
      'x-page': req.params.name,
    });
  }

  @Head('/special')
  specialHead() {
    return reply(200, undefined, { 'x-head': 'own' });
  }

  @Get('/special')
  special() {
    return { special: true };
  }
}

describe('routing through createHandler', () => {
  const handler = handlerFor([ItemsController, PagesController]);

  it('hands over decoded path parameters', async () => {
    // Act
    const answer = await invoke(handler, { path: '/items/caf%C3%A9%20au%20lait' });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(jsonOf(answer)).toEqual({ id: 'café au lait' });
  });

  it('keeps an encoded slash inside one parameter', async () => {
    // Act
    const answer = await invoke(handler, { path: '/items/a%2Fb' });

    // Assert
    expect(jsonOf(answer)).toEqual({ id: 'a/b' });
  });

  it('hands over the rest of the path as the wildcard parameter', async () => {
    // Act
    const answer = await invoke(handler, { path: '/items/7/files/docs/read%20me.txt' });

    // Assert
    expect(jsonOf(answer)).toEqual({ id: '7', file: 'docs/read me.txt' });
  });

  it('tolerates a trailing slash', async () => {
    // Act
    const list = await invoke(handler, { path: '/items/' });
    const item = await invoke(handler, { path: '/items/42/' });

    // Assert
    expect(jsonOf(list)).toEqual({ items: [] });
    expect(jsonOf(item)).toEqual({ id: '42' });
  });

  it('answers an unknown path with 404 and a JSON error body', async () => {
    // Act
    const answer = await invoke(handler, { path: '/nowhere' });

    // Assert
    expect(answer.statusCode).toBe(404);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(jsonOf(answer)).toEqual({
      error: { status: 404, message: 'No route for GET /nowhere' },
    });
  });

  it('answers a known path with another method with 405 and an Allow header', async () => {
    // Act
    const answer = await invoke(handler, { method: 'PUT', path: '/items/42' });

    // Assert
    expect(answer.statusCode).toBe(405);
    expect(answer.headers.allow).toBe('DELETE, GET, HEAD');
    expect(jsonOf(answer)).toEqual({
      error: {
        status: 405,
        message: 'Method PUT is not allowed for /items/42; allowed: DELETE, GET, HEAD',
      },
    });
  });

  it('serves HEAD from the GET route, with its headers and status but no body', async () => {
    // Act
    const answer = await invoke(handler, { method: 'HEAD', path: '/pages/home' });

    // Assert
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html');
    expect(answer.headers['x-page']).toBe('home');
    expect(answer.body).toBe('');
  });

  it('serves HEAD from a @Head route when one exists', async () => {
    // Act
    const head = await invoke(handler, { method: 'HEAD', path: '/pages/special' });
    const get = await invoke(handler, { method: 'GET', path: '/pages/special' });

    // Assert
    expect(head.headers['x-head']).toBe('own');
    expect(head.body).toBe('');
    expect(jsonOf(get)).toEqual({ special: true });
  });

  it('prefers a static segment to a parameter', async () => {
    // Act
    const answer = await invoke(handler, { path: '/pages/special' });

    // Assert
    expect(jsonOf(answer)).toEqual({ special: true });
  });
});

describe('createRouteTable', () => {
  it('finds the stored value and decoded parameters of a route', () => {
    // Prepare
    const table = createRouteTable<string>();
    table.add('GET', '/items/:id', 'get-item');

    // Act
    const found = table.find('GET', '/items/a%20b');

    // Assert
    expect(found?.store).toBe('get-item');
    expect({ ...found?.params }).toEqual({ id: 'a b' });
  });

  it('finds nothing for an unknown path or method', () => {
    // Prepare
    const table = createRouteTable<string>();
    table.add('GET', '/items/:id', 'get-item');

    // Act
    const unknownPath = table.find('GET', '/other');
    const unknownMethod = table.find('POST', '/items/1');

    // Assert
    expect(unknownPath).toBeUndefined();
    expect(unknownMethod).toBeUndefined();
  });

  it('lists the methods some route serves on a path, sorted', () => {
    // Prepare
    const table = createRouteTable<string>();
    table.add('POST', '/items', 'create');
    table.add('GET', '/items', 'list');
    table.add('DELETE', '/items/:id', 'remove');

    // Act
    const onList = table.allowedMethods('/items');
    const onItem = table.allowedMethods('/items/3');
    const onNothing = table.allowedMethods('/nothing');

    // Assert
    expect(onList).toEqual(['GET', 'POST']);
    expect(onItem).toEqual(['DELETE']);
    expect(onNothing).toEqual([]);
  });

  it('accepts parameters up to 500 characters long', () => {
    // Prepare
    const table = createRouteTable<string>();
    table.add('GET', '/items/:id', 'get-item');
    const long = 'x'.repeat(500);

    // Act
    const found = table.find('GET', `/items/${long}`);

    // Assert
    expect(found?.params.id).toBe(long);
  });
});

/** A route table holding the given `METHOD /path` routes, each storing its own spelling. */
function tableOf(routes: readonly string[]) {
  const table = createRouteTable<string>();
  for (const route of routes) {
    const [method, path] = route.split(' ') as [string, string];
    table.add(method, path, route);
  }
  return table;
}

/** The answer of asking find-my-way itself, method by method, with the table's options. */
function naiveAllowedMethods(routes: readonly string[], routingPath: string): string[] {
  const router = Router({ ignoreTrailingSlash: true, maxParamLength: 500 });
  const methods = new Set<string>();
  for (const route of routes) {
    const [method, path] = route.split(' ') as [Router.HTTPMethod, string];
    router.on(method, path, () => undefined);
    methods.add(method);
  }
  return [...methods]
    .filter((method) => router.find(method as Router.HTTPMethod, routingPath) !== null)
    .sort();
}

describe('createRouteTable allowedMethods', () => {
  it('answers [] for a path no route of any method matches', () => {
    // Prepare
    const table = tableOf(['GET /items', 'POST /items', 'GET /items/:id', 'DELETE /items/:id']);

    // Act
    const answers = ['/', '/other', '/items/1/extra', '/itemsx'].map((path) =>
      table.allowedMethods(path),
    );

    // Assert
    expect(answers).toEqual([[], [], [], []]);
  });

  it('answers [] for every path of an empty table', () => {
    // Prepare
    const table = createRouteTable<string>();

    // Act
    const allowed = table.allowedMethods('/');

    // Assert
    expect(allowed).toEqual([]);
  });

  it('gives both methods on a static path that a param route of another method also matches', () => {
    // Prepare
    const table = tableOf(['GET /items/:id', 'POST /items/new']);

    // Act
    const onStatic = table.allowedMethods('/items/new');
    const onParam = table.allowedMethods('/items/42');

    // Assert
    expect(onStatic).toEqual(['GET', 'POST']);
    expect(onParam).toEqual(['GET']);
  });

  it('gives the methods of a wildcard and of a param route where both match, the wildcard alone deeper', () => {
    // Prepare
    const table = tableOf(['GET /files/*', 'PUT /files/:name']);

    // Act
    const oneSegment = table.allowedMethods('/files/a.txt');
    const deeper = table.allowedMethods('/files/docs/a.txt');
    const elsewhere = table.allowedMethods('/other/a.txt');

    // Assert
    expect(oneSegment).toEqual(['GET', 'PUT']);
    expect(deeper).toEqual(['GET']);
    expect(elsewhere).toEqual([]);
  });

  it('answers right when two methods have routes of the same shape under other param names', () => {
    // Prepare
    const table = tableOf(['GET /items/:id', 'DELETE /items/:itemId', 'POST /items']);

    // Act
    const onItem = table.allowedMethods('/items/7');
    const onList = table.allowedMethods('/items');
    const onNothing = table.allowedMethods('/nothing');
    const got = table.find('GET', '/items/7');
    const deleted = table.find('DELETE', '/items/7');

    // Assert
    expect(onItem).toEqual(['DELETE', 'GET']);
    expect(onList).toEqual(['POST']);
    expect(onNothing).toEqual([]);
    expect({ ...got?.params }).toEqual({ id: '7' });
    expect({ ...deleted?.params }).toEqual({ itemId: '7' });
  });

  it('answers right when two methods have params of other patterns in the same place', () => {
    // Prepare
    const table = tableOf(['GET /n/:id(^\\d+$)', 'DELETE /n/:key(^[a-z]+$)']);

    // Act
    const digits = table.allowedMethods('/n/12');
    const letters = table.allowedMethods('/n/abc');
    const neither = table.allowedMethods('/n/A-1');

    // Assert
    expect(digits).toEqual(['GET']);
    expect(letters).toEqual(['DELETE']);
    expect(neither).toEqual([]);
  });

  it('answers the same whatever order the routes were added in', () => {
    // Prepare
    const routes = ['DELETE /a/:id', 'GET /a/new', 'PUT /a/*', 'GET /a/:x/b'];
    const forward = tableOf(routes);
    const backward = tableOf([...routes].reverse());
    const paths = ['/a/new', '/a/1', '/a/1/b', '/a/1/c', '/b'];

    // Act
    const fromForward = paths.map((path) => forward.allowedMethods(path));
    const fromBackward = paths.map((path) => backward.allowedMethods(path));

    // Assert
    expect(fromForward).toEqual(fromBackward);
    expect(fromForward).toEqual([
      ['DELETE', 'GET', 'PUT'],
      ['DELETE', 'PUT'],
      ['GET', 'PUT'],
      ['PUT'],
      [],
    ]);
  });

  const ROUTE_SETS: readonly (readonly string[])[] = [
    ['GET /items', 'POST /items', 'GET /items/:id', 'PATCH /items/:id', 'DELETE /items/:id'],
    ['GET /items/:id', 'POST /items/new', 'PUT /items/new/:part'],
    ['GET /files/*', 'PUT /files/:name', 'DELETE /files/:name/meta', 'POST /files'],
    ['GET /items/:id', 'DELETE /items/:itemId', 'PUT /items/:key/tags/:tag'],
    ['GET /:a/:b', 'POST /x/:b', 'PUT /:a/y', 'DELETE /x/y'],
    ['GET /*', 'POST /api/:version/items', 'OPTIONS /api/*', 'GET /api/v1/health'],
    ['GET /items/', 'POST /items', 'GET /items/:id/', 'DELETE /items/:id'],
    ['GET /files/:name.json', 'PUT /files/:name', 'GET /range/:from-:to', 'POST /range/all'],
    ['GET /items/:id(^\\d+$)', 'DELETE /items/:key(^[a-z]+$)', 'POST /items/new', 'PUT /x/:y'],
  ];

  const PROBES = [
    '/',
    '/items',
    '/items/',
    '/items/1',
    '/items/new',
    '/items/new/x',
    '/items/1/tags/a',
    '/files',
    '/files/a',
    '/files/a.json',
    '/files/a/meta',
    '/files/a/b/c',
    '/x/y',
    '/x/z',
    '/w/y',
    '/w/z',
    '/api/v1/items',
    '/api/v1/health',
    '/api/v2/other',
    '/range/1-9',
    '/range/all',
    '/nothing/at/all',
    '/items/caf%C3%A9',
  ];

  it.each(ROUTE_SETS.map((routes) => [routes.join(', '), routes] as const))(
    'answers as asking every method would, for %s',
    (_, routes) => {
      // Prepare
      const table = tableOf(routes);

      // Act
      const answers = PROBES.map((path) => [path, table.allowedMethods(path)]);

      // Assert
      const naive = PROBES.map((path) => [path, naiveAllowedMethods(routes, path)]);
      expect(answers).toEqual(naive);
      // The probes tell the routes apart: not every path gets the same answer.
      expect(new Set(answers.map(([, methods]) => String(methods))).size).toBeGreaterThan(2);
    },
  );
});
