/**
 * The summary `npm run bench` prints when it is done: per variant, the HTTP API (v2) warm p50s
 * with their ratios, the cold-start total and the bundle size; then the targets (the soak's heap
 * growth and the concurrency check among them).
 */
import type { Source } from '../app-check.js';
import { formatKiB, formatMs, formatNs, formatRatio, markdownTable } from './format.js';
import { findCold, findWarm, warmRatio } from './lookup.js';
import type { BenchResults } from './results.js';
import { measuredVariants, rowLabel, targetsTable } from './sections.js';

/**
 * Renders the summary (markdown tables, readable as text).
 *
 * @example
 * ```ts
 * process.stdout.write(renderSummary(results));
 * ```
 */
export function renderSummary(results: BenchResults): string {
  const rows = results.warm.rows;
  const source: Source = rows.some((row) => row.source === 'apigw-v2')
    ? 'apigw-v2'
    : (rows[0]?.source ?? 'apigw-v2');
  const GET = 'GET /items/:id';
  const POST = 'POST /items';
  const body = measuredVariants([...rows, ...results.cold.rows]).map(({ variant, xray }) => {
    const get = { variant, xray, source, request: GET } as const;
    const post = { variant, xray, source, request: POST } as const;
    const cold = findCold(results.cold.rows, variant, xray);
    const bundle = results.cold.bundles.find((row) => row.variant === variant);
    return [
      rowLabel(variant, xray),
      formatNs(findWarm(rows, get)?.p50),
      formatNs(findWarm(rows, post)?.p50),
      formatRatio(warmRatio(rows, get, { variant: 'raw', xray: false })),
      formatRatio(warmRatio(rows, get, { variant: 'gantry-full', xray })),
      formatMs(cold?.totalMs.p50),
      bundle && !xray ? formatKiB(bundle.gzipBytes) : '',
    ];
  });
  const table = markdownTable(
    [
      'Variant',
      `GET p50 (ns, ${source})`,
      'POST p50 (ns)',
      'GET ×raw',
      'GET ×gantry-full',
      'Cold total p50 (ms)',
      'Bundle gzip',
    ],
    body,
  );
  const minutes = (results.durationMs / 60_000).toFixed(1);
  const variants = body.length > 0 ? `\n${table}\n` : '';
  return `${variants}\nTargets (ratios within this one run on this machine):\n\n${targetsTable(results)}\n\n${results.machine.cpuCount} × ${results.machine.cpuModel}, Node ${results.machine.node}; profile ${results.profile}, ${minutes} min.\n`;
}
