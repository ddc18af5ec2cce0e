import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as gantry from 'gantry';
import * as dev from 'gantry/dev';
import { describe, expect, it } from 'vitest';

const runtime = join(import.meta.dirname, '..', '..', 'runtime');
const files = readdirSync(runtime, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(runtime, file), 'utf8') }));

/** The doc comment right above `export function|class|const <name>`, if any. */
function docOf(name: string): { file: string; doc: string | undefined } | undefined {
  const declaration = new RegExp(
    `(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\s*)?export (?:async )?(?:function|class|const) ${name}\\b`,
  );
  for (const { file, text } of files) {
    const match = declaration.exec(text);
    if (match) return { file, doc: match[1] };
  }
  return undefined;
}

describe('public API documentation', () => {
  const values = [...Object.keys(gantry), ...Object.keys(dev)].filter((name) => name !== 'default');

  it.each(values)('%s has a TSDoc comment with an @example', (name) => {
    const found = docOf(name);

    expect(found, `no declaration found for ${name}`).toBeDefined();
    expect(found?.doc, `${name} in runtime/${found?.file} has no TSDoc`).toBeDefined();
    expect(found?.doc, `${name} in runtime/${found?.file} has no @example`).toContain('@example');
  });
});
