import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFrame } from '../../labs/layers/frame-layers.js';
import { parsePcap } from '../../labs/layers/pcap-file.js';
import { A1_ROOT } from '../a1-paths.js';
import type { LabResult, LabRow } from './lab-report.js';
import { CaptureError, captureLoopbackHttp } from './loopback-capture.js';

/** The capture the kit recorded with `pnpm --filter @iotkit/a1-protocols record-capture`. */
export const SHIPPED_CAPTURE = join(A1_ROOT, 'labs', 'layers', 'loopback-http.pcap');

/** Options of {@link runLayersLab}. */
export interface LayersLabOptions {
  /** Capture live with tcpdump first (default true); the shipped capture is used when that fails. */
  live?: boolean;
  /** A pcap file to read instead of capturing (default: live, else {@link SHIPPED_CAPTURE}). */
  pcap?: Buffer;
}

function firstLine(payload: Uint8Array): string {
  if (payload.length === 0) return '';
  const text = Buffer.from(payload).toString('latin1');
  const line = text.split('\r\n')[0] ?? '';
  return /^[\x20-\x7e]*$/.test(line) ? line.slice(0, 48) : `${payload.length} binary bytes`;
}

/**
 * One HTTP request on loopback taken apart layer by layer with the lab's own pcap reader and
 * frame decoder: per packet, the direction, TCP flags, sequence and acknowledgment numbers
 * (relative to each side's first sequence number, as Wireshark shows them), the bytes of each
 * layer's header and the application bytes.
 * @param options - see {@link LayersLabOptions}
 */
export async function runLayersLab(options: LayersLabOptions = {}): Promise<LabResult> {
  let pcap = options.pcap;
  let source = options.pcap ? 'the given capture' : '';
  let serverPort: number | undefined;
  if (!pcap && options.live !== false) {
    try {
      const live = await captureLoopbackHttp();
      pcap = live.pcap;
      serverPort = live.serverPort;
      source = 'a live tcpdump capture on lo';
    } catch (error) {
      if (!(error instanceof CaptureError)) throw error;
      source = `the shipped capture (no live capture here: ${error.message.split(';')[0] ?? ''})`;
    }
  }
  if (!pcap) {
    pcap = readFileSync(SHIPPED_CAPTURE);
    if (source === '') source = 'the shipped capture';
  }
  const file = parsePcap(pcap);
  const packets = file.packets.map((p) => ({ packet: p, layers: decodeFrame(file.linkType, p.frame) }));
  const tcp = packets.filter((p) => p.layers.tcp !== null);
  const first = tcp[0]?.layers.tcp;
  if (!first) throw new Error(`the capture (${source}) holds no TCP packet`);
  // The client opens with SYN: its destination is the server.
  const server = serverPort ?? first.destinationPort;
  const isn = new Map<number, number>();
  const start =
    (tcp[0]?.packet.seconds ?? 0) + (tcp[0]?.packet.fraction ?? 0) / (file.nanoseconds ? 1e9 : 1e6);
  const rows: LabRow[] = tcp.map(({ packet, layers }, i) => {
    const t = layers.tcp!;
    const fromClient = t.destinationPort === server;
    const own = t.sourcePort;
    const peer = t.destinationPort;
    if (!isn.has(own)) isn.set(own, t.sequence);
    const relative = (value: number, port: number): number =>
      (value - (isn.get(port) ?? value) + 2 ** 32) % 2 ** 32;
    const at = packet.seconds + packet.fraction / (file.nanoseconds ? 1e9 : 1e6);
    return {
      packet: `#${i + 1} ${t.flags.join('+')}`,
      ms: Math.round((at - start) * 10_000) / 10,
      direction: fromClient ? `client ${own} → server ${peer}` : `server ${own} → client ${peer}`,
      seq: relative(t.sequence, own),
      ack: t.flags.includes('ACK') ? relative(t.acknowledgment, peer) : 0,
      'link B': layers.link.headerLength,
      'IP B': layers.ip?.headerLength ?? 0,
      'TCP B': t.headerLength,
      'payload B': layers.payload.length,
      'frame B': packet.capturedLength,
      application: firstLine(layers.payload),
    };
  });
  const link = packets[0]?.layers.link.kind ?? 'unknown';
  return {
    lab: 'layers',
    title: `one HTTP/1.1 GET on loopback from ${source}: link type ${file.linkType} (${link}), ${rows.length} TCP segments`,
    rows,
    chart: { value: 'frame B', label: 'packet', unit: 'B' },
  };
}
