import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLambdaContext } from 'gantry/dev';
import { describe, expect, it } from 'vitest';
import { handler } from '../examples/quickstart/handler.js';
import { apigwV2Event } from './support/events.js';
import { captureOutput } from './support/output.js';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  captureOutput();

  it('shows the quickstart example exactly as examples/quickstart/handler.ts has it', () => {
    const source = readFileSync(join(root, 'examples/quickstart/handler.ts'), 'utf8');

    expect(readme).toContain(`\`\`\`ts\n${source}\`\`\``);
    expect(source.trim().split('\n').length).toBeLessThanOrEqual(25);
  });

  it('starts a service with one line, sets up the repo with two commands, and CI runs the test one', () => {
    const commands = [...readme.matchAll(/```sh\n(.*)\n```/g)].map((match) => match[1]);
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;

    expect(commands).toEqual([
      'npx gantry new my-api && cd my-api && npm install && npm run dev',
      'npm ci && npm run dev',
      'npm ci && npm test',
    ]);
    expect(ci).toMatch(/^npm ci\nnpm test\n/m);
    expect(scripts.test).toMatch(/^npm run lint && npm run typecheck && vitest run/);
  });

  it('quickstart handler creates an item and reads it back', async () => {
    const context = createLambdaContext({ requestId: 'readme' });
    const created = (await handler(
      apigwV2Event({
        method: 'POST',
        path: '/items',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"milk"}',
      }),
      context,
    )) as { statusCode: number; body: string };
    const item = JSON.parse(created.body);

    const read = (await handler(apigwV2Event({ path: `/items/${item.id}` }), context)) as {
      statusCode: number;
      body: string;
    };
    const invalid = (await handler(
      apigwV2Event({
        method: 'POST',
        path: '/items',
        headers: { 'content-type': 'application/json' },
        body: '{"name":""}',
      }),
      context,
    )) as { statusCode: number };

    expect(created.statusCode).toBe(201);
    expect(item.name).toBe('milk');
    expect(read.statusCode).toBe(200);
    expect(JSON.parse(read.body)).toEqual(item);
    expect(invalid.statusCode).toBe(422);
  });
});
