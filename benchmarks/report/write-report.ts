/**
 * Writes a run's report files: `latest.md`, `latest.json` and `latest.svg`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown } from './markdown.js';
import type { BenchResults } from './results.js';
import { renderChart } from './svg-chart.js';

/** Biome's line width (biome.json): the report's JSON is formatted as `biome format` would. */
const LINE_WIDTH = 100;

/**
 * JSON as Biome formats it, so that `npm run lint` passes on a fresh report: two-space indent,
 * and an array of primitives on one line when it fits.
 *
 * @example
 * ```ts
 * formatJson({ external: ['@aws-sdk/*'] }); // '{\n  "external": ["@aws-sdk/*"]\n}\n'
 * ```
 */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  const inlined = text.replace(
    /^(.*)\[\n((?:\s+(?:"(?:[^"\\\n]|\\.)*"|[-\d.eE+]+|true|false|null),?\n)+)\s*\]/gm,
    (match, head: string, items: string) => {
      const line = `${head}[${items
        .split('\n')
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .join(' ')}]`;
      return line.length <= LINE_WIDTH ? line : match;
    },
  );
  return `${inlined}\n`;
}

/**
 * Writes the three files into `dir` (created if needed) and gives their paths.
 *
 * @example
 * ```ts
 * writeReport(results, 'benchmarks/results'); // [.../latest.md, .../latest.json, .../latest.svg]
 * ```
 */
export function writeReport(results: BenchResults, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['latest.md', renderMarkdown(results)],
    ['latest.json', formatJson(results)],
    ['latest.svg', renderChart(results.warm.rows)],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
