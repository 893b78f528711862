import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Aedes } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { BackendError } from './backend-error.js';

/** Where the MQTT broker listens. Ports default to free ones (`0`). */
export interface MqttBrokerOptions {
  /** Interface to bind (default `127.0.0.1`; `0.0.0.0` for real boards on the LAN). */
  host?: string;
  /** MQTT over TCP (the standard port is 1883; default: a free one). */
  port?: number;
  /** MQTT over WebSocket, path `/mqtt` (default: a free one); `false` turns it off. */
  wsPort?: number | false;
}

/** A running MQTT broker (aedes, MQTT 3.1.1). */
export interface RunningMqttBroker {
  /** `mqtt://host:port` for TCP clients (mqtt.js, mosquitto_pub, the firmware). */
  readonly url: string;
  /** `ws://host:port/mqtt` for browser clients, when WebSocket is on. */
  readonly wsUrl: string | undefined;
  /** The TCP port. */
  readonly port: number;
  /** Closes the listeners, every client connection and the broker. */
  close(): Promise<void>;
}

async function listen(server: NetServer | HttpServer, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the listener reported no port');
  return address.port;
}

function urlHost(host: string): string {
  // A broker on every interface is still reached through loopback from this machine.
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

/**
 * Starts an MQTT broker (aedes) on TCP and, unless turned off, on WebSocket at `/mqtt`.
 * Messages, retained messages and sessions live in memory: a restart forgets them, as a
 * development broker should.
 *
 * @throws {@link BackendError} `backend/port-in-use` when a port is taken, `backend/start-failed` otherwise.
 */
export async function startMqttBroker(options: MqttBrokerOptions = {}): Promise<RunningMqttBroker> {
  const host = options.host ?? '127.0.0.1';
  const broker = await Aedes.createBroker();
  const sockets = new Set<Socket>();
  const tcp = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    broker.handle(socket);
  });
  const http = options.wsPort === false ? undefined : createHttpServer();
  const wss = http ? new WebSocketServer({ server: http, path: '/mqtt' }) : undefined;
  wss?.on('connection', (websocket, request) => {
    broker.handle(createWebSocketStream(websocket) as Duplex, request);
  });
  const closeAll = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    for (const client of wss?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await new Promise<void>((resolve) => (tcp.listening ? tcp.close(() => resolve()) : resolve()));
    wss?.close();
    await new Promise<void>((resolve) => (http?.listening ? http.close(() => resolve()) : resolve()));
  };
  let port: number;
  let wsPort: number | undefined;
  try {
    port = await listen(tcp, options.port ?? 0, host);
    if (http) wsPort = await listen(http, options.wsPort || 0, host);
  } catch (cause) {
    await closeAll();
    const inUse = (cause as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw new BackendError(
      inUse ? 'backend/port-in-use' : 'backend/start-failed',
      inUse
        ? `MQTT port ${(cause as { port?: number }).port ?? options.port} is already in use (is mosquitto or another broker running?)`
        : `the MQTT broker failed to start: ${String(cause)}`,
      { cause },
    );
  }
  let closing: Promise<void> | undefined;
  return {
    url: `mqtt://${urlHost(host)}:${port}`,
    wsUrl: wsPort === undefined ? undefined : `ws://${urlHost(host)}:${wsPort}/mqtt`,
    port,
    close: () => (closing ??= closeAll()),
  };
}
