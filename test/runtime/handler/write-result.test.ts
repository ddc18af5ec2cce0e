import { Controller, Get, reply } from 'gantry';
import { describe, expect, it } from 'vitest';
import { handlerFor, invoke } from './invoke.js';

@Controller('/w')
class WriteController {
  @Get('/no-content')
  noContent() {
    return reply(204, { ignored: true }, { 'x-kept': 'yes' });
  }

  @Get('/not-modified')
  notModified() {
    return reply(304, 'ignored', { 'content-type': 'text/plain', etag: '"v1"' });
  }

  @Get('/early-hints')
  earlyHints() {
    return reply(103, { ignored: true });
  }

  @Get('/ok')
  ok() {
    return { full: true };
  }
}

describe('writeResult', () => {
  const handler = handlerFor([WriteController]);

  it.each([
    ['/w/no-content', 204],
    ['/w/not-modified', 304],
    ['/w/early-hints', 103],
  ])('sends no body with %s (status %i), where HTTP forbids one', async (path, status) => {
    // Act
    const answer = await invoke(handler, { path });

    // Assert
    expect(answer.statusCode).toBe(status);
    expect(answer.body).toBe('');
  });

  it('keeps the headers of a bodiless answer', async () => {
    // Act
    const noContent = await invoke(handler, { path: '/w/no-content' });
    const notModified = await invoke(handler, { path: '/w/not-modified' });

    // Assert
    expect(noContent.headers['x-kept']).toBe('yes');
    expect(notModified.headers.etag).toBe('"v1"');
  });

  it('sends no body for HEAD, but the GET status and content type', async () => {
    // Act
    const head = await invoke(handler, { method: 'HEAD', path: '/w/ok' });
    const get = await invoke(handler, { method: 'GET', path: '/w/ok' });

    // Assert
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('application/json');
    expect(head.body).toBe('');
    expect(get.body).toBe('{"full":true}');
  });

  it('sends no body for HEAD of an unknown path either', async () => {
    // Act
    const answer = await invoke(handler, { method: 'HEAD', path: '/nowhere' });

    // Assert
    expect(answer.statusCode).toBe(404);
    expect(answer.body).toBe('');
  });

  it('adds no correlation header when no correlation id was picked', async () => {
    // Act
    const answer = await invoke(handler, { path: '/w/ok' });

    // Assert
    expect(answer.headers['x-correlation-id']).toBeUndefined();
  });
});
