// A TCP relay on 127.0.0.1 with a port of its own, so a client keeps one URL while the server
// behind it stops and a new one starts on a fresh free port: restarting a server on the port it
// just gave up races every other process on the machine for that port.
import { createServer, connect, type Socket } from 'node:net';

/** A running relay: where it listens and where it forwards to. */
export interface LoopbackRelay {
  /** The relay's own port (stable for its whole life). */
  readonly port: number;
  /**
   * Forwards new connections to `port` on 127.0.0.1; `undefined` resets every connection at once
   * (the client sees a connection failure, as with a server that is down) and drops open ones.
   */
  forwardTo(port: number | undefined): void;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

/** Starts a relay forwarding to `target` on 127.0.0.1. */
export async function startLoopbackRelay(target: number | undefined): Promise<LoopbackRelay> {
  let upstream = target;
  const open = new Set<Socket>();
  const track = (socket: Socket): void => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (upstream === undefined) {
      client.resetAndDestroy();
      return;
    }
    const server = connect(upstream, '127.0.0.1');
    track(server);
    client.pipe(server);
    server.pipe(client);
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the relay has no TCP port');
  const dropAll = (): void => {
    for (const socket of open) socket.destroy();
  };
  return {
    port: address.port,
    forwardTo(port) {
      upstream = port;
      if (port === undefined) dropAll();
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
