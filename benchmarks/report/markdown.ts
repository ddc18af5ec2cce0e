/**
 * `latest.md`: the run's tables, the machine, how each section measured, and how to rerun.
 */
import type { BenchResults } from './results.js';
import {
  bundleTable,
  coldTable,
  memoryTable,
  outputTable,
  scalingTable,
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
  const flag = results.profile === 'full' ? '' : ` -- --${results.profile}`;
  return `# Gantry benchmarks

\`npm run bench${flag}\` on ${machine.date.slice(0, 10)} (profile \`${results.profile}\`, ${minutes} min):
${machine.cpuCount} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}.

Every ratio below is within this one run on this one machine: compare ratios, not absolute
figures, across machines. Rerun with \`npm run bench\` (every source, 5 runs, 15 cold processes
per variant: about 7 minutes on 2 cores) or \`npm run bench -- --quick\` (under a minute: the
HTTP API (v2) only, three short runs, 5 cold processes per variant: a glance).
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

${warmTables(results.warm.rows)}

### Output per invocation

What the workers wrote: stdout (logs, EMF) goes to a scratch file, counted once the worker is
done and deleted, so a log line costs what a write to /dev/null costs (in Lambda stdout is a
pipe to the log agent: each line costs more there, alike for every variant that logs); the X-Ray
datagrams are counted by the harness's UDP listener. The observed variants should write alike.

${outputTable(results.warm.processes)}

## Cold start (ms)

Each variant's handler bundled with the infra's \`BUNDLE_SETTINGS\` (infra/function/bundle.ts)
and started in ${processes} fresh \`node\` processes, taking turns, with a Lambda-like environment
(\`AWS_LAMBDA_FUNCTION_NAME\`, \`AWS_LAMBDA_FUNCTION_MEMORY_SIZE\`, \`AWS_REGION\`,
\`AWS_LAMBDA_INITIALIZATION_TYPE=on-demand\`; \`AWS_EXECUTION_ENV\` and the X-Ray variables
only in the \`+X-Ray\` rows). Import: from before \`import()\` of the bundle to after. First
invoke: a GET /items/:id from an HTTP API (v2) event, answer checked. Total: from the process
start (\`performance.timeOrigin\`) to that answer. Source maps are not enabled (the infra's
functions run with \`NODE_OPTIONS=--enable-source-maps\`, which adds to every variant).

${coldTable(results)}

## Bundle size

Minified code with the infra's \`BUNDLE_SETTINGS\` (source maps not counted), gzip per file,
summed over the handler module and the chunks it loads on demand (\`import()\`: Gantry's X-Ray
Tracer, loaded only when tracing is on).

${bundleTable(results)}

## Scaling with the number of routes

\`/r0/:id\` … \`/r{n-1}/:id\`, generated at run time, each in fresh processes: build is the route
set and the handler (the framework already imported), once per process; then the first request;
then warm lookups through the handler with HTTP API (v2) events, p50 / p99 in ns. Gantry is
\`createHandler\` with \`observability: false\` (its decorators applied in a loop), beside the
Powertools event-handler Router and Hono's aws-lambda adapter. 404: \`/r{n}/abc\`.

${scalingTable(results)}

## Memory

gantry-full (tracing off) on HTTP API (v2) events, GET and POST in turn; heap read after
\`global.gc()\` (\`--expose-gc\`).

${memoryTable(results)}

## Variants

${variantsList()}
`;
}
