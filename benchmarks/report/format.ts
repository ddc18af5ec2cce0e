/**
 * Number formats and markdown tables shared by the report and the printed summary.
 */

/**
 * Nanoseconds as a whole number with thousands separators; `–` when not measured.
 *
 * @example
 * ```ts
 * formatNs(12345.6); // '12,346'
 * ```
 */
export function formatNs(ns: number | undefined): string {
  return ns === undefined || Number.isNaN(ns) ? '–' : Math.round(ns).toLocaleString('en-US');
}

/** Milliseconds with `digits` decimals; `–` when not measured. */
export function formatMs(ms: number | undefined, digits = 1): string {
  return ms === undefined || Number.isNaN(ms) ? '–' : ms.toFixed(digits);
}

/** A ratio as `2.41×`; `–` when not measured. */
export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '–' : `${ratio.toFixed(2)}×`;
}

/** Bytes as KiB with one decimal (`76.7 KiB`). */
export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * Bytes as decimal megabytes with two decimals (`6.14 MB`), signed when `signed` (`+0.10 MB`).
 *
 * @example
 * ```ts
 * formatMB(6_140_000); // '6.14 MB'
 * formatMB(-20_000, true); // '-0.02 MB'
 * ```
 */
export function formatMB(bytes: number, signed = false): string {
  const text = `${(bytes / 1e6).toFixed(2)} MB`;
  return signed && bytes >= 0 ? `+${text}` : text;
}

/**
 * A markdown table; cells are escaped for pipes.
 *
 * @example
 * ```ts
 * markdownTable(['a', 'b'], [['1', '2']]); // '| a | b |\n|---|---|\n| 1 | 2 |'
 * ```
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
