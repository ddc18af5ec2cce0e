/**
 * References to the metrics a Gantry service emits, built only from the runtime's constants
 * (never a retyped name), in the shapes CloudWatch dashboards and alarms take.
 */
import { DIMENSIONS, METRICS } from 'gantry';

/** A metric the runtime emits, by its key in `METRICS`. */
export type GantryMetric = keyof typeof METRICS;

/** Where a service's metrics are: namespace and service name. */
export interface MetricScope {
  namespace: string;
  service: string;
}

/**
 * A dashboard metric row for a metric rolled up per service (`[service]` dimension set).
 *
 * @example
 * ```ts
 * serviceMetric(scope, 'latency', { stat: 'p99', label: 'p99' });
 * // ['Gantry', 'Latency', 'service', 'items', { stat: 'p99', label: 'p99' }]
 * ```
 */
export function serviceMetric(
  scope: MetricScope,
  metric: GantryMetric,
  options: Record<string, unknown>,
): unknown[] {
  return [scope.namespace, METRICS[metric].name, DIMENSIONS.service, scope.service, options];
}

/**
 * A CloudWatch SEARCH expression over every route of the service: one line per route, whatever
 * routes the service has.
 *
 * @example
 * ```ts
 * routeSearch(scope, 'requests', 'Sum', 60);
 * // SEARCH('{"Gantry",service,route} MetricName="Requests" service="items"', 'Sum', 60)
 * ```
 */
export function routeSearch(
  scope: MetricScope,
  metric: GantryMetric,
  stat: string,
  period: number,
): string {
  const schema = `{"${scope.namespace}",${DIMENSIONS.service},${DIMENSIONS.route}}`;
  return `SEARCH('${schema} MetricName="${METRICS[metric].name}" ${DIMENSIONS.service}="${scope.service}"', '${stat}', ${period})`;
}

/**
 * An alarm metric query for a metric rolled up per service.
 *
 * @example
 * ```ts
 * serviceQuery(scope, 'm1', 'faults5xx', 'Sum', 60);
 * ```
 */
export function serviceQuery(
  scope: MetricScope,
  id: string,
  metric: GantryMetric,
  stat: string,
  period: number,
) {
  return {
    id,
    returnData: false,
    metric: {
      namespace: scope.namespace,
      metricName: METRICS[metric].name,
      dimensions: { [DIMENSIONS.service]: scope.service },
      stat,
      period,
    },
  };
}
