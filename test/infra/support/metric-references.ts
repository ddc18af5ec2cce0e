/**
 * Reads every metric a CloudWatch dashboard body or a metric alarm references (explicit metric
 * rows, SEARCH expressions, alarm metrics and metric queries), checks them against the runtime's
 * metric contract, and matches them with the EMF documents a handler really printed.
 */
import { METRICS } from 'gantry';
import type { EmfDocument } from '../../support/output.js';

/**
 * One metric reference. A dimension whose value is `undefined` matches any value (the
 * dimension of a SEARCH schema that the search does not pin).
 */
export interface MetricReference {
  /** Where it was found, for messages. */
  where: string;
  namespace: string;
  name: string;
  dimensions: Record<string, string | undefined>;
}

/** References found, and what could not be read as one. */
export interface Extracted {
  references: MetricReference[];
  problems: string[];
}

/** Where the service's metrics must be: the function's Powertools environment. */
export interface MetricContract {
  namespace: string;
  service: string;
}

const SEARCH_CALL = /SEARCH\(\s*'((?:[^'\\]|\\.)*)'/g;
const SCHEMA = /^\s*\{([^}]*)\}(.*)$/s;
const TERM = /([A-Za-z0-9_.-]+)\s*=\s*"((?:[^"\\]|\\.)*)"/g;
const unquote = (text: string) => text.trim().replace(/^"(.*)"$/s, '$1');

/**
 * The metrics a metric-math expression's SEARCH calls select: the schema's namespace and
 * dimension names, the `MetricName`, and the dimension values the search pins.
 *
 * @example
 * ```ts
 * searchReferences(`SEARCH('{"Gantry",service,route} MetricName="Requests" service="items"', 'Sum', 60)`, 'w');
 * // { references: [{ namespace: 'Gantry', name: 'Requests', dimensions: { service: 'items', route: undefined } }] }
 * ```
 */
export function searchReferences(expression: string, where: string): Extracted {
  const extracted: Extracted = { references: [], problems: [] };
  for (const [, query = ''] of expression.matchAll(SEARCH_CALL)) {
    const schema = SCHEMA.exec(query);
    const [namespace = '', ...dimensionNames] = (schema?.[1] ?? '').split(',').map(unquote);
    const terms = new Map(
      [...(schema?.[2] ?? '').matchAll(TERM)].map(([, key = '', value = '']) => [key, value]),
    );
    const name = terms.get('MetricName');
    if (!schema || !namespace || !name) {
      extracted.problems.push(
        `${where}: SEARCH without a {namespace,...} schema and a MetricName: ${query}`,
      );
      continue;
    }
    const dimensions: Record<string, string | undefined> = {};
    for (const dimension of dimensionNames) dimensions[dimension] = terms.get(dimension);
    extracted.references.push({ where, namespace, name, dimensions });
  }
  return extracted;
}

type Row = unknown[];
type Block = Record<string, unknown>;

/** One explicit dashboard row `[namespace, name, dim, value, ..., {options}]`, `.` resolved. */
function rowReference(row: Row, previous: Row | undefined, where: string): Extracted {
  const cells = row.filter((cell) => typeof cell !== 'object' || cell === null);
  const resolved = cells.map((cell, index) => (cell === '.' ? previous?.[index] : cell));
  const [namespace, name, ...pairs] = resolved;
  if (typeof namespace !== 'string' || typeof name !== 'string' || pairs.length % 2 !== 0)
    return { references: [], problems: [`${where}: unreadable metric row ${JSON.stringify(row)}`] };
  const dimensions: Record<string, string> = {};
  for (let index = 0; index < pairs.length; index += 2)
    dimensions[String(pairs[index])] = String(pairs[index + 1]);
  return { references: [{ where, namespace, name, dimensions }], problems: [] };
}

/**
 * Every metric a dashboard body references, widget by widget.
 *
 * @example
 * ```ts
 * const { references, problems } = dashboardReferences(dashboard.dashboard_body, 'items');
 * ```
 */
export function dashboardReferences(body: string, dashboard: string): Extracted {
  const extracted: Extracted = { references: [], problems: [] };
  const widgets = (JSON.parse(body) as { widgets: { type: string; properties: Block }[] }).widgets;
  for (const widget of widgets) {
    if (widget.type !== 'metric') continue;
    const where = `dashboard ${dashboard}, widget '${widget.properties.title}'`;
    let previous: Row | undefined;
    for (const row of (widget.properties.metrics ?? []) as Row[]) {
      const expression = (row[0] as { expression?: unknown } | undefined)?.expression;
      const found =
        typeof expression === 'string'
          ? searchReferences(expression, where)
          : rowReference(row, previous, where);
      if (typeof expression !== 'string') previous = row;
      extracted.references.push(...found.references);
      extracted.problems.push(...found.problems);
    }
  }
  return extracted;
}

function alarmMetric(metric: Block, where: string): MetricReference {
  return {
    where,
    namespace: String(metric.namespace),
    name: String(metric.metric_name),
    dimensions: { ...(metric.dimensions as Record<string, string> | undefined) },
  };
}

/**
 * Every metric a `aws_cloudwatch_metric_alarm` block (as synthesized) references: its own
 * metric, or each metric and SEARCH of its metric queries.
 *
 * @example
 * ```ts
 * alarmReferences(stack.json.resource.aws_cloudwatch_metric_alarm['alarms_p99-latency_1234']);
 * ```
 */
export function alarmReferences(alarm: Block): Extracted {
  const where = `alarm ${alarm.alarm_name}`;
  const extracted: Extracted = { references: [], problems: [] };
  if (alarm.metric_name !== undefined) extracted.references.push(alarmMetric(alarm, where));
  for (const query of (alarm.metric_query ?? []) as Block[]) {
    const at = `${where}, query ${query.id}`;
    if (query.metric) extracted.references.push(alarmMetric(query.metric as Block, at));
    if (typeof query.expression === 'string') {
      const found = searchReferences(query.expression, at);
      extracted.references.push(...found.references);
      extracted.problems.push(...found.problems);
    }
  }
  return extracted;
}

const sortedKey = (names: readonly string[]) => [...names].sort().join(',');

/** Whether a namespace is one of AWS's own (`AWS/Lambda`, `AWS/ApiGateway`). */
export const isAwsNamespace = (namespace: string) => namespace.startsWith('AWS/');

/**
 * What is wrong with each reference outside AWS's own namespaces: a namespace other than the
 * function's, a metric name the runtime does not define, a dimension set it does not publish
 * that metric under, or a service other than the function's.
 *
 * @example
 * ```ts
 * contractProblems(references, { namespace: 'Gantry', service: 'items' }); // [] when no drift
 * ```
 */
export function contractProblems(
  references: readonly MetricReference[],
  contract: MetricContract,
): string[] {
  const problems: string[] = [];
  for (const reference of references) {
    if (isAwsNamespace(reference.namespace)) continue;
    const { where, namespace, name, dimensions } = reference;
    const label = `${where}: ${namespace}/${name} by [${Object.keys(dimensions)}]`;
    if (namespace !== contract.namespace)
      problems.push(
        `${label}: namespace is not POWERTOOLS_METRICS_NAMESPACE=${contract.namespace}`,
      );
    const metric = Object.values(METRICS).find((candidate) => candidate.name === name);
    if (!metric) {
      problems.push(`${label}: the runtime emits no metric named ${name}`);
      continue;
    }
    const sets = metric.dimensionSets.map(sortedKey);
    if (!sets.includes(sortedKey(Object.keys(dimensions))))
      problems.push(`${label}: ${name} is published by [${sets.join('] and [')}] only`);
    if (dimensions.service !== contract.service)
      problems.push(
        `${label}: service=${dimensions.service} is not POWERTOOLS_SERVICE_NAME=${contract.service}`,
      );
  }
  return problems;
}

/**
 * The metrics EMF documents carry: one reference per metric per dimension set, with the
 * document's dimension values.
 *
 * @example
 * ```ts
 * emittedReferences(output.emf()); // [{ namespace: 'Gantry', name: 'ColdStart', dimensions: { service: 'items' } }, ...]
 * ```
 */
export function emittedReferences(documents: readonly EmfDocument[]): MetricReference[] {
  return documents.flatMap((document, index) =>
    document._aws.CloudWatchMetrics.flatMap((directive) =>
      directive.Metrics.flatMap((metric) =>
        directive.Dimensions.map((set) => ({
          where: `EMF document ${index + 1}`,
          namespace: directive.Namespace,
          name: metric.Name,
          dimensions: Object.fromEntries(set.map((key) => [key, String(document[key])])),
        })),
      ),
    ),
  );
}

/**
 * The references outside AWS's namespaces that no emitted metric satisfies: same namespace, name
 * and dimension names, and the same value for each dimension the reference pins.
 *
 * @example
 * ```ts
 * unemitted(dashboardRefs, emittedReferences(output.emf())); // [] when the dashboard shows data
 * ```
 */
export function unemitted(
  references: readonly MetricReference[],
  emitted: readonly MetricReference[],
): MetricReference[] {
  return references.filter(
    (reference) =>
      !isAwsNamespace(reference.namespace) &&
      !emitted.some(
        (metric) =>
          metric.namespace === reference.namespace &&
          metric.name === reference.name &&
          sortedKey(Object.keys(metric.dimensions)) ===
            sortedKey(Object.keys(reference.dimensions)) &&
          Object.entries(reference.dimensions).every(
            ([key, value]) => value === undefined || metric.dimensions[key] === value,
          ),
      ),
  );
}
