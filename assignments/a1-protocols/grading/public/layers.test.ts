// Assignment 1, public graded test of the `layers` lab: pcap headers and the Ethernet, IPv4 and
// TCP headers of each frame, on frames built byte by byte and on the kit's real loopback capture.
// The lab code runs in the grader's sandbox (importSubmission), never in this process.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { feedback, graded, importSubmission, submissionPath } from '@iotkit/grader/harness';
import type { FrameModule, PcapModule } from '../support/lab-modules.js';
import { frameShown, pcapShown } from '../support/layers-vectors.js';
import { ethernet, hex, ipv4Tcp, pcapFile } from '../support/pcap-builder.js';
import { checkRejects, checkVectors } from '../support/vector-check.js';

const SYN = ipv4Tcp({
  sourcePort: 47_058,
  destinationPort: 8080,
  sequence: 1000,
  acknowledgment: 0,
  flags: 0x02,
  identification: 7,
});
const GET = ipv4Tcp({
  sourcePort: 47_058,
  destinationPort: 8080,
  sequence: 1001,
  acknowledgment: 5001,
  flags: 0x18,
  window: 512,
  identification: 8,
  payload: 'GET / HTTP/1.1\r\n\r\n',
});
const PCAP_HINT =
  'look at parsePcap() in labs/layers/pcap-file.ts: a 24-byte global header, then per packet a 16-byte record header and capturedLength bytes';
const FRAME_HINT =
  'look at decodeFrame() in labs/layers/frame-layers.ts: Ethernet is 14 bytes, IPv4 header length is the low 4 bits of its first byte × 4, TCP flags are byte 13';

graded(
  'layers: a pcap capture is read and each frame taken apart into Ethernet, IPv4 and TCP',
  6,
  async (context) => {
    const pcap = await importSubmission<PcapModule>('labs/layers/pcap-file.ts');
    const frames = await importSubmission<FrameModule>('labs/layers/frame-layers.ts');
    const synFrame = ethernet(SYN);
    const getFrame = ethernet(GET);
    await checkVectors(
      context,
      'parsePcap()',
      [
        {
          why: 'a little-endian file with two Ethernet frames, microseconds',
          input: pcapFile(1, [
            { seconds: 1_767_225_600, fraction: 250, frame: synFrame },
            { seconds: 1_767_225_600, fraction: 900, frame: getFrame },
          ]),
          expected: {
            version: '2.4',
            littleEndian: true,
            nanoseconds: false,
            snapLength: 262_144,
            linkType: 1,
            packets: [
              {
                seconds: 1_767_225_600,
                fraction: 250,
                capturedLength: 54,
                originalLength: 54,
                frame: hex(synFrame),
              },
              {
                seconds: 1_767_225_600,
                fraction: 900,
                capturedLength: 72,
                originalLength: 72,
                frame: hex(getFrame),
              },
            ],
          },
        },
      ],
      async (bytes) => pcapShown(await pcap.parsePcap(new Uint8Array(bytes))),
      PCAP_HINT,
    );
    await checkRejects(
      context,
      'parsePcap()',
      [{ why: 'shorter than the global header', input: new Uint8Array(10) }],
      (bytes) => pcap.parsePcap(new Uint8Array(bytes)),
      'bad pcap:',
      'parsePcap() must refuse a file shorter than 24 bytes with an Error("bad pcap: …")',
    );
    await checkVectors(
      context,
      'decodeFrame()',
      [
        {
          why: 'a SYN in an Ethernet frame',
          input: synFrame,
          expected: {
            link: {
              kind: 'ethernet',
              headerLength: 14,
              destination: '02:00:00:00:00:01',
              source: '02:00:00:00:00:02',
              protocol: 0x0800,
            },
            ip: {
              version: 4,
              headerLength: 20,
              totalLength: 40,
              identification: 7,
              ttl: 64,
              protocol: 6,
              source: '127.0.0.1',
              destination: '127.0.0.1',
            },
            tcp: {
              sourcePort: 47_058,
              destinationPort: 8080,
              sequence: 1000,
              acknowledgment: 0,
              headerLength: 20,
              flags: ['SYN'],
              window: 65_495,
            },
            payload: '',
          },
        },
        {
          why: 'a request segment (PSH+ACK) carrying 18 application bytes',
          input: getFrame,
          expected: {
            link: {
              kind: 'ethernet',
              headerLength: 14,
              destination: '02:00:00:00:00:01',
              source: '02:00:00:00:00:02',
              protocol: 0x0800,
            },
            ip: {
              version: 4,
              headerLength: 20,
              totalLength: 58,
              identification: 8,
              ttl: 64,
              protocol: 6,
              source: '127.0.0.1',
              destination: '127.0.0.1',
            },
            tcp: {
              sourcePort: 47_058,
              destinationPort: 8080,
              sequence: 1001,
              acknowledgment: 5001,
              headerLength: 20,
              flags: ['PSH', 'ACK'],
              window: 512,
            },
            payload: 'GET / HTTP/1.1\r\n\r\n',
          },
        },
      ],
      async (frame) => frameShown(await frames.decodeFrame(1, new Uint8Array(frame))),
      FRAME_HINT,
    );

    // The kit's real capture (tcpdump on lo, Ethernet link type). Expected values as
    // `tcpdump -r labs/layers/loopback-http.pcap -nn -S -v -e` prints them.
    let real: Buffer;
    try {
      real = readFileSync(submissionPath('labs/layers/loopback-http.pcap'));
    } catch {
      feedback(context, {
        expected: 'labs/layers/loopback-http.pcap, the capture the kit ships',
        actual: 'the file is missing from your submission',
        hint: 'restore labs/layers/loopback-http.pcap from the handout',
      });
      expect.fail('labs/layers/loopback-http.pcap is missing');
    }
    const file = await pcap.parsePcap(new Uint8Array(real));
    await checkVectors(
      context,
      'parsePcap() on labs/layers/loopback-http.pcap',
      [
        {
          why: 'the shipped tcpdump capture',
          input: real,
          expected: {
            linkType: 1,
            version: '2.4',
            snapLength: 262_144,
            count: 10,
            first: [1_796_502_157, 1320, 74, 74],
          },
        },
      ],
      () =>
        Promise.resolve({
          linkType: file.linkType,
          version: file.version,
          snapLength: file.snapLength,
          count: file.packets.length,
          first: [
            file.packets[0]?.seconds,
            file.packets[0]?.fraction,
            file.packets[0]?.capturedLength,
            file.packets[0]?.originalLength,
          ],
        }),
      PCAP_HINT,
    );
    const summary = async (index: number): Promise<unknown> => {
      const frame = file.packets[index]?.frame ?? new Uint8Array(0);
      const d = await frames.decodeFrame(file.linkType, frame);
      return [
        d.ip?.identification,
        d.ip?.totalLength,
        d.tcp?.sourcePort,
        d.tcp?.destinationPort,
        d.tcp?.sequence,
        d.tcp?.acknowledgment,
        d.tcp?.flags,
        d.tcp?.headerLength,
        d.payload.length,
      ];
    };
    await checkVectors(
      context,
      'decodeFrame() on the shipped capture',
      [
        {
          why: 'packet 1, the SYN with TCP options',
          input: 0,
          expected: [28_962, 60, 47_058, 36_193, 3_379_956_559, 0, ['SYN'], 40, 0],
        },
        {
          why: 'packet 2, the SYN+ACK',
          input: 1,
          expected: [0, 60, 36_193, 47_058, 2_934_833_158, 3_379_956_560, ['SYN', 'ACK'], 40, 0],
        },
        {
          why: 'packet 4, the GET request',
          input: 3,
          expected: [28_964, 136, 47_058, 36_193, 3_379_956_560, 2_934_833_159, ['PSH', 'ACK'], 32, 84],
        },
        {
          why: 'packet 8, the server closes',
          input: 7,
          expected: [43_953, 52, 36_193, 47_058, 2_934_833_296, 3_379_956_644, ['FIN', 'ACK'], 32, 0],
        },
      ],
      summary,
      FRAME_HINT,
    );
  },
);
