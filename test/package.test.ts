import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apigwV2Event } from './support/events.js';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let work: string;

describe('the published package', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
    // Inside the repo (gitignored), so the bundle finds the dependencies in node_modules.
    work = join(root, '.gantry', 'package-test');
    mkdirSync(work, { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('points every export at built JavaScript and type declarations', () => {
    for (const [subpath, target] of Object.entries(
      pkg.exports as Record<string, Record<string, string> | string>,
    )) {
      if (typeof target === 'string') continue;

      expect(existsSync(join(root, target.default as string)), `${subpath} default`).toBe(true);
      expect(existsSync(join(root, target.types as string)), `${subpath} types`).toBe(true);
    }
  });

  it('serves a controller bundled the way a user bundles it (esbuild, no source condition)', async () => {
    const outfile = join(work, 'handler.mjs');
    await esbuild.build({
      entryPoints: [join(root, 'examples/items/handler.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: Object.keys(pkg.dependencies),
      logLevel: 'silent',
    });
    const runner = join(work, 'run.mjs');
    writeFileSync(
      runner,
      `import { handler } from ${JSON.stringify(outfile)};
       const result = await handler(${JSON.stringify(apigwV2Event({ path: '/items' }))}, { awsRequestId: 'pkg' });
       process.stdout.write('RESULT ' + JSON.stringify(result) + '\\n');`,
    );

    const run = spawnSync(process.execPath, [runner], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    });

    const line = run.stdout.split('\n').find((text) => text.startsWith('RESULT '));
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse((line as string).slice(7))).toMatchObject({
      statusCode: 200,
      body: '{"items":[]}',
    });
    expect(readFileSync(outfile, 'utf8')).not.toContain('runtime/index.ts');
  });
});
