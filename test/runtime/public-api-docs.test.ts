import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as gantry from 'gantry';
import * as dev from 'gantry/dev';
import * as infra from 'gantry/infra';
import * as testing from 'gantry/testing';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const files = ['runtime', 'infra'].flatMap((part) =>
  readdirSync(join(root, part), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({
      file: `${part}/${file}`,
      text: readFileSync(join(root, part, file), 'utf8'),
    })),
);

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
  const values = [
    ...new Set([gantry, dev, testing, infra].flatMap((entry) => Object.keys(entry))),
  ].filter((name) => name !== 'default');

  it.each(values)('%s has a TSDoc comment with an @example', (name) => {
    const found = docOf(name);

    expect(found, `no declaration found for ${name}`).toBeDefined();
    expect(found?.doc, `${name} in ${found?.file} has no TSDoc`).toBeDefined();
    expect(found?.doc, `${name} in ${found?.file} has no @example`).toContain('@example');
  });
});
