/**
 * `gantry routes`: the route table a handler serves, read back from the handler itself.
 */
import { describe, expect, it } from 'vitest';
import { createHandler, routesOf } from '../../runtime/index.js';
import { expectOneLine, fixture, gantry } from './support.js';

describe('gantry routes', () => {
  it('prints the table of the items example, sorted by path then method', async () => {
    const result = await gantry(['routes', 'examples/items/handler.ts']);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'METHOD  PATH        CONTROLLER.METHOD       SCHEMAS',
        'GET     /items      ItemsController.list    query',
        'POST    /items      ItemsController.create  body',
        'DELETE  /items/:id  ItemsController.remove  -',
        'GET     /items/:id  ItemsController.get     -',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with --json: what an OpenAPI document needs, schemas by the part they check', async () => {
    const quickstart = await gantry(['routes', 'examples/quickstart/handler.ts', '--json']);
    const items = await gantry(['routes', 'examples/items/handler.ts', '--json']);

    expect(quickstart.code).toBe(0);
    expect(JSON.parse(quickstart.stdout)).toEqual([
      {
        method: 'POST',
        path: '/items',
        handler: 'ItemsController.create',
        controller: 'ItemsController',
        methodName: 'create',
        schemas: ['body'],
        status: 201,
      },
      {
        method: 'GET',
        path: '/items/:id',
        handler: 'ItemsController.get',
        controller: 'ItemsController',
        methodName: 'get',
        schemas: [],
      },
    ]);
    expect(JSON.parse(items.stdout)[0]).toMatchObject({
      summary: 'List items',
      schemas: ['query'],
    });
  });

  it('keeps what the module prints out of stdout, and names every part a route validates', async () => {
    const table = await gantry(['routes', fixture('chatty-handler.ts')]);
    const json = await gantry(['routes', fixture('chatty-handler.ts'), '--json']);

    expect(table.stdout.split('\n')[1]).toMatch(
      /^GET {5}\/things\/:id {2}ThingsController\.get {2}params,headers,response$/,
    );
    expect(table.stderr).toBe('loading the chatty handler\n');
    expect(JSON.parse(json.stdout)).toEqual([
      {
        method: 'GET',
        path: '/things/:id',
        handler: 'ThingsController.get',
        controller: 'ThingsController',
        methodName: 'get',
        schemas: ['params', 'headers', 'response'],
        summary: 'One thing',
        description: 'The thing with that id.',
        tags: ['things'],
      },
    ]);
  });

  it.each([
    [
      ['routes', fixture('plain-handler.ts')],
      2,
      /^gantry routes: test\/cli\/fixtures\/plain-handler\.ts's handler was not made by createHandler$/,
    ],
    [['routes', 'nope.ts'], 2, /^gantry routes: no such file: .*nope\.ts$/],
    [
      ['routes', fixture('no-handler.ts')],
      2,
      /has no "handler" export \(it exports: notAHandler, other\)$/,
    ],
    [
      ['routes', fixture('not-a-function.ts')],
      2,
      /"handler" export is not a function \(it is object\)$/,
    ],
    [
      ['routes', fixture('broken.ts')],
      1,
      /^gantry routes: test\/cli\/fixtures\/broken\.ts:2:39: Unexpected ";"$/,
    ],
  ])('refuses %j with exit %i, on one line', async (args, code, pattern) => {
    const result = await gantry(args as string[]);

    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expectOneLine(result.stderr, pattern as RegExp);
  });
});

describe('routesOf', () => {
  it("gives each route's controller and method names, frozen", async () => {
    const { ItemsController } = await import('../../examples/items/items-controller.js');
    const { ItemStore } = await import('../../examples/items/item-store.js');
    const handler = createHandler({
      controllers: [new ItemsController(new ItemStore())],
      service: 'items',
    });

    const routes = routesOf(handler);

    expect(
      routes?.map(({ name, controller, methodName }) => [name, controller, methodName]),
    ).toEqual([
      ['GET /items', 'ItemsController', 'list'],
      ['GET /items/:id', 'ItemsController', 'get'],
      ['POST /items', 'ItemsController', 'create'],
      ['DELETE /items/:id', 'ItemsController', 'remove'],
    ]);
    expect(Object.isFrozen(routes)).toBe(true);
    expect(Object.isFrozen(routes?.[0])).toBe(true);
  });

  it('gives undefined for an object createHandler did not make', () => {
    expect(routesOf({ handler: () => 1 })).toBeUndefined();
    expect(routesOf(null)).toBeUndefined();
  });
});
