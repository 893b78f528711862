import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';

/** One WebSocket frame the recorder relayed. */
export interface RecordedFrame {
  /** `client → server` or `server → client`. */
  readonly direction: 'client → server' | 'server → client';
  /** The frame's text (the realtime protocol sends JSON text frames). */
  readonly text: string;
  /** When it passed, on `performance.now()`'s clock. */
  readonly at: number;
}

/** A running recorder. */
export interface FrameRecorder {
  /** Port clients connect to instead of the server's. */
  readonly port: number;
  /** Every frame relayed so far, in order. */
  readonly frames: RecordedFrame[];
  /** Closes both sides of every relayed connection and the listener. */
  close(): Promise<void>;
}

/**
 * A WebSocket relay on loopback that records every frame it passes on: a client connects to the
 * recorder's port, the recorder opens the same path on `target` and copies frames both ways.
 * What an SDK and the server say to each other, without changing either.
 * @param target - the server's base URL, e.g. `ws://127.0.0.1:9000`
 */
export async function startFrameRecorder(target: string): Promise<FrameRecorder> {
  const frames: RecordedFrame[] = [];
  const sockets = new Set<WebSocket>();
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const text = (data: RawData): string =>
    Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data as ArrayBuffer).toString();
  server.on('connection', (client, request) => {
    const upstream = new WebSocket(`${target}${request.url ?? '/'}`);
    sockets.add(client);
    sockets.add(upstream);
    const pending: string[] = [];
    client.on('message', (data) => {
      const frame = text(data);
      frames.push({ direction: 'client → server', text: frame, at: performance.now() });
      if (upstream.readyState === WebSocket.OPEN) upstream.send(frame);
      else pending.push(frame);
    });
    upstream.on('open', () => {
      for (const frame of pending.splice(0)) upstream.send(frame);
    });
    upstream.on('message', (data) => {
      const frame = text(data);
      frames.push({ direction: 'server → client', text: frame, at: performance.now() });
      if (client.readyState === WebSocket.OPEN) client.send(frame);
    });
    const closeBoth = (): void => {
      client.close();
      upstream.close();
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });
  return {
    port: (server.address() as AddressInfo).port,
    frames,
    close: async () => {
      for (const socket of sockets) socket.terminate();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
