/**
 * The shape of `latest.json`: every figure of one run of `npm run bench`, in the units named by
 * each field (nanoseconds for warm latency, milliseconds for cold starts and builds, bytes).
 */
import type { Source } from '../app-check.js';
import type { LatencyStats } from '../measure/measure-invocations.js';
import type { ProfileName } from '../profile.js';

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

/** A heap reading after a number of warm invocations (after global.gc()). */
export interface HeapReading {
  readonly invocations: number;
  readonly heapUsed: number;
  readonly rss: number;
}

/** Heap growth of gantry-full between two readings. */
export interface MemoryResult {
  readonly variant: string;
  readonly source: Source;
  readonly first: HeapReading;
  readonly second: HeapReading;
  /** `second.heapUsed - first.heapUsed`, bytes. */
  readonly growthBytes: number;
  readonly stdoutLines: number;
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
  readonly machine: Machine;
  readonly durationMs: number;
  readonly warm: { readonly rows: readonly WarmRow[]; readonly processes: readonly WarmProcess[] };
  readonly cold: { readonly rows: readonly ColdRow[]; readonly bundles: readonly BundleRow[] };
  readonly scaling: readonly ScalingRow[];
  readonly memory: MemoryResult;
  readonly targets: readonly TargetRow[];
  /**
   * Answers checked strictly, per section. A wrong answer stops the run, so every one of them
   * was right.
   */
  readonly answersChecked: {
    readonly warm: number;
    readonly cold: number;
    readonly scaling: number;
    readonly memory: number;
  };
}
