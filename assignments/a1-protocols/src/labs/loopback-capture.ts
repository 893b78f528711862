import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Why a live capture could not be made. */
export class CaptureError extends Error {
  /** Stable code: `a1/capture-failed`. */
  readonly code = 'a1/capture-failed';
  constructor(message: string) {
    super(message);
    this.name = 'CaptureError';
  }
}

/** Options of {@link captureLoopbackHttp}. */
export interface LoopbackCaptureOptions {
  /** The tcpdump program (default `tcpdump` on PATH). */
  tcpdump?: string;
  /** How long to wait for tcpdump to start listening, in ms (default 10 000). */
  startTimeoutMs?: number;
}

/** A capture and what it was a capture of. */
export interface LoopbackCapture {
  /** The pcap file tcpdump wrote. */
  pcap: Buffer;
  /** The server's port (the client's is whatever the kernel chose). */
  serverPort: number;
  /** The request line the client sent. */
  requestLine: string;
}

const totalBytes = (chunks: readonly Buffer[]): number => chunks.reduce((n, c) => n + c.length, 0);

const INSTALL_HINT =
  'install it with `sudo apt-get install tcpdump` (or `pnpm os-deps`); capturing needs root or `sudo setcap cap_net_raw,cap_net_admin=eip $(command -v tcpdump)`';

/**
 * Records one HTTP/1.1 exchange on loopback with tcpdump: a server on 127.0.0.1, tcpdump on `lo`
 * filtered to that port writing pcap to its stdout, one GET with `Connection: close` (so the
 * capture holds the handshake, the request, the response and both FINs), then tcpdump is stopped.
 * @param options - see {@link LoopbackCaptureOptions}
 * @throws CaptureError when tcpdump is missing, may not capture, or saw nothing
 */
export async function captureLoopbackHttp(options: LoopbackCaptureOptions = {}): Promise<LoopbackCapture> {
  const body = JSON.stringify({ ir: 512 });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const program = options.tcpdump ?? 'tcpdump';
  // --immediate-mode and -U: each packet reaches the pipe as it comes, -w -: pcap on stdout (no file the dropped-privilege user must own)
  const dump = spawn(
    program,
    ['-i', 'lo', '-n', '--immediate-mode', '-U', '-s', '0', '-w', '-', `tcp port ${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const chunks: Buffer[] = [];
  let stderr = '';
  dump.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const exited = new Promise<number | null>((resolve) => {
    dump.on('error', () => resolve(null));
    dump.on('close', (code) => resolve(code));
  });
  try {
    const listening = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), options.startTimeoutMs ?? 10_000);
      dump.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('listening on')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (!listening) {
      const missing = dump.pid === undefined;
      throw new CaptureError(
        missing
          ? `${program} could not be started: ${INSTALL_HINT}`
          : `${program} did not start capturing on lo: ${stderr.trim().split('\n')[0] ?? 'no message'}; ${INSTALL_HINT}`,
      );
    }
    const requestLine = 'GET /devices/demo/latest.json HTTP/1.1';
    await new Promise<void>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/devices/demo/latest.json', headers: { connection: 'close' } },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end();
    });
    // The FIN/ACK exchange follows the response: stop once tcpdump has written nothing new for
    // a while (bounded), so the capture ends with the connection's last ACK.
    const deadline = Date.now() + 5000;
    let size = -1;
    while (Date.now() < deadline && size !== totalBytes(chunks)) {
      size = totalBytes(chunks);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    dump.kill('SIGINT');
    await exited;
    const pcap = Buffer.concat(chunks);
    if (pcap.length <= 24) throw new CaptureError(`${program} captured no packet on lo port ${port}`);
    return { pcap, serverPort: port, requestLine };
  } finally {
    if (dump.exitCode === null && dump.signalCode === null) dump.kill('SIGKILL');
    await new Promise((resolve) => server.close(resolve));
  }
}
