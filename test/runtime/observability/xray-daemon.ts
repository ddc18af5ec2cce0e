/**
 * A stand-in X-Ray daemon: a real UDP socket on 127.0.0.1 that receives what aws-xray-sdk-core
 * sends when `AWS_XRAY_DAEMON_ADDRESS` points at it, one (sub)segment per datagram.
 */
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

/** The fields of a segment document the tests read. */
export interface SegmentDocument {
  id: string;
  name: string;
  type?: string;
  trace_id: string;
  parent_id?: string;
  start_time: number;
  end_time?: number;
  in_progress?: boolean;
  annotations?: Record<string, string | number | boolean>;
  error?: boolean;
  fault?: boolean;
  cause?: { exceptions: { message: string; type: string }[] };
}

/** A datagram as received: its header line and the segment document. */
export interface Datagram {
  header: string;
  document: SegmentDocument;
}

export interface XRayDaemon {
  /** `127.0.0.1:<port>`, the value of `AWS_XRAY_DAEMON_ADDRESS`. */
  readonly address: string;
  /** Every datagram received so far. */
  readonly datagrams: Datagram[];
  /** Resolves with the documents of a trace once `count` have arrived; rejects after `timeoutMs`. */
  documentsOf(traceId: string, count?: number, timeoutMs?: number): Promise<SegmentDocument[]>;
  close(): Promise<void>;
}

/** Starts a daemon on a free port. */
export async function startXRayDaemon(): Promise<XRayDaemon> {
  const socket = createSocket('udp4');
  const datagrams: Datagram[] = [];
  socket.on('message', (message) => {
    const text = message.toString('utf8');
    const newline = text.indexOf('\n');
    datagrams.push({
      header: text.slice(0, newline),
      document: JSON.parse(text.slice(newline + 1)) as SegmentDocument,
    });
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  const documentsIn = (traceId: string) =>
    datagrams.map((datagram) => datagram.document).filter((doc) => doc.trace_id === traceId);
  return {
    address: `127.0.0.1:${port}`,
    datagrams,
    documentsOf(traceId, count = 1, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = documentsIn(traceId);
          if (found.length < count) return;
          settle();
          resolve(found);
        };
        const timer = setTimeout(() => {
          settle();
          reject(
            new Error(
              `X-Ray daemon: ${documentsIn(traceId).length} of ${count} document(s) of trace ${traceId} after ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        const settle = () => {
          clearTimeout(timer);
          socket.off('message', check);
        };
        socket.on('message', check);
        check();
      });
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

/** A fresh `_X_AMZN_TRACE_ID`, as the Lambda runtime sets for each invocation. */
export function newTraceHeader(sampled = true): { header: string; root: string; parent: string } {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  const root = `1-${epoch}-${randomBytes(12).toString('hex')}`;
  const parent = randomBytes(8).toString('hex');
  return { header: `Root=${root};Parent=${parent};Sampled=${sampled ? 1 : 0}`, root, parent };
}
