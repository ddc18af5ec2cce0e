/**
 * How much `npm run bench` measures: the full run, `--quick` (a glance, about a minute) and
 * `--smoke` (the test's run: every section, tiny samples, no figure worth quoting); and which
 * sections (`--only soak,concurrency`).
 */
import type { Source } from './app-check.js';
import { VARIANTS, type Variant } from './apps/index.js';
import type { Sampling } from './measure/measure-invocations.js';

/** The name of a profile, as its command-line flag (`--quick`, `--smoke`; none is `full`). */
export type ProfileName = 'full' | 'quick' | 'smoke';

/** The sections of a run, in the order they run. */
export const SECTIONS = ['warm', 'cold', 'scaling', 'soak', 'concurrency'] as const;

/** A section of a run (`--only` takes a comma-separated list of them). */
export type Section = (typeof SECTIONS)[number];

/** The variants whose rows are measured a second time with X-Ray tracing on. */
export const XRAY_VARIANTS = ['gantry-full', 'raw-powertools', 'powertools-router-observed'];

/**
 * A warm-up: V8 takes thousands of invocations to settle on a framework's code (Hono's and
 * gantry-full's p50 fall by half over the first 5,000), so every variant gets as many, up to a
 * time cap for the slowest.
 */
export interface Warmup {
  readonly invocations: number;
  readonly maxMs: number;
}

/** Everything a run measures, and how hard. */
export interface Profile {
  readonly name: ProfileName;
  /** Variants to measure (names from benchmarks/apps/index.ts); `undefined`: all. */
  readonly variants?: readonly string[];
  /** Sources to measure each variant on (of those it supports); `undefined`: all. */
  readonly sources?: readonly Source[];
  readonly warm: {
    /** Measurements of each request per child process; the report gives their medians. */
    readonly runs: number;
    /** Invocations before the first measurement (the timed requests in turn). */
    readonly warmup: Warmup;
    readonly sampling: Sampling;
  };
  /** Fresh processes per variant. */
  readonly cold: { readonly processes: number };
  readonly scaling: {
    readonly sizes: readonly number[];
    /** Fresh processes per framework and size (the build time is a once-per-process figure). */
    readonly runs: number;
    /** Invocations before the measurements (the three lookups in turn). */
    readonly warmup: Warmup;
    readonly sampling: Sampling;
  };
  readonly soak: {
    /**
     * Warm invocations of gantry-full after which the heap is read (after forced GCs), in
     * increasing order; the last is the soak's length. The growth is judged first to last.
     */
    readonly checkpoints: readonly number[];
  };
  /** Invocations in flight at once on one handler, checked for cross-talk. */
  readonly concurrency: { readonly inFlight: number };
}

const FULL: Profile = {
  name: 'full',
  warm: {
    // Five runs, each shorter: on a shared 2-core VM a run now and then comes out up to 2x slow
    // (scheduling, GC); the median of five shrugs off two such runs, the median of three one.
    runs: 5,
    warmup: { invocations: 6_000, maxMs: 3_000 },
    sampling: { minCpuMs: 100, minSamples: 1_500, maxSamples: 20_000 },
  },
  cold: { processes: 15 },
  scaling: {
    sizes: [10, 100, 1_000],
    runs: 3,
    warmup: { invocations: 6_000, maxMs: 3_000 },
    sampling: { minCpuMs: 100, minSamples: 1_500, maxSamples: 20_000 },
  },
  soak: { checkpoints: [10_000, 100_000, 500_000, 1_000_000] },
  concurrency: { inFlight: 1_000 },
};

const QUICK: Profile = {
  name: 'quick',
  // Every variant, on the HTTP API only: enough warm-up for figures worth a glance, in a minute.
  sources: ['apigw-v2'],
  warm: {
    // Three short runs rather than one long one: the median shrugs off a run that a JIT or GC
    // event skews (seen up to 2x on a single run), for the same time.
    runs: 3,
    warmup: { invocations: 6_000, maxMs: 1_500 },
    sampling: { minCpuMs: 20, minSamples: 200, maxSamples: 4_000 },
  },
  cold: { processes: 5 },
  scaling: {
    sizes: [10, 100, 1_000],
    runs: 1,
    warmup: { invocations: 3_000, maxMs: 1_000 },
    sampling: { minCpuMs: 30, minSamples: 500, maxSamples: 5_000 },
  },
  soak: { checkpoints: [10_000, 50_000, 100_000] },
  concurrency: { inFlight: 1_000 },
};

const SMOKE: Profile = {
  name: 'smoke',
  variants: ['raw', 'gantry-full', 'raw-powertools'],
  sources: ['apigw-v2'],
  warm: {
    runs: 1,
    warmup: { invocations: 20, maxMs: 100 },
    sampling: { minCpuMs: 1, minSamples: 30, maxSamples: 100 },
  },
  cold: { processes: 3 },
  scaling: {
    sizes: [10, 100],
    runs: 1,
    warmup: { invocations: 20, maxMs: 100 },
    sampling: { minCpuMs: 1, minSamples: 30, maxSamples: 100 },
  },
  soak: { checkpoints: [500, 1_000, 2_000] },
  concurrency: { inFlight: 1_000 },
};

/** The profiles by name. */
export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  full: FULL,
  quick: QUICK,
  smoke: SMOKE,
};

/** What the command line asked for. */
export interface BenchArgs {
  readonly profile: Profile;
  /** The sections to run, in {@link SECTIONS} order: all of them unless `--only` was given. */
  readonly sections: readonly Section[];
  /** Where to write latest.md, latest.json and latest.svg. */
  readonly outDir: string | undefined;
}

const USAGE =
  'Usage: npm run bench [-- --quick | --smoke] [--only warm,cold,scaling,soak,concurrency] [--out <dir>]';

/**
 * Reads `--quick`, `--smoke`, `--only <sections>` (comma-separated, or the flag repeated) and
 * `--out <dir>`; anything else is refused with the usage.
 *
 * @example
 * ```ts
 * parseArgs(['--quick']).profile.name; // 'quick'
 * parseArgs(['--only', 'soak']).sections; // ['soak']
 * ```
 */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let name: ProfileName = 'full';
  let outDir: string | undefined;
  const only = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick' || arg === '--smoke') name = arg === '--quick' ? 'quick' : 'smoke';
    else if (arg === '--out' && argv[i + 1]) outDir = argv[++i];
    else if (arg === '--only' && argv[i + 1])
      for (const section of (argv[++i] as string).split(',')) only.add(section.trim());
    else throw new Error(`npm run bench: unknown argument '${arg}'. ${USAGE}`);
  }
  const unknown = [...only].filter((section) => !(SECTIONS as readonly string[]).includes(section));
  if (unknown.length > 0)
    throw new Error(`npm run bench: no section '${unknown.join("', '")}'. ${USAGE}`);
  const sections = only.size === 0 ? SECTIONS : SECTIONS.filter((section) => only.has(section));
  return { profile: PROFILES[name], sections, outDir };
}

/**
 * The variants a profile measures, in the order of benchmarks/apps/index.ts (the floor first).
 *
 * @example
 * ```ts
 * selectVariants(PROFILES.smoke).map((v) => v.name); // ['raw', 'gantry-full', 'raw-powertools']
 * ```
 */
export function selectVariants(profile: Profile): readonly Variant[] {
  const wanted = profile.variants;
  if (!wanted) return VARIANTS;
  const unknown = wanted.filter((name) => !VARIANTS.some((variant) => variant.name === name));
  if (unknown.length > 0)
    throw new Error(`profile ${profile.name}: no variant ${unknown.join(', ')}`);
  return VARIANTS.filter((variant) => wanted.includes(variant.name));
}

/** The sources a profile measures `variant` on: those it supports, less any the profile leaves out. */
export function selectSources(profile: Profile, variant: Variant): readonly Source[] {
  const wanted = profile.sources;
  return wanted ? variant.sources.filter((source) => wanted.includes(source)) : variant.sources;
}
