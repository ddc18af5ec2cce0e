/**
 * Your first controller: `GET /hello/:name`.
 */
import { Controller, Get, type Req } from 'gantry';

@Controller('/hello')
export class HelloController {
  @Get('/:name', { summary: 'Say hello' })
  greet(req: Req<'/:name'>) {
    req.log.info('greeting', { name: req.params.name });
    return { message: `Hello, ${req.params.name}!` };
  }
}
