/**
 * The dashboard and the alarms cannot drift from what the runtime emits: every metric they
 * reference is one the runtime defines (name, dimension set), in the function's namespace and
 * service; and the very bundle the stack deploys, run with the function's environment, emits
 * every one of them.
 */
import { DIMENSIONS, METRICS } from 'gantry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apigwV1Event,
  apigwV2Event,
  functionUrlEvent,
  type RequestSpec,
} from '../support/events.js';
import {
  alarmReferences,
  contractProblems,
  dashboardReferences,
  type Extracted,
  emittedReferences,
  isAwsNamespace,
  type MetricReference,
  unemitted,
} from './support/metric-references.js';
import { type BundleRun, runBundle } from './support/run-bundle.js';
import {
  functionEnvironment,
  onlyResource,
  resourcesOf,
  STACK_CASES,
  type Synthesized,
  type SynthesizedStack,
  synthesizeStacks,
} from './support/service-stacks.js';

/** Every metric the stack's dashboard and alarms reference. */
function stackReferences(stack: SynthesizedStack): { dashboard: Extracted; alarms: Extracted } {
  const dashboard = onlyResource(stack, 'aws_cloudwatch_dashboard');
  const alarms = Object.values(resourcesOf(stack, 'aws_cloudwatch_metric_alarm')).map(
    alarmReferences,
  );
  return {
    dashboard: dashboardReferences(
      String(dashboard.dashboard_body),
      String(dashboard.dashboard_name),
    ),
    alarms: {
      references: alarms.flatMap((found) => found.references),
      problems: alarms.flatMap((found) => found.problems),
    },
  };
}

const contractOf = (stack: SynthesizedStack) => {
  const environment = functionEnvironment(stack);
  return {
    namespace: String(environment.POWERTOOLS_METRICS_NAMESPACE),
    service: String(environment.POWERTOOLS_SERVICE_NAME),
  };
};

const describeReference = (reference: MetricReference) =>
  `${reference.namespace} ${reference.name} [${Object.keys(reference.dimensions).sort()}]`;

const json = { 'content-type': 'application/json' };
const missingId = '00000000-0000-4000-8000-000000000000';
/** Traffic over every route of the items service (2xx and 4xx) and an unmatched path. */
const traffic: { spec: RequestSpec; status: number }[] = [
  { spec: { method: 'POST', path: '/items', headers: json, body: '{"name":"milk"}' }, status: 201 },
  { spec: { path: '/items' }, status: 200 },
  { spec: { path: `/items/${missingId}` }, status: 404 },
  { spec: { method: 'DELETE', path: `/items/${missingId}` }, status: 404 },
  { spec: { path: '/nowhere' }, status: 404 },
].map(({ spec, status }, index) => ({
  spec: { ...spec, requestId: `request-${index + 1}` },
  status,
}));

describe('infra drift: dashboard and alarms vs the metrics the runtime emits', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesizeStacks([STACK_CASES.http, STACK_CASES.rest]);
  }, 60_000);
  afterAll(() => synthesized?.remove());

  const cases = [
    // The HTTP API sends payload 2.0.
    {
      stack: STACK_CASES.http.id,
      events: traffic.map(({ spec }) => apigwV2Event(spec)),
      statuses: traffic.map(({ status }) => status),
    },
    // The REST API sends payload 1.0; its Function URL, the Function URL payload.
    {
      stack: STACK_CASES.rest.id,
      events: [
        ...traffic.map(({ spec }) => apigwV1Event(spec)),
        functionUrlEvent({ path: '/items', requestId: 'request-url' }),
      ],
      statuses: [...traffic.map(({ status }) => status), 200],
    },
  ];

  describe.each(cases)('$stack', ({ stack: id, events, statuses }) => {
    const stack = () => synthesized.stacks[id] as SynthesizedStack;

    it('references only metrics the runtime defines, by their dimension sets, in the function namespace and service', () => {
      // Prepare
      const { dashboard, alarms } = stackReferences(stack());
      const references = [...dashboard.references, ...alarms.references];

      // Act
      const problems = [
        ...dashboard.problems,
        ...alarms.problems,
        ...contractProblems(references, contractOf(stack())),
      ];

      // Assert
      expect(problems).toEqual([]);
      const own = references.filter((reference) => !isAwsNamespace(reference.namespace));
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map((reference) => reference.namespace))).toEqual(
        new Set([contractOf(stack()).namespace]),
      );
    });

    it('charts every metric the runtime defines, and alarms on 5xx rate and p99 latency per service', () => {
      // Prepare
      const { dashboard, alarms } = stackReferences(stack());

      // Act
      const charted = new Set(dashboard.references.map((reference) => reference.name));
      const alarmed = alarms.references
        .filter((reference) => !isAwsNamespace(reference.namespace))
        .map(describeReference);

      // Assert
      expect([...charted]).toEqual(
        expect.arrayContaining(Object.values(METRICS).map((metric) => metric.name)),
      );
      const namespace = contractOf(stack()).namespace;
      expect(new Set(alarmed)).toEqual(
        new Set(
          [METRICS.faults5xx, METRICS.requests, METRICS.latency].map(
            (metric) => `${namespace} ${metric.name} [${DIMENSIONS.service}]`,
          ),
        ),
      );
    });

    describe('the bundle the stack deploys, run with the function environment', () => {
      let run: BundleRun;
      beforeAll(async () => {
        run = await runBundle(stack().bundleDir, functionEnvironment(stack()), events);
      }, 30_000);

      it('answers every request as the items service does (the run is real)', () => {
        // Assert
        expect(run.answers.map((answer) => answer.statusCode)).toEqual(statuses);
      });

      it('emits every (metric, dimension set) the dashboard and alarms reference, with the same namespace and service', () => {
        // Prepare
        const { dashboard, alarms } = stackReferences(stack());
        const references = [...dashboard.references, ...alarms.references];

        // Act
        const missing = unemitted(references, emittedReferences(run.emf));

        // Assert
        expect(
          missing.map((reference) => `${reference.where}: ${describeReference(reference)}`),
        ).toEqual([]);
      });

      it('emits ColdStart and InitDuration by [service] once, in the first invocation', () => {
        // Act
        const coldStarts = run.emf.filter((document) =>
          emittedReferences([document]).some(
            (metric) =>
              metric.name === METRICS.coldStart.name || metric.name === METRICS.initDuration.name,
          ),
        );

        // Assert
        expect(coldStarts).toHaveLength(1);
        expect(coldStarts[0]?.correlation_id).toBe('request-1');
        expect(emittedReferences(coldStarts).map(describeReference)).toEqual([
          `${contractOf(stack()).namespace} ${METRICS.coldStart.name} [${DIMENSIONS.service}]`,
          `${contractOf(stack()).namespace} ${METRICS.initDuration.name} [${DIMENSIONS.service}]`,
        ]);
      });
    });
  });

  describe('the check itself', () => {
    const http = () => synthesized.stacks[STACK_CASES.http.id] as SynthesizedStack;
    const body = () => String(onlyResource(http(), 'aws_cloudwatch_dashboard').dashboard_body);
    const widget = (metrics: unknown[][]) =>
      JSON.stringify({ widgets: [{ type: 'metric', properties: { title: 'w', metrics } }] });
    const problemsOf = (extracted: Extracted) => [
      ...extracted.problems,
      ...contractProblems(extracted.references, contractOf(http())),
    ];

    it('reports a SEARCH whose metric name was retyped (Request for Requests)', () => {
      // Prepare
      const retyped = body().replace('MetricName=\\"Requests\\"', 'MetricName=\\"Request\\"');

      // Act
      const problems = problemsOf(dashboardReferences(retyped, 'items'));

      // Assert
      expect(retyped).not.toBe(body());
      expect(problems).toEqual([
        "dashboard items, widget 'Requests by route': Gantry/Request by [service,route]: the runtime emits no metric named Request",
      ]);
    });

    it('reports an explicit row whose metric name was retyped', () => {
      // Prepare
      const retyped = body().replaceAll('"ColdStart"', '"Coldstart"');

      // Act
      const problems = problemsOf(dashboardReferences(retyped, 'items'));

      // Assert
      expect(problems).toEqual([
        "dashboard items, widget 'Cold starts and init duration': Gantry/Coldstart by [service]: the runtime emits no metric named Coldstart",
      ]);
    });

    it('reports a dimension set the runtime does not publish the metric under', () => {
      // Prepare
      const body = widget([['Gantry', 'ColdStart', 'service', 'items', 'route', 'GET /items']]);

      // Act
      const problems = problemsOf(dashboardReferences(body, 'items'));

      // Assert
      expect(problems).toEqual([
        "dashboard items, widget 'w': Gantry/ColdStart by [service,route]: ColdStart is published by [service] only",
      ]);
    });

    it('reports a namespace or a service other than the function environment', () => {
      // Prepare
      const alarm = {
        alarm_name: 'items-5xx-rate',
        metric_query: [
          {
            id: 'm1',
            metric: {
              namespace: 'Gantri',
              metric_name: 'Faults5xx',
              dimensions: { service: 'items' },
            },
          },
          {
            id: 'e1',
            expression: `SEARCH('{"Gantry",service,route} MetricName="Requests" service="orders"', 'Sum', 60)`,
          },
        ],
      };

      // Act
      const problems = problemsOf(alarmReferences(alarm));

      // Assert
      expect(problems).toEqual([
        'alarm items-5xx-rate, query m1: Gantri/Faults5xx by [service]: namespace is not POWERTOOLS_METRICS_NAMESPACE=Gantry',
        'alarm items-5xx-rate, query e1: Gantry/Requests by [service,route]: service=orders is not POWERTOOLS_SERVICE_NAME=items',
      ]);
    });

    it('reports a SEARCH it cannot read instead of skipping it', () => {
      // Prepare
      const body = widget([[{ expression: `SEARCH('Requests', 'Sum', 60)`, id: 'e1' }]]);

      // Act
      const extracted = dashboardReferences(body, 'items');

      // Assert
      expect(extracted.references).toEqual([]);
      expect(extracted.problems).toEqual([
        "dashboard items, widget 'w': SEARCH without a {namespace,...} schema and a MetricName: Requests",
      ]);
    });

    it("reads CloudWatch's '.' shorthand in rows and ignores AWS's own namespaces and math", () => {
      // Prepare
      const body = widget([
        ['Gantry', 'Latency', 'service', 'items', { stat: 'p99' }],
        ['.', 'Requests', '.', '.'],
        ['AWS/Lambda', 'Errors', 'FunctionName', 'items'],
        [{ expression: 'm1 / m2', id: 'e1' }],
      ]);

      // Act
      const extracted = dashboardReferences(body, 'items');

      // Assert
      expect(extracted.references.map(describeReference)).toEqual([
        'Gantry Latency [service]',
        'Gantry Requests [service]',
        'AWS/Lambda Errors [FunctionName]',
      ]);
      expect(problemsOf(extracted)).toEqual([]);
    });

    it('reports the referenced metrics a run did not emit (no cold start: no ColdStart, no InitDuration)', async () => {
      // Prepare
      const { dashboard, alarms } = stackReferences(http());
      const run = await runBundle(http().bundleDir, functionEnvironment(http()), [
        apigwV2Event({ path: '/items', requestId: 'request-1' }),
        apigwV2Event({ path: '/items', requestId: 'request-2' }),
      ]);
      const warm = run.emf.filter((document) => document.correlation_id === 'request-2');

      // Act
      const missing = unemitted(
        [...dashboard.references, ...alarms.references],
        emittedReferences(warm),
      );

      // Assert
      expect(new Set(missing.map(describeReference))).toEqual(
        new Set(['Gantry ColdStart [service]', 'Gantry InitDuration [service]']),
      );
    });
  });
});
