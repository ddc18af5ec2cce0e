/**
 * `latest.md`: the run's tables, the machine, how each section measured, and how to rerun.
 */
import { SECTIONS, type Section } from '../profile.js';
import { formatMB } from './format.js';
import type { BenchResults } from './results.js';
import {
  bundleTable,
  coldTable,
  concurrencyTable,
  outputTable,
  scalingTable,
  soakTable,
  targetsTable,
  variantsList,
  warmTables,
} from './sections.js';

/**
 * Renders the whole report.
 *
 * @example
 * ```ts
 * writeFileSync('benchmarks/results/latest.md', renderMarkdown(results));
 * ```
 */
export function renderMarkdown(results: BenchResults): string {
  const { machine } = results;
  const runs = results.warm.rows[0]?.runs.length ?? 0;
  const processes = results.cold.rows[0]?.samples.length ?? 0;
  const minutes = (results.durationMs / 60_000).toFixed(1);
  const partial = results.sections.length < SECTIONS.length;
  const flags = [
    ...(results.profile === 'full' ? [] : [`--${results.profile}`]),
    ...(partial ? [`--only ${results.sections.join(',')}`] : []),
  ];
  const flag = flags.length > 0 ? ` -- ${flags.join(' ')}` : '';
  /** The section's text when it ran, else a line saying it did not. */
  const ran = (section: Section, text: () => string) =>
    results.sections.includes(section)
      ? text()
      : `Not run (\`--only ${results.sections.join(',')}\`).`;
  return `# Gantry benchmarks

\`npm run bench${flag}\` on ${machine.date.slice(0, 10)} (profile \`${results.profile}\`, ${minutes} min):
${machine.cpuCount} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}.

Every ratio below is within this one run on this one machine: compare ratios, not absolute
figures, across machines. Rerun with \`npm run bench\` (every source, 5 runs, 15 cold processes
per variant: about 7 minutes on 2 cores, plus the soak of 1,000,000 invocations, timed in its
section) or
\`npm run bench -- --quick\` (about a minute: the HTTP API (v2) only, three short runs, 5 cold
processes per variant, a soak of 100,000: a glance, written to .gantry/bench-results/quick);
\`-- --only soak,concurrency\` runs only the sections named.
\`latest.json\` holds every figure (warm latencies in ns, per run; every cold process); the chart
is \`latest.svg\`.

![Warm p50 per variant, HTTP API (v2)](latest.svg)

## Targets

${targetsTable(results)}

## Warm latency per invocation (ns)

p50 and p99 of single invocations, the median of ${runs} run(s) of mitata each. One child process
per variant and source; answers checked strictly (status, content type where the source reads
it, exact JSON body) before and after timing, and the last timed answer of every run. Each
invocation gets a fresh event and Lambda context, built outside the timed region after a turn of
the event loop (as the Lambda runtime takes between two invocations). Tracing is off
(\`POWERTOOLS_TRACE_ENABLED=false\`, no \`AWS_EXECUTION_ENV\`) except in the \`+X-Ray\` rows:
\`AWS_EXECUTION_ENV\`, \`LAMBDA_TASK_ROOT\`, a sampled \`_X_AMZN_TRACE_ID\` of its own per
invocation and \`AWS_XRAY_DAEMON_ADDRESS\` pointing at a UDP listener of the harness.
×raw divides by the floor (tracing off); ×gantry-full by gantry-full with the same tracing.

${ran('warm', () => warmTables(results.warm.rows))}

### Output per invocation

What the workers wrote: stdout (logs, EMF) goes to a scratch file, counted once the worker is
done and deleted, so a log line costs what a write to /dev/null costs (in Lambda stdout is a
pipe to the log agent: each line costs more there, alike for every variant that logs); the X-Ray
datagrams are counted by the harness's UDP listener. The observed variants should write alike.

${ran('warm', () => outputTable(results.warm.processes))}

## Cold start (ms)

Each variant's handler bundled with the infra's \`BUNDLE_SETTINGS\` (infra/function/bundle.ts)
and started in ${processes} fresh \`node\` processes, taking turns, with a Lambda-like environment
(\`AWS_LAMBDA_FUNCTION_NAME\`, \`AWS_LAMBDA_FUNCTION_MEMORY_SIZE\`, \`AWS_REGION\`,
\`AWS_LAMBDA_INITIALIZATION_TYPE=on-demand\`; \`AWS_EXECUTION_ENV\` and the X-Ray variables
only in the \`+X-Ray\` rows). Import: from before \`import()\` of the bundle to after. First
invoke: a GET /items/:id from an HTTP API (v2) event, answer checked. Total: from the process
start (\`performance.timeOrigin\`) to that answer. Source maps are not enabled (the infra's
functions run with \`NODE_OPTIONS=--enable-source-maps\`, which adds to every variant).

${ran('cold', () => coldTable(results))}

## Bundle size

Minified code with the infra's \`BUNDLE_SETTINGS\` (source maps not counted), gzip per file,
summed over the handler module and the chunks it loads on demand (\`import()\`: Gantry's X-Ray
Tracer, loaded only when tracing is on).

${ran('cold', () => bundleTable(results))}

## Scaling with the number of routes

\`/r0/:id\` … \`/r{n-1}/:id\`, generated at run time, each in fresh processes: build is the route
set and the handler (the framework already imported), once per process; then the first request;
then warm lookups through the handler with HTTP API (v2) events, p50 / p99 in ns. Gantry is
\`createHandler\` with \`observability: false\` (its decorators applied in a loop), beside the
Powertools event-handler Router and Hono's aws-lambda adapter. 404: \`/r{n}/abc\`.

${ran('scaling', () => scalingTable(results))}

## Soak (heap after GC)

${results.soak ? soakText(results) : ran('soak', () => '')}

## Concurrency (invocations in flight at once)

${results.concurrency ? concurrencyText(results) : ran('concurrency', () => '')}

## Variants

${variantsList()}
`;
}

function soakText(results: BenchResults): string {
  const soak = results.soak as NonNullable<BenchResults['soak']>;
  const sources = soak.sources.map((source) => `\`${source}\``).join(', ');
  const count = (n: number) => n.toLocaleString('en-US');
  const verdict = soak.growthBytes < soak.goalBytes ? 'met' : '**missed**';
  return `${soak.variant} (tracing off), invoked warm in one process, one invocation at a time
(after a turn of the event loop, as between two Lambda invocations), the sources taking turns
(${sources}): the GET and the POST in turn, each GET on an id of its own and each POST with a name of its own, so that
anything kept per path or per body would show as growth. Every answer is checked (status,
content type, exact body). At each checkpoint the worker forces three full GCs
(\`node --expose-gc\`, \`gc()\`, a turn of the event loop between them) and keeps the lowest
\`heapUsed\`. Goal: less than ${soak.goalBytes / 1e6} MB (10^6 bytes) of growth from the first
checkpoint to the last.

${count(soak.invocations)} invocations in ${(soak.durationMs / 1000).toFixed(1)} s (GCs included);
${count(soak.answersChecked)} answers checked, with the app check on every source before and after;
growth ${formatMB(soak.growthBytes, true)}: goal ${verdict}.

${soakTable(soak)}`;
}

function concurrencyText(results: BenchResults): string {
  const rows = results.concurrency as NonNullable<BenchResults['concurrency']>;
  const sources = [...new Set(rows.flatMap((row) => row.sources))]
    .map((source) => `\`${source}\``)
    .join(', ');
  const handlers = rows.map((row) => `- **${row.app}**: ${row.description}.`).join('\n');
  const examples = rows.flatMap((row) =>
    row.crossTalkExamples.map((text) => `- ${row.app}: ${text}`),
  );
  return `Each burst runs in a fresh process set up as a Lambda Managed Instance runs a function
(\`AWS_LAMBDA_MAX_CONCURRENCY\`, \`AWS_LAMBDA_INITIALIZATION_TYPE=lambda-managed-instances\`,
the \`@aws/lambda-invoke-store\` store installed before the handler loads, each invocation run in
a context of its own with its request id and trace id) and starts every invocation before any
has answered, GET and POST in turn, the sources taking turns: ${sources}.
Each request has a correlation id of its own (from the \`x-correlation-id\` header, the
\`x-request-id\` header or the source's request id, in turn), a Lambda request id, a trace id,
and an id in its path or a name in its body. Checked: every answer (status, content type, exact
body, exactly one \`x-correlation-id\`, its own); every log line carries the correlation id of
one request of the burst, with that request's \`function_request_id\` and \`xray_trace_id\`;
access lines name that request's method, route, path and status; route lines its id or name;
every EMF route document that request's route; every request has exactly one access line and
one route-metrics document (and one route line where the routes log); exactly one cold start,
on one request. Any cross-talk fails the run.

${handlers}

${concurrencyTable(rows)}${examples.length > 0 ? `\n\nCross-talk found:\n\n${examples.join('\n')}` : ''}`;
}
