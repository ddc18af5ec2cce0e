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
