/**
 * `latest.svg`: warm p50 per variant on one source, GET and POST bars side by side, linear
 * scale in microseconds, each bar labelled with its value. Hand-written SVG, no dependency.
 */
import type { Source } from '../app-check.js';
import { TIMED_REQUESTS } from '../warm/warm-job.js';
import { findWarm } from './lookup.js';
import type { WarmRow } from './results.js';
import { measuredVariants, rowLabel, SOURCE_LABELS } from './sections.js';

const WIDTH = 900;
const LABEL = 230;
const BAR = 11;
const ROW = 2 * BAR + 10;
const TOP = 56;
const COLORS = ['#2f6fb0', '#e08a1e'];

/** A round step for about four gridlines up to `max`. */
function gridStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= rough) ?? 10;
  return step * power;
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Draws the chart for `source` (the HTTP API by default, else the first source measured).
 *
 * @example
 * ```ts
 * writeFileSync('benchmarks/results/latest.svg', renderChart(results.warm.rows));
 * ```
 */
export function renderChart(rows: readonly WarmRow[], preferred: Source = 'apigw-v2'): string {
  const source = rows.some((row) => row.source === preferred) ? preferred : rows[0]?.source;
  const onSource = rows.filter((row) => row.source === source);
  const variants = measuredVariants(onSource);
  const max = Math.max(1, ...onSource.map((row) => row.p50));
  const plot = WIDTH - LABEL - 110;
  const height = TOP + variants.length * ROW + 44;
  const title = `Warm latency per invocation, p50 (µs, lower is better): ${escapeXml(source ? SOURCE_LABELS[source] : 'not measured')}`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${title}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="600">${title}</text>`,
  ];
  const step = gridStep(max / 1000);
  for (let tick = step; tick * 1000 <= max; tick += step) {
    const x = (LABEL + ((tick * 1000) / max) * plot).toFixed(1);
    parts.push(
      `<line x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${height - 26}" stroke="#e4e4e4"/>`,
      `<text x="${x}" y="${height - 14}" text-anchor="middle" fill="#555" font-size="10">${Number(tick.toPrecision(6))} µs</text>`,
    );
  }
  TIMED_REQUESTS.forEach((request, index) => {
    const x = LABEL + index * 170;
    parts.push(
      `<rect x="${x}" y="32" width="12" height="12" fill="${COLORS[index]}"/>`,
      `<text x="${x + 18}" y="42">${escapeXml(request)}</text>`,
    );
  });
  variants.forEach(({ variant, xray }, index) => {
    const y = TOP + index * ROW;
    parts.push(
      `<text x="${LABEL - 8}" y="${y + BAR + 4}" text-anchor="end">${escapeXml(rowLabel(variant, xray))}</text>`,
    );
    TIMED_REQUESTS.forEach((request, bar) => {
      const row = source && findWarm(rows, { variant, xray, source, request });
      if (!row) return;
      const width = Math.max(1, (row.p50 / max) * plot);
      const top = y + bar * BAR;
      parts.push(
        `<rect class="bar" x="${LABEL}" y="${top}" width="${width.toFixed(1)}" height="${BAR - 1}" fill="${COLORS[bar]}"/>`,
        `<text x="${(LABEL + width + 5).toFixed(1)}" y="${top + BAR - 2}" font-size="10">${(row.p50 / 1000).toFixed(2)}</text>`,
      );
    });
  });
  parts.push(
    `<line x1="${LABEL}" y1="${TOP - 4}" x2="${LABEL}" y2="${height - 26}" stroke="#888"/>`,
    `<text x="12" y="${height - 2}" fill="#555" font-size="10">Medians of the runs of one npm run bench on one machine; ratios, not absolute values, travel.</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}
