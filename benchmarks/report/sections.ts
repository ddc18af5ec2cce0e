/**
 * The report's tables, one function per section, each from the run's rows.
 */
import { SOURCES, type Source } from '../app-check.js';
import { VARIANTS } from '../apps/index.js';
import { TIMED_REQUESTS } from '../warm/warm-job.js';
import { formatKiB, formatMB, formatMs, formatNs, formatRatio, markdownTable } from './format.js';
import { findCold, findWarm, warmRatio } from './lookup.js';
import type { BenchResults, ConcurrencyRow, SoakResult, WarmProcess, WarmRow } from './results.js';

/** How each source is named in the report. */
export const SOURCE_LABELS: Readonly<Record<Source, string>> = {
  'apigw-v2': 'API Gateway HTTP API (v2)',
  'apigw-v1': 'API Gateway REST API (v1)',
  'function-url': 'Lambda Function URL',
  alb: 'ALB, single-value headers',
  'alb-multi': 'ALB, multi-value headers',
};

const ORDER = VARIANTS.map((variant) => variant.name);

/** A row's label: the variant, `+X-Ray` when traced. */
export function rowLabel(variant: string, xray: boolean): string {
  return xray ? `${variant} +X-Ray` : variant;
}

/** The (variant, tracing) pairs present in `rows`, tracing off first, in the variants' order. */
export function measuredVariants(rows: readonly { variant: string; xray: boolean }[]) {
  const seen = new Map<string, { variant: string; xray: boolean }>();
  for (const { variant, xray } of rows) seen.set(rowLabel(variant, xray), { variant, xray });
  return [...seen.values()].sort(
    (a, b) =>
      Number(a.xray) - Number(b.xray) || ORDER.indexOf(a.variant) - ORDER.indexOf(b.variant),
  );
}

/** The warm tables: one per source, p50/p99 in ns and the ratios to the floor and to gantry-full. */
export function warmTables(rows: readonly WarmRow[]): string {
  const short = (request: string) => request.split(' ')[0] as string;
  const header = [
    'Variant',
    ...TIMED_REQUESTS.flatMap((request) => [`${short(request)} p50`, `${short(request)} p99`]),
    ...TIMED_REQUESTS.map((request) => `${short(request)} ×raw`),
    ...TIMED_REQUESTS.map((request) => `${short(request)} ×gantry-full`),
  ];
  const tables: string[] = [];
  for (const source of SOURCES) {
    const onSource = rows.filter((row) => row.source === source);
    if (onSource.length === 0) continue;
    const body = measuredVariants(onSource).map(({ variant, xray }) => {
      const key = (request: (typeof TIMED_REQUESTS)[number]) => ({
        variant,
        xray,
        source,
        request,
      });
      return [
        rowLabel(variant, xray),
        ...TIMED_REQUESTS.flatMap((request) => {
          const row = findWarm(rows, key(request));
          return [formatNs(row?.p50), formatNs(row?.p99)];
        }),
        ...TIMED_REQUESTS.map((request) =>
          formatRatio(warmRatio(rows, key(request), { variant: 'raw', xray: false })),
        ),
        ...TIMED_REQUESTS.map((request) =>
          formatRatio(warmRatio(rows, key(request), { variant: 'gantry-full', xray })),
        ),
      ];
    });
    tables.push(`### ${SOURCE_LABELS[source]} (\`${source}\`)\n\n${markdownTable(header, body)}`);
  }
  return tables.join('\n\n');
}

/** What each warm variant wrote per invocation (log lines, X-Ray datagrams), over its processes. */
export function outputTable(processes: readonly WarmProcess[]): string {
  const body = measuredVariants(processes).map(({ variant, xray }) => {
    const mine = processes.filter(
      (process) => process.variant === variant && process.xray === xray,
    );
    const sum = (pick: (process: WarmProcess) => number | undefined) =>
      mine.reduce((total, process) => total + (pick(process) ?? 0), 0);
    const invocations = sum((process) => process.invocations);
    const stderr = mine.find((process) => process.stderrFirst)?.stderrFirst;
    return [
      rowLabel(variant, xray),
      String(mine.length),
      invocations.toLocaleString('en-US'),
      String(sum((process) => process.answersChecked)),
      (sum((process) => process.stdoutLines) / invocations).toFixed(2),
      Math.round(sum((process) => process.stdoutBytes) / invocations).toLocaleString('en-US'),
      xray ? (sum((process) => process.datagrams) / invocations).toFixed(2) : '–',
      String(sum((process) => process.stderrLines)),
      stderr ? `\`${stderr.slice(0, 120).replaceAll('`', "'")}\`` : '',
    ];
  });
  return markdownTable(
    [
      'Variant',
      'Processes',
      'Invocations',
      'Answers checked',
      'stdout lines / invocation',
      'stdout bytes / invocation',
      'X-Ray datagrams / invocation',
      'stderr lines',
      'First stderr line',
    ],
    body,
  );
}

/** The cold-start table (ms) with the ratios of the total to the floor and to gantry-full. */
export function coldTable(results: BenchResults): string {
  const rows = results.cold.rows;
  const raw = findCold(rows, 'raw');
  const body = rows.map((row) => {
    const full = findCold(rows, 'gantry-full', row.xray);
    return [
      rowLabel(row.variant, row.xray),
      formatMs(row.totalMs.p50),
      formatMs(row.totalMs.p90),
      formatMs(row.importMs.p50),
      formatMs(row.importMs.p90),
      formatMs(row.firstInvokeMs.p50, 2),
      formatMs(row.firstInvokeMs.p90, 2),
      formatRatio(raw && row.totalMs.p50 / raw.totalMs.p50),
      formatRatio(full && row.totalMs.p50 / full.totalMs.p50),
    ];
  });
  return markdownTable(
    [
      'Variant',
      'Total p50',
      'Total p90',
      'Import p50',
      'Import p90',
      'First invoke p50',
      'First invoke p90',
      'Total ×raw',
      'Total ×gantry-full',
    ],
    body,
  );
}

/** The bundle sizes. */
export function bundleTable(results: BenchResults): string {
  const body = results.cold.bundles.map((bundle) => [
    bundle.variant,
    formatKiB(bundle.bytes),
    formatKiB(bundle.gzipBytes),
    bundle.external.length > 0
      ? `external: ${bundle.external.join(', ')}: ${bundle.externalReason ?? ''}`
      : '',
  ]);
  return markdownTable(['Variant', 'Minified', 'gzip', 'Note'], body);
}

/** The scaling table: build (ms) and lookups (ns) per framework and route count. */
export function scalingTable(results: BenchResults): string {
  const pair = (figures: { p50: number; p99: number }) =>
    `${formatNs(figures.p50)} / ${formatNs(figures.p99)}`;
  const body = results.scaling.map((row) => [
    row.framework,
    row.routes.toLocaleString('en-US'),
    formatMs(row.buildMs, 2),
    formatMs(row.firstRequestMs, 2),
    pair(row.first),
    pair(row.last),
    pair(row.notFound),
  ]);
  return markdownTable(
    [
      'Framework',
      'Routes',
      'Build (ms)',
      'First request (ms)',
      'First route p50 / p99 (ns)',
      'Last route p50 / p99 (ns)',
      '404 p50 / p99 (ns)',
    ],
    body,
  );
}

/** The soak table: heap used after GC at each checkpoint, and the growth from the first. */
export function soakTable(soak: SoakResult): string {
  const first = soak.readings[0];
  const body = soak.readings.map((reading) => [
    reading.invocations.toLocaleString('en-US'),
    formatMB(reading.heapUsed),
    first ? formatMB(reading.heapUsed - first.heapUsed, true) : '',
    formatMB(reading.rss),
    (reading.elapsedMs / 1000).toFixed(1),
  ]);
  return markdownTable(
    ['After invocations', 'Heap used after GC', 'Growth since first', 'RSS', 'Elapsed (s)'],
    body,
  );
}

/** The concurrency table: per burst, what was in flight and what was checked. */
export function concurrencyTable(rows: readonly ConcurrencyRow[]): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const body = rows.map((row) => [
    row.app,
    count(row.inFlight),
    count(row.peakInFlight),
    count(row.outOfOrder),
    count(row.checked.answers),
    count(row.checked.logLines),
    count(row.checked.accessLines),
    count(row.checked.routeLines),
    count(row.checked.emfDocuments),
    count(row.checked.coldStartDocuments),
    formatMs(row.durationMs),
    row.crossTalk === 0 ? '0' : `**${row.crossTalk}**`,
  ]);
  return markdownTable(
    [
      'Handler',
      'In flight',
      'Peak in flight',
      'Answered out of order',
      'Answers checked',
      'Log lines',
      'Access lines',
      'Route lines',
      'EMF route documents',
      'Cold-start documents',
      'Burst (ms)',
      'Cross-talk',
    ],
    body,
  );
}

/** The targets table. */
export function targetsTable(results: BenchResults): string {
  const status = (met: boolean | null) =>
    met === null ? 'not measured' : met ? 'met' : '**missed**';
  return markdownTable(
    ['Target', 'Measured (worst case)', 'Status', 'Detail'],
    results.targets.map((row) => [row.target, row.measured, status(row.met), row.detail]),
  );
}

/** The variants and, for each, the sources it does not support with the reason. */
export function variantsList(): string {
  return VARIANTS.map((variant) => {
    const unsupported = Object.entries(variant.unsupported)
      .map(([source, why]) => ` Not on \`${source}\`: ${why}.`)
      .join('');
    return `- **${variant.name}**: ${variant.description}.${unsupported}`;
  }).join('\n');
}
