/**
 * Real Lambda events copied from ../shared/events (see test/fixtures/events/SOURCES.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'events');

/** Reads a fixture (`aws-lambda-go/apigw-request.json`); some carry a UTF-8 BOM. */
export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, name), 'utf8').replace(/^\uFEFF/, ''));
}

/**
 * The folder of events written by Gantry in the shapes emulators and hand-written tests
 * produce (test/fixtures/events/emulators/SOURCES.md): not captures, so not listed here.
 */
export const EMULATOR_FIXTURES = 'emulators';

/** Every captured fixture file, as `folder/file.json`. */
export function fixtureNames(): string[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== EMULATOR_FIXTURES)
    .flatMap((dir) => readdirSync(join(ROOT, dir.name)).map((file) => `${dir.name}/${file}`))
    .sort();
}
