// Bare WebSocket listeners in their own process, for the fan-out bench: opens N realtime-protocol
// sockets that listen on one location, then reports, per round, when each socket received the
// round's push (wall-clock ms with sub-ms precision, comparable across processes on one machine).
//
// Usage: node --import tsx bench/ws-listeners.ts <port> <namespace> <listeners> <rounds>
// Prints "ready" once every listener holds the initial data, then one JSON array per round.
import WebSocket from 'ws';

const [port, ns, count, rounds] = [
  Number(process.argv[2]),
  process.argv[3]!,
  Math.min(Number(process.argv[4]), 2000),
  Math.min(Number(process.argv[5]), 1000),
];
const now = (): number => performance.timeOrigin + performance.now();
const arrivals = new Map<number, number[]>();
let initial = 0;

const sockets = await Promise.all(
  Array.from({ length: count }, async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/.ws?v=5&ns=${ns}`);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.on('message', (data) => {
      const at = now();
      const message = JSON.parse(String(data)) as { d?: { a?: string; b?: { d?: { round?: number } } } };
      if (message.d?.a !== 'd') return;
      const round = message.d.b?.d?.round;
      if (round === undefined || round < 0) {
        initial += 1;
        if (initial === count) console.log('ready');
        return;
      }
      const list = arrivals.get(round) ?? [];
      list.push(at);
      arrivals.set(round, list);
      if (list.length === count) {
        console.log(JSON.stringify(list));
        arrivals.delete(round);
        if (round === rounds - 1) {
          for (const socket of sockets) socket.terminate();
          process.exit(0);
        }
      }
    });
    ws.send(JSON.stringify({ t: 'd', d: { r: 1, a: 'q', b: { p: '/signal', h: '' } } }));
    return ws;
  }),
);
setTimeout(() => process.exit(2), 120_000).unref();
