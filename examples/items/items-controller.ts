/**
 * The items API: list, get by id, create (validated), delete.
 */
import { Controller, Delete, Get, HttpError, Post, type Req, reply } from 'gantry';
import { z } from 'zod';
import type { ItemStore } from './item-store.js';

const CreateItem = z.object({
  name: z.string().trim().min(1).max(200),
  done: z.boolean().optional(),
});

const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  done: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

@Controller('/items')
export class ItemsController {
  constructor(private readonly store: ItemStore) {}

  @Get('/', { query: ListQuery, summary: 'List items' })
  list(req: Req<'/', { query: typeof ListQuery }>) {
    return { items: this.store.list(req.query.limit, req.query.done) };
  }

  @Get('/:id', { summary: 'Get an item' })
  get(req: Req<'/:id'>) {
    const item = this.store.get(req.params.id);
    if (!item) throw new HttpError(404, `Item ${req.params.id} not found`);
    return item;
  }

  @Post('/', { body: CreateItem, status: 201, summary: 'Create an item' })
  create(req: Req<'/', { body: typeof CreateItem }>) {
    const item = this.store.add(req.body);
    req.log.info('item created', { item_id: item.id });
    return reply(201, item, { location: `/items/${item.id}` });
  }

  @Delete('/:id', { summary: 'Delete an item' })
  remove(req: Req<'/:id'>) {
    if (!this.store.delete(req.params.id))
      throw new HttpError(404, `Item ${req.params.id} not found`);
  }
}
