/**
 * `gantry events`: the sources, and a sample event of each for the request the options describe.
 */
import { describe, expect, it } from 'vitest';
import { TEST_SOURCES } from '../../runtime/testing/events.js';
import { expectOneLine, gantry } from './support.js';

describe('gantry events', () => {
  it('lists the sources with --list, and without a source', async () => {
    const listed = await gantry(['events', '--list']);
    const bare = await gantry(['events']);

    expect(listed.code).toBe(0);
    expect(listed.stdout.trimEnd().split('\n')).toEqual([
      'apigw-v1',
      'apigw-v2',
      'alb',
      'alb-multi',
      'function-url',
      'vpc-lattice',
      'vpc-lattice-v1',
    ]);
    expect(bare).toEqual(listed);
  });

  it.each(TEST_SOURCES)('prints a pretty %s event of the request described', async (source) => {
    const result = await gantry([
      'events',
      source,
      '--method',
      'put',
      '--path',
      '/items/1',
      '--query',
      'a=1',
      '-H',
      'x-one: 1',
      '--json',
      '{"name":"a"}',
    ]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\{\n {2}"/);
    const text = JSON.stringify(JSON.parse(result.stdout));
    expect(text).toContain('PUT');
    expect(text).toContain('/items/1');
    expect(text).toContain('x-one');
  });

  it('prints the same event as the builder does', async () => {
    const { buildEvent } = await import('../../runtime/testing/events.js');
    const result = await gantry(['events', 'apigw-v2', '--path', '/items', '--body', 'hi']);
    const event = JSON.parse(result.stdout) as Record<string, unknown>;
    const built = buildEvent('apigw-v2', { path: '/items', body: 'hi' });

    // Ids and times differ from one build to the next; the shape and the request do not.
    expect(Object.keys(event).sort()).toEqual(Object.keys(built).sort());
    expect(event).toMatchObject({ rawPath: '/items', body: built.body });
  });

  it.each([
    [['events', 'kafka'], /^gantry events: unknown source "kafka": choose one of apigw-v1, /],
    [['events', 'alb', '--list'], /^gantry events: give a source or --list, not both$/],
    [['events', 'alb', '--source', 'alb'], /^gantry events: Unknown option '--source'\. /],
    [['events', 'alb', '--json', '{'], /^gantry events: --json is not valid JSON: /],
  ])('refuses %j with exit 2, on one line', async (args, pattern) => {
    const result = await gantry(args);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLine(result.stderr, pattern);
  });
});
