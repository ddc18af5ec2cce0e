/**
 * The service the fixture suites answer with two cookies through: both `Expires` dates hold a
 * comma, so a joined `set-cookie` would be caught.
 */
import { Controller, type GantryHandler, Get, Post, Put, reply } from 'gantry';
import { echoHandler } from './echo-handler.js';

const EXPIRES = new Date(Date.UTC(2030, 0, 1));

/** The two `Set-Cookie` values every answer of {@link cookieSetter} carries, whole. */
export const COOKIE_A = 'a=1; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT';
export const COOKIE_B = 'b=2; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT';

@Controller()
class CookieController {
  #answer() {
    return reply(200, { ok: true })
      .cookie('a', '1', { expires: EXPIRES })
      .cookie('b', '2', { expires: EXPIRES });
  }
  @Get('/*')
  get() {
    return this.#answer();
  }
  @Post('/*')
  post() {
    return this.#answer();
  }
  @Put('/*')
  put() {
    return this.#answer();
  }
}

/** A handler whose every GET, POST and PUT answers 200 with {@link COOKIE_A} and {@link COOKIE_B}. */
export const cookieSetter: GantryHandler = echoHandler({ controllers: [CookieController] });
