import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP proxy on loopback that cuts each connection after a number of bytes. */
export interface LossyProxy {
  readonly port: number;
  /** Connections cut so far. */
  cuts(): number;
  /** Bytes forwarded so far, both directions. */
  bytes(): number;
  close(): Promise<void>;
}

/**
 * Forwards TCP to `targetPort` and cuts a connection (both sides, mid-packet, dropping the chunk in
 * flight) once `cutAfterBytes` have crossed it in either direction: what a Wi-Fi drop looks like
 * to MQTT. Every new connection gets the same budget.
 * @param targetPort - the broker's port on 127.0.0.1
 * @param cutAfterBytes - the byte budget of one connection
 */
export async function startLossyProxy(targetPort: number, cutAfterBytes: number): Promise<LossyProxy> {
  let cuts = 0;
  let forwarded = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    let budget = cutAfterBytes;
    const cut = (): void => {
      if (client.destroyed && upstream.destroyed) return;
      cuts += 1;
      client.destroy();
      upstream.destroy();
    };
    const pipe = (from: Socket, to: Socket): void => {
      from.on('data', (chunk: Buffer) => {
        budget -= chunk.length;
        if (budget < 0) cut();
        else {
          forwarded += chunk.length;
          to.write(chunk);
        }
      });
      from.on('close', () => {
        open.delete(from);
        to.destroy();
      });
      from.on('error', () => to.destroy());
    };
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cuts: () => cuts,
    bytes: () => forwarded,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
