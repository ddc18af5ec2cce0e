import type { GantryHandler } from 'gantry';
import { describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../../support/output.js';
import { invoke, invokeEvent } from '../observability/invoke.js';
import { probeHandler, SECRET_DETAIL } from '../observability/probe-controller.js';

const output = captureOutput();

/** A handler without observability, and the same handler switched to its Middy chain. */
function pair(): { direct: GantryHandler; chained: GantryHandler } {
  const direct = probeHandler({ observability: false });
  const chained = probeHandler({ observability: false }).use({ before: () => undefined });
  return { direct, chained };
}

describe('a handler without observability: Middy only once something is added', () => {
  it.each([
    { name: 'a route', spec: { path: '/items/7' } },
    { name: 'a POST with a body', spec: { method: 'POST', path: '/items', body: '{"a":1}' } },
    { name: 'an HttpError', spec: { path: '/items/7/missing' } },
    { name: 'a 5xx HttpError', spec: { path: '/items/7/unavailable' } },
    { name: 'a thrown Error', spec: { path: '/items/7/fail' } },
    { name: 'a thrown string', spec: { path: '/items/7/throw-string' } },
    { name: 'no route', spec: { path: '/nowhere' } },
    { name: 'a method the path does not allow', spec: { method: 'DELETE', path: '/items/7' } },
  ])('answers $name exactly as its Middy chain does', async ({ spec }) => {
    // Prepare
    const { direct, chained } = pair();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Act
    const directAnswer = await invoke(direct, spec);
    const chainedAnswer = await invoke(chained, spec);
    errors.mockRestore();

    // Assert
    expect(directAnswer).toEqual(chainedAnswer);
    expect(directAnswer.body).not.toContain(SECRET_DETAIL);
  });

  it('logs an unknown failure once, on the last-resort line, as the chain does', async () => {
    // Prepare
    const { direct } = pair();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Act
    const answer = await invoke(direct, { path: '/items/7/fail' });

    // Assert
    expect(answer.statusCode).toBe(500);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toContain('GET /items/:id/fail failed');
    errors.mockRestore();
  });

  it('throws an event that is not HTTP to Lambda, as the chain does', async () => {
    // Prepare
    const { direct, chained } = pair();

    // Act
    const directCall = invokeEvent(direct, { Records: [] });
    const chainedCall = invokeEvent(chained, { Records: [] });

    // Assert
    await expect(directCall).rejects.toThrow(/not an HTTP event|Records/i);
    await expect(chainedCall).rejects.toThrow(/not an HTTP event|Records/i);
  });

  it.each([
    [
      'use',
      (handler: GantryHandler, seen: string[]) =>
        handler.use({ before: () => void seen.push('use') }),
    ],
    [
      'before',
      (handler: GantryHandler, seen: string[]) => handler.before(() => void seen.push('before')),
    ],
    [
      'after',
      (handler: GantryHandler, seen: string[]) => handler.after(() => void seen.push('after')),
    ],
    [
      'onError',
      (handler: GantryHandler, seen: string[]) => handler.onError(() => void seen.push('onError')),
    ],
  ] as const)(
    'runs what .%s adds, from the next invocation on, and returns the handler',
    async (name, attach) => {
      // Prepare
      const handler = probeHandler({ observability: false });
      const seen: string[] = [];
      await invoke(handler, { path: '/items/1' });

      // Act
      const returned = attach(handler, seen);
      await invoke(handler, { path: name === 'onError' ? '/items/1/missing' : '/items/1' });

      // Assert
      expect(returned).toBe(handler);
      expect(seen).toEqual([name]);
    },
  );

  it('serves through the base handler .handler() puts in place', async () => {
    // Prepare
    const handler = probeHandler({ observability: false });

    // Act
    handler.handler(async () => ({
      status: 299,
      headers: { 'content-type': 'text/plain' },
      cookies: [],
      body: 'replaced',
    }));
    const answer = await invoke(handler, { path: '/items/1' });

    // Assert
    expect(answer).toMatchObject({ statusCode: 299, body: 'replaced' });
  });

  it('writes only what the route logs on the direct path: no access line, no metrics', async () => {
    // Prepare
    const { direct } = pair();

    // Act
    await invoke(direct, { path: '/items/1' });

    // Assert
    expect(output.documents.map((doc) => doc.message)).toEqual(['item read']);
    expect(output.text).toEqual([]);
  });
});
