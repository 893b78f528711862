import { request } from 'node:http';
import { connect } from 'node:net';
import { deleteApp, initializeApp } from 'firebase/app';
import { connectDatabaseEmulator, getDatabase, onValue, ref } from 'firebase/database';
import { startRtdbServer } from '@iotkit/rtdb-server';
import { startFrameRecorder } from './frame-recorder.js';
import type { LabResult, LabRow } from './lab-report.js';

const NAMESPACE = 'a1-rtdb-lab';
const PATH = '/lab/sensor';
const WRITE = JSON.stringify({ ir: 512, ts: { '.sv': 'timestamp' } });

/** What one observer received, with when. */
interface Seen {
  client: string;
  direction: string;
  text: string;
  at: number;
}

const oneLine = (text: string, max = 110): string => {
  const flat = text.replace(/\r\n/g, '⏎').replace(/\n/g, '⏎');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

async function waitUntil(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`the rtdb lab timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Sends raw HTTP/1.1 text and returns the raw answer (the server closes after it). */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/**
 * One write to the kit's RTDB server seen three ways, over loopback: the REST client that made it
 * (request and response bytes), an SSE stream listening on the same path (the event text), and
 * the official `firebase` web SDK listening through a WebSocket relay that records every frame
 * (handshake, listen, the data update). Ends with the whole data tree as JSON.
 */
export async function runRtdbLab(): Promise<LabResult> {
  const rtdb = await startRtdbServer({ port: 0, log: () => undefined, keepAliveMs: 60_000 });
  const recorder = await startFrameRecorder(`ws://127.0.0.1:${rtdb.port}`);
  const app = initializeApp(
    { projectId: 'demo-iotkit', databaseURL: `http://127.0.0.1:${recorder.port}?ns=${NAMESPACE}` },
    `a1-rtdb-lab-${process.pid}-${Date.now()}`,
  );
  const seen: Seen[] = [];
  const closeSse: Array<() => void> = [];
  try {
    // SSE: a plain HTTP GET with Accept: text/event-stream, read as text as it arrives.
    let sseText = '';
    await new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: rtdb.port,
          path: `${PATH}.json?ns=${NAMESPACE}`,
          headers: { accept: 'text/event-stream' },
        },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            sseText += chunk;
            seen.push({
              client: 'SSE stream',
              direction: 'server → client',
              text: chunk,
              at: performance.now(),
            });
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end();
      closeSse.push(() => req.destroy());
    });
    // The SDK, pointed at the recorder as if it were the emulator.
    const db = getDatabase(app);
    connectDatabaseEmulator(db, '127.0.0.1', recorder.port);
    const values: unknown[] = [];
    const unsubscribe = onValue(ref(db, PATH), (snapshot) => values.push(snapshot.val()));
    await waitUntil(() => values.length > 0, 'the SDK to receive the initial value');
    const framesBefore = recorder.frames.length;
    const sseBefore = seen.length;

    const written = performance.now();
    const requestText = `PUT ${PATH}.json?ns=${NAMESPACE} HTTP/1.1\r\nHost: 127.0.0.1:${rtdb.port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(WRITE)}\r\nConnection: close\r\n\r\n${WRITE}`;
    const answer = await rawExchange(rtdb.port, requestText);
    const answered = performance.now();
    await waitUntil(() => sseText.includes('"ir":512'), 'the SSE put event');
    await waitUntil(
      () => values.some((v) => typeof v === 'object' && v !== null && (v as { ir?: unknown }).ir === 512),
      'the SDK to see the write',
    );
    unsubscribe();

    const rows: LabRow[] = [];
    const row = (client: string, direction: string, text: string, at: number | null): void => {
      rows.push({
        message: `#${rows.length + 1} ${client}: ${direction}`,
        'ms after write': at === null ? '' : Math.round((at - written) * 10) / 10,
        bytes: Buffer.byteLength(text),
        text: oneLine(text),
      });
    };
    row('REST', 'client → server', requestText, written);
    row('REST', 'server → client', answer, answered);
    for (const s of seen.slice(0, sseBefore)) row(s.client, `${s.direction} (on connect)`, s.text, null);
    for (const s of seen.slice(sseBefore)) row(s.client, s.direction, s.text, s.at);
    for (const f of recorder.frames.slice(0, framesBefore))
      row('SDK WebSocket', `${f.direction} (before)`, f.text, null);
    for (const f of recorder.frames.slice(framesBefore)) row('SDK WebSocket', f.direction, f.text, f.at);
    const tree = await (await fetch(`${rtdb.url}/.json?ns=${NAMESPACE}`)).text();
    row('data tree', 'GET /.json', tree, null);
    return {
      lab: 'rtdb',
      title: `one REST PUT of ${WRITE} seen by the REST client, an SSE stream and the firebase SDK (WebSocket frames)`,
      rows,
      chart: { value: 'bytes', label: 'message', unit: 'B' },
    };
  } finally {
    for (const close of closeSse) close();
    await deleteApp(app);
    await recorder.close();
    await rtdb.close();
  }
}
