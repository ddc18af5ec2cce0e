import { Controller, createHandler, Get, HttpError, Post, type Req } from 'gantry';
import { z } from 'zod';

const CreateItem = z.object({ name: z.string().min(1) });
const items = new Map<string, { id: string; name: string }>();

@Controller('/items')
class ItemsController {
  @Get('/:id')
  get(req: Req<'/:id'>) {
    const item = items.get(req.params.id); // req.params.id is a string
    if (!item) throw new HttpError(404, 'Item not found');
    return item; // 200, JSON
  }

  @Post('/', { body: CreateItem, status: 201 }) // an invalid body is a 422
  create(req: Req<'/', { body: typeof CreateItem }>) {
    const item = { id: crypto.randomUUID(), ...req.body };
    items.set(item.id, item);
    return item;
  }
}

export const handler = createHandler({ controllers: [ItemsController], service: 'items' });
