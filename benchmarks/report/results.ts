/**
 * The shape of `latest.json`: every figure of one run of `npm run bench`, in the units named by
 * each field (nanoseconds for warm latency, milliseconds for cold starts and builds, bytes).
 */
import type { Source } from '../app-check.js';
import type { LatencyStats } from '../measure/measure-invocations.js';
import type { ProfileName, Section } from '../profile.js';

/** The machine and the run. */
export interface Machine {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly node: string;
  readonly os: string;
  readonly memoryGiB: number;
  /** ISO 8601, when the run started. */
  readonly date: string;
}

/** The two timed requests of the app. */
export type TimedRequest = 'GET /items/:id' | 'POST /items';

/** Warm latency of one request of one variant on one source (medians of the runs), in ns. */
export interface WarmRow {
  readonly variant: string;
  readonly source: Source;
  /** Measured with X-Ray tracing on (a `… +X-Ray` row). */
  readonly xray: boolean;
  readonly request: TimedRequest;
  readonly p50: number;
  readonly p99: number;
  readonly runs: readonly LatencyStats[];
}

/** One warm child process (a variant on a source): what it did besides the timing. */
export interface WarmProcess {
  readonly variant: string;
  readonly source: Source;
  readonly xray: boolean;
  /** Handler invocations in the process (checks, warm-up and samples). */
  readonly invocations: number;
  /** Answers checked strictly (app-check before and after timing, and the last timed ones). */
  readonly answersChecked: number;
  readonly stdoutLines: number;
  readonly stdoutBytes: number;
  readonly stderrLines: number;
  readonly stderrFirst?: string;
  /** Datagrams the stand-in X-Ray daemon received (X-Ray rows only). */
  readonly datagrams?: number;
}

/** A p50 and a p90. */
export interface Percentiles {
  readonly p50: number;
  readonly p90: number;
}

/** One fresh process: milliseconds. */
export interface ColdSample {
  /** From before `import()` of the handler's bundle to after. */
  readonly importMs: number;
  /** The first invocation (GET /items/:id from an HTTP API v2 event). */
  readonly firstInvokeMs: number;
  /** From the start of the process (`performance.timeOrigin`) to the first answer. */
  readonly totalMs: number;
}

/** Cold starts of one variant, tracing off or on. */
export interface ColdRow {
  readonly variant: string;
  readonly xray: boolean;
  readonly importMs: Percentiles;
  readonly firstInvokeMs: Percentiles;
  readonly totalMs: Percentiles;
  readonly samples: readonly ColdSample[];
  readonly stdoutLines: number;
  readonly datagrams?: number;
}

/** One variant's Lambda bundle. */
export interface BundleRow {
  readonly variant: string;
  /**
   * Minified, as esbuild writes it with the infra's BUNDLE_SETTINGS: the handler module and its
   * on-demand chunks (source maps not counted).
   */
  readonly bytes: number;
  /** The same, each file gzip-compressed (zlib, default level), summed. */
  readonly gzipBytes: number;
  /** Modules left out of the bundle (the Lambda runtime provides them), with why. */
  readonly external: readonly string[];
  readonly externalReason?: string;
}

/** A framework with `routes` routes: route-table build and lookups through the handler. */
export interface ScalingRow {
  readonly framework: string;
  readonly routes: number;
  /** Building the routes and the handler, in a fresh process (ms, median of the runs). */
  readonly buildMs: number;
  /** The first request after the build (ms; lazily built routers pay here). */
  readonly firstRequestMs: number;
  /** Warm latency (ns) of the first route, the last route and an unknown path (404). */
  readonly first: { readonly p50: number; readonly p99: number };
  readonly last: { readonly p50: number; readonly p99: number };
  readonly notFound: { readonly p50: number; readonly p99: number };
  readonly runs: readonly ScalingRun[];
}

/** One fresh process of a scaling row. */
export interface ScalingRun {
  readonly buildMs: number;
  readonly firstRequestMs: number;
  readonly first: LatencyStats;
  readonly last: LatencyStats;
  readonly notFound: LatencyStats;
}

/** A heap reading after a number of warm invocations (after forced GCs), in bytes. */
export interface HeapReading {
  readonly invocations: number;
  /** `process.memoryUsage().heapUsed`, the lowest of the readings after each forced GC. */
  readonly heapUsed: number;
  readonly rss: number;
  /** Milliseconds since the soak's first invocation, when the checkpoint was reached. */
  readonly elapsedMs: number;
}

/** The soak: gantry-full invoked warm a long while, its heap read after GC at checkpoints. */
export interface SoakResult {
  readonly variant: string;
  /** The sources the invocations took turns on (each with the GET and the POST in turn). */
  readonly sources: readonly Source[];
  readonly readings: readonly HeapReading[];
  /** Heap used after GC, last checkpoint less the first, bytes. */
  readonly growthBytes: number;
  /** The goal: a growth below this, bytes. */
  readonly goalBytes: number;
  /** Invocations of the soak proper (the app checks before and after not counted). */
  readonly invocations: number;
  /** From the first invocation to the last reading, ms. */
  readonly durationMs: number;
  readonly answersChecked: number;
  readonly stdoutLines: number;
}

/** What a cross-talk check read from one burst of concurrent invocations. */
export interface IsolationCounts {
  /** Answers checked: status, body and `x-correlation-id` header of their own request. */
  readonly answers: number;
  /** Structured log lines, each carrying the correlation id of one request. */
  readonly logLines: number;
  /** Access lines (`request completed`): exactly one per request. */
  readonly accessLines: number;
  /** The route's own log lines (routes that log), each with its request's item. */
  readonly routeLines: number;
  /** EMF documents of route metrics: exactly one per request. */
  readonly emfDocuments: number;
  /** Cold-start EMF documents (one, on one request's correlation id, in a fresh process). */
  readonly coldStartDocuments: number;
}

/** One burst: `inFlight` invocations started at once on one handler, in one fresh process. */
export interface ConcurrencyRow {
  /** `gantry-full`, or `gantry-full-awaiting` (the same chain, routes that await). */
  readonly app: string;
  readonly description: string;
  readonly sources: readonly Source[];
  readonly inFlight: number;
  /** The most invocations started and not yet answered at one moment. */
  readonly peakInFlight: number;
  /** Answers that settled in another order than they were started (interleaving). */
  readonly outOfOrder: number;
  readonly durationMs: number;
  readonly checked: IsolationCounts;
  /** Outputs that did not belong to exactly their own request (a non-zero count fails the run). */
  readonly crossTalk: number;
  /** The first few, described. */
  readonly crossTalkExamples: readonly string[];
}

/** A target, evaluated from this run's own numbers. */
export interface TargetRow {
  readonly target: string;
  /** The worst case found, as a ratio. */
  readonly measured: string;
  /** `null`: not measured in this run (its variants or sources were left out). */
  readonly met: boolean | null;
  readonly detail: string;
}

/** Everything `npm run bench` measured. */
export interface BenchResults {
  readonly profile: ProfileName;
  /** The sections that ran (all of them unless `--only` was given). */
  readonly sections: readonly Section[];
  readonly machine: Machine;
  readonly durationMs: number;
  readonly warm: { readonly rows: readonly WarmRow[]; readonly processes: readonly WarmProcess[] };
  readonly cold: { readonly rows: readonly ColdRow[]; readonly bundles: readonly BundleRow[] };
  readonly scaling: readonly ScalingRow[];
  /** Absent when the section did not run (`--only`). */
  readonly soak?: SoakResult;
  /** Absent when the section did not run (`--only`). */
  readonly concurrency?: readonly ConcurrencyRow[];
  readonly targets: readonly TargetRow[];
  /**
   * Answers checked strictly, per section. A wrong answer stops the run, so every one of them
   * was right.
   */
  readonly answersChecked: {
    readonly warm: number;
    readonly cold: number;
    readonly scaling: number;
    readonly soak: number;
    readonly concurrency: number;
  };
}
