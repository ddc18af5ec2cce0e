/**
 * A stand-in X-Ray daemon: a UDP socket on loopback that counts the datagrams (segment
 * documents) a traced process sends it, and throws them away.
 */
import { createSocket } from 'node:dgram';

/** A listening stand-in daemon. */
export interface XrayDaemon {
  readonly port: number;
  /** Datagrams received so far. */
  readonly received: () => number;
  readonly close: () => Promise<void>;
}

/**
 * Opens a daemon on `127.0.0.1` on a free port.
 *
 * @example
 * ```ts
 * const daemon = await openXrayDaemon();
 * // … run a process with AWS_XRAY_DAEMON_ADDRESS=127.0.0.1:${daemon.port} …
 * console.log(daemon.received());
 * await daemon.close();
 * ```
 */
export async function openXrayDaemon(): Promise<XrayDaemon> {
  const socket = createSocket('udp4');
  let received = 0;
  socket.on('message', () => {
    received++;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  try {
    // Room for bursts: a datagram the kernel drops is a datagram not counted.
    socket.setRecvBufferSize(16 * 1024 * 1024);
  } catch {
    // Capped by the kernel (net.core.rmem_max): the default buffer will do.
  }
  return {
    port: socket.address().port,
    received: () => received,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
