/**
 * Gantry's own CloudWatch EMF lines for the metrics it publishes on every request: the same
 * document Powertools Metrics writes, built from parts fixed at init and written in one call.
 */
import { getBooleanFromEnv, isDevMode } from '@aws-lambda-powertools/commons/utils/env';
import { DEFAULT_NAMESPACE, DIMENSIONS } from './constants.js';

/** A metric of a group: its name and CloudWatch unit. */
export interface EmfMetric {
  readonly name: string;
  readonly unit: string;
}

/** Options of {@link emfWriter}. */
export interface EmfWriterOptions {
  /** The `service` dimension's value. */
  readonly service: string;
  /** Namespace. Default: `POWERTOOLS_METRICS_NAMESPACE`, else `Gantry`. */
  readonly namespace?: string;
  /**
   * Write nothing. Default, as Powertools Metrics decides: `POWERTOOLS_METRICS_DISABLED`, else
   * `POWERTOOLS_DEV`.
   */
  readonly disabled?: boolean;
}

/**
 * Writes one EMF document of a fixed group of metrics. `values` are in the group's order; `keys`
 * are the other root members (dimension values beyond `service`, metadata).
 */
export type EmfWrite = (values: readonly number[], keys: Readonly<Record<string, string>>) => void;

/** Builds the writers of metric groups sharing one namespace and service. */
export interface EmfWriter {
  /** Whether writes are dropped (metrics disabled). */
  readonly disabled: boolean;
  /** A writer for `metrics` under `dimensionSets` (each a list of dimension names). */
  group(metrics: readonly EmfMetric[], dimensionSets: readonly (readonly string[])[]): EmfWrite;
}

/**
 * Creates the EMF writer of a service, once per execution environment. Each document is one
 * line on stdout, as Powertools Metrics writes it, so CloudWatch extracts the metrics in Lambda.
 *
 * @example
 * ```ts
 * const emf = emfWriter({ service: 'items', namespace: 'Shop' });
 * const write = emf.group([{ name: 'Requests', unit: 'Count' }], [['service', 'route']]);
 * write([1], { route: 'GET /items/:id' });
 * // {"_aws":{"Timestamp":...,"CloudWatchMetrics":[{"Namespace":"Shop","Dimensions":[["service","route"]],"Metrics":[{"Name":"Requests","Unit":"Count"}]}]},"service":"items","route":"GET /items/:id","Requests":1}
 * ```
 */
export function emfWriter(options: EmfWriterOptions): EmfWriter {
  const namespace = metricsNamespace(options.namespace);
  const disabled = options.disabled ?? metricsDisabled();
  const service = `,${JSON.stringify(DIMENSIONS.service)}:${JSON.stringify(options.service)}`;
  return {
    disabled,
    group(metrics, dimensionSets) {
      const directive = JSON.stringify([
        {
          Namespace: namespace,
          Dimensions: dimensionSets,
          Metrics: metrics.map(({ name, unit }) => ({ Name: name, Unit: unit })),
        },
      ]);
      const head = `{"_aws":{"Timestamp":`;
      const afterTimestamp = `,"CloudWatchMetrics":${directive}}${service}`;
      const names = metrics.map(({ name }) => `,${JSON.stringify(name)}:`);
      return (values, keys) => {
        if (disabled) return;
        let line = `${head}${Date.now()}${afterTimestamp}`;
        for (const key in keys) line += `,${JSON.stringify(key)}:${JSON.stringify(keys[key])}`;
        for (let index = 0; index < names.length; index++) {
          line += `${names[index]}${finite(values[index])}`;
        }
        process.stdout.write(`${line}}\n`);
      };
    },
  };
}

/**
 * The metrics namespace: the one given, else `POWERTOOLS_METRICS_NAMESPACE`, else `Gantry`.
 *
 * @example
 * ```ts
 * metricsNamespace('Shop'); // 'Shop'
 * metricsNamespace(undefined); // process.env.POWERTOOLS_METRICS_NAMESPACE, or 'Gantry'
 * ```
 */
export function metricsNamespace(given: string | undefined): string {
  return given ?? (process.env.POWERTOOLS_METRICS_NAMESPACE || DEFAULT_NAMESPACE);
}

/** EMF values are numbers; JSON has no NaN or Infinity. */
function finite(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}

/** Powertools Metrics' rule: `POWERTOOLS_METRICS_DISABLED` when set, else `POWERTOOLS_DEV`. */
function metricsDisabled(): boolean {
  if (process.env.POWERTOOLS_METRICS_DISABLED !== undefined) {
    return getBooleanFromEnv({
      key: 'POWERTOOLS_METRICS_DISABLED',
      defaultValue: false,
      extendedParsing: true,
    });
  }
  return isDevMode();
}
