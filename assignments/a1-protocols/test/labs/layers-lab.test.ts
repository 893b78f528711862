import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../labs/layers/frame-layers.js';
import { parsePcap } from '../../labs/layers/pcap-file.js';
import { runLayersLab, SHIPPED_CAPTURE } from '../../src/labs/layers-lab.js';
import { captureLoopbackHttp } from '../../src/labs/loopback-capture.js';

describe('lab layers', () => {
  it('takes the shipped capture apart: handshake, request, response and both FINs with relative sequence numbers', async () => {
    const result = await runLayersLab({ live: false });
    expect(result.title).toContain('the shipped capture');
    expect(result.title).toContain('link type 1 (ethernet)');
    const byPacket = Object.fromEntries(result.rows.map((row) => [String(row['packet']), row]));
    expect(result.rows.map((row) => row['packet'])).toEqual([
      '#1 SYN',
      '#2 SYN+ACK',
      '#3 ACK',
      '#4 PSH+ACK',
      '#5 ACK',
      '#6 PSH+ACK',
      '#7 ACK',
      '#8 FIN+ACK',
      '#9 FIN+ACK',
      '#10 ACK',
    ]);
    // As `tcpdump -r labs/layers/loopback-http.pcap -nn -v` reads them (tcpdump's numbers minus each side's first).
    expect(byPacket['#1 SYN']).toMatchObject({
      seq: 0,
      ack: 0,
      'link B': 14,
      'IP B': 20,
      'TCP B': 40,
      'frame B': 74,
    });
    expect(byPacket['#4 PSH+ACK']).toMatchObject({
      seq: 1,
      ack: 1,
      'TCP B': 32,
      'payload B': 84,
      application: 'GET /devices/demo/latest.json HTTP/1.1',
      direction: 'client 47058 → server 36193',
    });
    expect(byPacket['#6 PSH+ACK']).toMatchObject({
      seq: 1,
      ack: 85,
      'payload B': 137,
      application: 'HTTP/1.1 200 OK',
    });
    expect(byPacket['#10 ACK']).toMatchObject({ seq: 139, ack: 86, ms: 21.3 });
  });

  it('records a live loopback capture with tcpdump that the lab reader takes apart (tcpdump must be installed and allowed to capture)', async () => {
    const capture = await captureLoopbackHttp();
    const file = parsePcap(capture.pcap);
    const segments = file.packets.map((p) => decodeFrame(file.linkType, p.frame).tcp);
    expect(segments[0]?.flags).toEqual(['SYN']);
    expect(segments[0]?.destinationPort).toBe(capture.serverPort);
    const request = file.packets
      .map((p) => Buffer.from(decodeFrame(file.linkType, p.frame).payload).toString('latin1'))
      .find((text) => text.startsWith('GET '));
    expect(request?.split('\r\n')[0]).toBe(capture.requestLine);
    expect(segments.filter((s) => s?.flags.includes('FIN'))).toHaveLength(2);
  }, 60_000);

  it('says where to get tcpdump when it cannot be started', async () => {
    await expect(captureLoopbackHttp({ tcpdump: '/nonexistent/tcpdump' })).rejects.toThrow(
      /could not be started: install it with `sudo apt-get install tcpdump`/,
    );
  });

  it('ships a capture the lab reader accepts', () => {
    expect(parsePcap(readFileSync(SHIPPED_CAPTURE)).packets).toHaveLength(10);
  });
});
