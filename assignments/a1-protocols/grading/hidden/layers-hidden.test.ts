// Assignment 1, hidden graded test of the `layers` lab: other byte orders and timestamp units,
// the other loopback link types, IPv4 options, Ethernet padding, packets that are not TCP, and
// broken files.
import { graded, importSubmission } from '@iotkit/grader/harness';
import type { FrameModule, PcapModule } from '../support/lab-modules.js';
import { frameShown, pcapShown } from '../support/layers-vectors.js';
import { ethernet, hex, ipv4Tcp, linuxCooked, nullLink, pcapFile } from '../support/pcap-builder.js';
import { checkRejects, checkVectors } from '../support/vector-check.js';

const HIDDEN = { visibility: 'after_due_date' } as const;
const ACK = ipv4Tcp({
  sourcePort: 9000,
  destinationPort: 50_000,
  sequence: 77,
  acknowledgment: 4_294_967_295,
  flags: 0x11,
  ttl: 1,
  identification: 65_535,
});
const ackLayers = {
  ip: {
    version: 4,
    headerLength: 20,
    totalLength: 40,
    identification: 65_535,
    ttl: 1,
    protocol: 6,
    source: '127.0.0.1',
    destination: '127.0.0.1',
  },
  tcp: {
    sourcePort: 9000,
    destinationPort: 50_000,
    sequence: 77,
    acknowledgment: 4_294_967_295,
    headerLength: 20,
    flags: ['FIN', 'ACK'],
    window: 65_495,
  },
  payload: '',
};

graded(
  'layers (hidden): big-endian and nanosecond files, null and Linux cooked links, IP options, padding and broken input',
  4,
  async (context) => {
    const pcap = await importSubmission<PcapModule>('labs/layers/pcap-file.ts');
    const frames = await importSubmission<FrameModule>('labs/layers/frame-layers.ts');
    const frame = ethernet(ACK);
    await checkVectors(
      context,
      'parsePcap()',
      [
        {
          why: 'a big-endian file with nanosecond timestamps and a frame cut by the snapshot length',
          input: pcapFile(
            1,
            [{ seconds: 1_700_000_000, fraction: 999_999_999, frame, originalLength: 1514 }],
            {
              littleEndian: false,
              nanoseconds: true,
              snapLength: 54,
            },
          ),
          expected: {
            version: '2.4',
            littleEndian: false,
            nanoseconds: true,
            snapLength: 54,
            linkType: 1,
            packets: [
              {
                seconds: 1_700_000_000,
                fraction: 999_999_999,
                capturedLength: 54,
                originalLength: 1514,
                frame: hex(frame),
              },
            ],
          },
        },
        {
          why: 'a little-endian file with nanoseconds and no packet',
          input: pcapFile(0, [], { nanoseconds: true }),
          expected: {
            version: '2.4',
            littleEndian: true,
            nanoseconds: true,
            snapLength: 262_144,
            linkType: 0,
            packets: [],
          },
        },
      ],
      async (bytes) => pcapShown(await pcap.parsePcap(new Uint8Array(bytes))),
      'look at parsePcap() in labs/layers/pcap-file.ts: the magic number decides the byte order of every later number and µs vs ns',
    );
    const whole = pcapFile(1, [{ seconds: 1, fraction: 2, frame }]);
    await checkRejects(
      context,
      'parsePcap()',
      [
        { why: 'an unknown magic number', input: Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(40)]) },
        { why: 'a record cut off in its frame', input: whole.subarray(0, whole.length - 3) },
        { why: 'a record header cut off', input: whole.subarray(0, 24 + 10) },
      ],
      (bytes) => pcap.parsePcap(new Uint8Array(bytes)),
      'bad pcap:',
      'parsePcap() must refuse an unknown magic number and a file that ends inside a record with an Error("bad pcap: …")',
    );
    const withOptions = ipv4Tcp({
      sourcePort: 1,
      destinationPort: 2,
      sequence: 3,
      acknowledgment: 4,
      flags: 0x04,
      ipOptions: [0x01, 0x01, 0x01, 0x00],
      tcpOptions: [0x02, 0x04, 0xff, 0xd7, 0x01, 0x01, 0x01, 0x00],
      payload: 'hi',
    });
    await checkVectors(
      context,
      'decodeFrame()',
      [
        {
          why: 'a BSD loopback (null) frame, family 2 written little-endian',
          input: [0, nullLink(ACK, 2, true)] as const,
          expected: { link: { kind: 'null', headerLength: 4, protocol: 2 }, ...ackLayers },
        },
        {
          why: 'a BSD loopback (null) frame, family 2 written big-endian',
          input: [0, nullLink(ACK, 2, false)] as const,
          expected: { link: { kind: 'null', headerLength: 4, protocol: 2 }, ...ackLayers },
        },
        {
          why: 'a Linux cooked frame',
          input: [113, linuxCooked(ACK)] as const,
          expected: { link: { kind: 'linux-sll', headerLength: 16, protocol: 0x0800 }, ...ackLayers },
        },
        {
          why: 'IPv4 and TCP headers with options (24 and 28 bytes) and an RST',
          input: [1, ethernet(withOptions)] as const,
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
              headerLength: 24,
              totalLength: 54,
              identification: 1,
              ttl: 64,
              protocol: 6,
              source: '127.0.0.1',
              destination: '127.0.0.1',
            },
            tcp: {
              sourcePort: 1,
              destinationPort: 2,
              sequence: 3,
              acknowledgment: 4,
              headerLength: 28,
              flags: ['RST'],
              window: 65_495,
            },
            payload: 'hi',
          },
        },
        {
          why: 'an Ethernet frame padded to 60 bytes: the padding is not payload',
          input: [1, Buffer.concat([ethernet(ACK), Buffer.alloc(6, 0xee)])] as const,
          expected: {
            link: {
              kind: 'ethernet',
              headerLength: 14,
              destination: '02:00:00:00:00:01',
              source: '02:00:00:00:00:02',
              protocol: 0x0800,
            },
            ...ackLayers,
          },
        },
        {
          why: 'UDP is not TCP',
          input: [
            1,
            ethernet(
              ipv4Tcp({
                sourcePort: 5353,
                destinationPort: 5353,
                sequence: 0,
                acknowledgment: 0,
                flags: 0,
                protocol: 17,
              }),
            ),
          ] as const,
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
              identification: 1,
              ttl: 64,
              protocol: 17,
              source: '127.0.0.1',
              destination: '127.0.0.1',
            },
            tcp: null,
            payload: '',
          },
        },
        {
          why: 'an ARP frame carries no IPv4',
          input: [1, ethernet(Buffer.alloc(28), 0x0806, 'ff:ff:ff:ff:ff:ff', 'aa:bb:cc:dd:ee:0f')] as const,
          expected: {
            link: {
              kind: 'ethernet',
              headerLength: 14,
              destination: 'ff:ff:ff:ff:ff:ff',
              source: 'aa:bb:cc:dd:ee:0f',
              protocol: 0x0806,
            },
            ip: null,
            tcp: null,
            payload: '',
          },
        },
      ],
      async ([linkType, bytes]) => frameShown(await frames.decodeFrame(linkType, new Uint8Array(bytes))),
      'look at decodeFrame() in labs/layers/frame-layers.ts: each link type has its own header, header lengths come from the packet, and the payload ends at the IPv4 total length',
    );
    await checkRejects(
      context,
      'decodeFrame()',
      [
        { why: 'an unknown link type', input: [228, ethernet(ACK)] as const },
        { why: 'a frame cut inside the TCP header', input: [1, ethernet(ACK).subarray(0, 40)] as const },
      ],
      ([linkType, bytes]) => frames.decodeFrame(linkType, new Uint8Array(bytes)),
      'bad frame:',
      'decodeFrame() must refuse an unknown link type and a frame too short for its headers with an Error("bad frame: …")',
    );
  },
  HIDDEN,
);
