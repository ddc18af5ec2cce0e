/**
 * Sorts an invocation's output lines into Powertools log lines and CloudWatch EMF documents.
 */

/**
 * A structured log line as Powertools Logger writes it.
 *
 * @example
 * ```ts
 * const access = response.logs.find((line: LogLine) => line.message === 'request completed');
 * access?.correlation_id; // 'c-1'
 * ```
 */
export interface LogLine {
  readonly level: string;
  readonly message: unknown;
  readonly [key: string]: unknown;
}

/**
 * A CloudWatch Embedded Metric Format document: `_aws` says which members are metrics.
 *
 * @example
 * ```ts
 * const emf = response.metrics.find((doc: EmfDocument) => doc.route === 'GET /items/:id');
 * emf?.Requests; // 1
 * ```
 */
export interface EmfDocument {
  readonly _aws: {
    readonly Timestamp: number;
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Dimensions: readonly (readonly string[])[];
      readonly Metrics: readonly { readonly Name: string; readonly Unit?: string }[];
    }[];
  };
  readonly [key: string]: unknown;
}

/** The JSON objects among the lines, in order. */
function documentsOf(lines: readonly string[]): Record<string, unknown>[] {
  const documents: Record<string, unknown>[] = [];
  for (const line of lines) {
    if (!line.trimStart().startsWith('{')) continue;
    try {
      // A line that starts with `{` and parses is an object.
      documents.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // Not JSON: it stays in the raw output only.
    }
  }
  return documents;
}

/** The Powertools log lines (JSON objects with a string `level`). */
export function logLinesOf(lines: readonly string[]): LogLine[] {
  return documentsOf(lines).filter(
    (document): document is Record<string, unknown> & LogLine => typeof document.level === 'string',
  );
}

/** The EMF documents (JSON objects whose `_aws.CloudWatchMetrics` is a list). */
export function emfDocumentsOf(lines: readonly string[]): EmfDocument[] {
  return documentsOf(lines).filter(
    (document): document is Record<string, unknown> & EmfDocument => {
      const aws = document._aws;
      return (
        typeof aws === 'object' &&
        aws !== null &&
        Array.isArray((aws as Record<string, unknown>).CloudWatchMetrics)
      );
    },
  );
}
