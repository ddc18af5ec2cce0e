/**
 * The benchmark app as a Gantry controller, shared by the Gantry variants (with and without the
 * observability chain). No schemas: no other variant validates, so neither does this one.
 */
import { Controller, Get, Post, type Req } from 'gantry';

@Controller('/items')
export class ItemsController {
  @Get('/:id')
  get(req: Req<'/:id'>) {
    const { id } = req.params;
    return { id, name: `item ${id}` };
  }

  @Post('/', { status: 201 })
  create(req: Req<'/'>) {
    return { id: 'new', name: (req.body as { name: string }).name };
  }
}
