import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  connect as connectHttp2,
  createServer as createHttp2Server,
  type ClientHttp2Session,
} from 'node:http2';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { parseHttpResponse } from '../../labs/http-versions/http-response.js';
import type { LabResult } from './lab-report.js';

/** Options of {@link runHttpVersionsLab}. */
export interface HttpVersionsLabOptions {
  /** Requests per protocol (default 100). */
  requests?: number;
}

const BODY = JSON.stringify({ ir: 512, ts: 1767225600000 });

function reply(_request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('content-type', 'application/json');
  response.setHeader('cache-control', 'no-store');
  response.end(BODY);
}

/** Sends `request` on `socket` and reads one response with the lab's own parser. */
function exchange(socket: Socket, request: string, state: { buffer: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    let closed = false;
    const tryParse = (): void => {
      try {
        const response = parseHttpResponse(state.buffer, closed);
        if (!response) {
          if (closed) reject(new Error('the connection closed before the response was complete'));
          return;
        }
        state.buffer = state.buffer.slice(response.length);
        socket.off('data', onData);
        socket.off('end', onEnd);
        socket.off('error', reject);
        resolve(response.status);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const onData = (chunk: Buffer): void => {
      state.buffer += chunk.toString('latin1');
      tryParse();
    };
    const onEnd = (): void => {
      closed = true;
      tryParse();
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('error', reject);
    socket.write(request);
  });
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function http10(port: number, count: number): Promise<{ bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const socket = await open(port);
    const status = await exchange(socket, `GET /reading/${i} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n`, {
      buffer: '',
    });
    if (status !== 200) throw new Error(`HTTP/1.0 request ${i} got ${status}`);
    bytes += socket.bytesRead + socket.bytesWritten;
    socket.destroy();
  }
  return { bytes };
}

async function http11(port: number, count: number): Promise<{ bytes: number }> {
  const socket = await open(port);
  const state = { buffer: '' };
  for (let i = 0; i < count; i += 1) {
    const status = await exchange(socket, `GET /reading/${i} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, state);
    if (status !== 200) throw new Error(`HTTP/1.1 request ${i} got ${status}`);
  }
  const bytes = socket.bytesRead + socket.bytesWritten;
  socket.destroy();
  return { bytes };
}

async function http2(port: number, count: number): Promise<{ bytes: number }> {
  const session: ClientHttp2Session = connectHttp2(`http://127.0.0.1:${port}`);
  await new Promise<void>((resolve, reject) => {
    session.once('connect', () => resolve());
    session.once('error', reject);
  });
  // every request at once on one connection: HTTP/2 multiplexes them as streams
  await Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const stream = session.request({ ':path': `/reading/${i}` });
          stream.on('response', (headers) => {
            if (headers[':status'] !== 200)
              reject(new Error(`HTTP/2 request ${i} got ${String(headers[':status'])}`));
          });
          stream.resume();
          stream.once('end', () => resolve());
          stream.once('error', reject);
        }),
    ),
  );
  const socket = session.socket;
  const bytes = socket.bytesRead + socket.bytesWritten;
  await new Promise<void>((resolve) => session.close(() => resolve()));
  return { bytes };
}

/**
 * The same small GET, `requests` times, over HTTP/1.0 (a connection each), HTTP/1.1 keep-alive
 * (one connection, one request after another) and HTTP/2 cleartext (one connection, every request
 * in flight at once), all on loopback: connections the server accepted, bytes on the wire seen by
 * the client's socket (headers included, HPACK-compressed for HTTP/2) and the total time.
 * @param options - see {@link HttpVersionsLabOptions}
 */
export async function runHttpVersionsLab(options: HttpVersionsLabOptions = {}): Promise<LabResult> {
  const count = options.requests ?? 100;
  const h1 = createHttpServer({ keepAliveTimeout: 5000 }, reply);
  const h2 = createHttp2Server((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.setHeader('cache-control', 'no-store');
    response.end(BODY);
  });
  let h1Connections = 0;
  let h2Connections = 0;
  h1.on('connection', () => (h1Connections += 1));
  h2.on('connection', () => (h2Connections += 1));
  await Promise.all([
    new Promise<void>((resolve) => h1.listen(0, '127.0.0.1', resolve)),
    new Promise<void>((resolve) => h2.listen(0, '127.0.0.1', resolve)),
  ]);
  const h1Port = (h1.address() as AddressInfo).port;
  const h2Port = (h2.address() as AddressInfo).port;
  try {
    const rows = [];
    for (const [protocol, run, port, connections] of [
      ['HTTP/1.0', http10, h1Port, () => h1Connections],
      ['HTTP/1.1 keep-alive', http11, h1Port, () => h1Connections],
      ['HTTP/2 (h2c)', http2, h2Port, () => h2Connections],
    ] as const) {
      const before = connections();
      const start = performance.now();
      const { bytes } = await run(port, count);
      const ms = performance.now() - start;
      rows.push({
        protocol,
        requests: count,
        connections: connections() - before,
        'bytes on the wire': bytes,
        'bytes per request': Math.round(bytes / count),
        'total ms': Math.round(ms * 10) / 10,
      });
    }
    return {
      lab: 'http-versions',
      title: `${count} GET requests of a ${BODY.length}-byte JSON reading over loopback`,
      rows,
      chart: { value: 'bytes per request', label: 'protocol', unit: 'bytes' },
    };
  } finally {
    h1.closeAllConnections();
    await Promise.all([
      new Promise((resolve) => h1.close(resolve)),
      new Promise((resolve) => h2.close(resolve)),
    ]);
  }
}
