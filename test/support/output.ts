/**
 * Captures what a handler writes to stdout/stderr (Powertools Logger and Metrics write through
 * `process.stdout.write`) and parses it into log lines and EMF documents.
 */
import { afterEach, beforeEach } from 'vitest';

export interface Captured {
  /** Every JSON document written, in order. */
  readonly documents: Record<string, unknown>[];
  /** Raw text that was not JSON. */
  readonly text: string[];
  /** Structured log lines (JSON with a `level`). */
  logs(): Record<string, unknown>[];
  /** CloudWatch EMF documents (JSON with `_aws.CloudWatchMetrics`). */
  emf(): EmfDocument[];
  clear(): void;
}

export interface EmfDocument extends Record<string, unknown> {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
}

/**
 * Captures stdout and stderr for each test of the enclosing suite.
 */
export function captureOutput(): Captured {
  const documents: Record<string, unknown>[] = [];
  const text: string[] = [];
  let restore: (() => void) | undefined;
  const take = (chunk: unknown) => {
    for (const line of String(chunk).split('\n')) {
      if (line.trim() === '') continue;
      try {
        documents.push(JSON.parse(line));
      } catch {
        text.push(line);
      }
    }
  };
  beforeEach(() => {
    const out = process.stdout.write;
    const err = process.stderr.write;
    process.stdout.write = ((chunk: unknown) => {
      take(chunk);
      return true;
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: unknown) => {
      take(chunk);
      return true;
    }) as typeof process.stderr.write;
    restore = () => {
      process.stdout.write = out;
      process.stderr.write = err;
    };
  });
  afterEach(() => {
    restore?.();
    documents.length = 0;
    text.length = 0;
  });
  return {
    documents,
    text,
    logs: () => documents.filter((doc) => typeof doc.level === 'string'),
    emf: () =>
      documents.filter(
        (doc): doc is EmfDocument => typeof doc._aws === 'object' && doc._aws !== null,
      ),
    clear: () => {
      documents.length = 0;
      text.length = 0;
    },
  };
}
