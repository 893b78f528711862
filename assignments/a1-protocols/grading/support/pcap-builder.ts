// Builds pcap files and frames byte by byte for the `layers` vectors, written independently of
// any parser: each field is placed at the offset the format documents.

/** Fields of one IPv4 + TCP packet. */
export interface TcpPacketSpec {
  source?: string;
  destination?: string;
  sourcePort: number;
  destinationPort: number;
  sequence: number;
  acknowledgment: number;
  /** Flag bits: FIN 1, SYN 2, RST 4, PSH 8, ACK 16. */
  flags: number;
  window?: number;
  ttl?: number;
  identification?: number;
  /** IPv4 option bytes (a multiple of 4). */
  ipOptions?: number[];
  /** TCP option bytes (a multiple of 4). */
  tcpOptions?: number[];
  /** IPv4 protocol number (default 6, TCP). */
  protocol?: number;
  payload?: string;
}

const quad = (text: string): number[] => text.split('.').map(Number);

/** An IPv4 packet carrying TCP (checksums left 0: nothing here checks them). */
export function ipv4Tcp(spec: TcpPacketSpec): Buffer {
  const ipOptions = Buffer.from(spec.ipOptions ?? []);
  const tcpOptions = Buffer.from(spec.tcpOptions ?? []);
  const payload = Buffer.from(spec.payload ?? '', 'latin1');
  const tcp = Buffer.alloc(20 + tcpOptions.length);
  tcp.writeUInt16BE(spec.sourcePort, 0);
  tcp.writeUInt16BE(spec.destinationPort, 2);
  tcp.writeUInt32BE(spec.sequence, 4);
  tcp.writeUInt32BE(spec.acknowledgment, 8);
  tcp[12] = (tcp.length / 4) << 4;
  tcp[13] = spec.flags;
  tcp.writeUInt16BE(spec.window ?? 65_495, 14);
  tcpOptions.copy(tcp, 20);
  const ip = Buffer.alloc(20 + ipOptions.length);
  ip[0] = 0x40 | (ip.length / 4);
  ip.writeUInt16BE(ip.length + tcp.length + payload.length, 2);
  ip.writeUInt16BE(spec.identification ?? 1, 4);
  ip[6] = 0x40; // don't fragment
  ip[8] = spec.ttl ?? 64;
  ip[9] = spec.protocol ?? 6;
  Buffer.from(quad(spec.source ?? '127.0.0.1')).copy(ip, 12);
  Buffer.from(quad(spec.destination ?? '127.0.0.1')).copy(ip, 16);
  ipOptions.copy(ip, 20);
  return Buffer.concat([ip, tcp, payload]);
}

/** An Ethernet frame around `packet`. */
export function ethernet(
  packet: Buffer,
  etherType = 0x0800,
  destination = '02:00:00:00:00:01',
  source = '02:00:00:00:00:02',
): Buffer {
  const header = Buffer.alloc(14);
  Buffer.from(destination.split(':').map((h) => parseInt(h, 16))).copy(header, 0);
  Buffer.from(source.split(':').map((h) => parseInt(h, 16))).copy(header, 6);
  header.writeUInt16BE(etherType, 12);
  return Buffer.concat([header, packet]);
}

/** A BSD loopback ("null") frame: the address family in the given byte order. */
export function nullLink(packet: Buffer, family: number, littleEndian: boolean): Buffer {
  const header = Buffer.alloc(4);
  if (littleEndian) header.writeUInt32LE(family, 0);
  else header.writeUInt32BE(family, 0);
  return Buffer.concat([header, packet]);
}

/** A Linux cooked (SLL) frame. */
export function linuxCooked(packet: Buffer, protocol = 0x0800): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt16BE(0, 0); // sent to us
  header.writeUInt16BE(772, 2); // ARPHRD_LOOPBACK
  header.writeUInt16BE(6, 4);
  header.writeUInt16BE(protocol, 14);
  return Buffer.concat([header, packet]);
}

/** One record of a pcap file. */
export interface RecordSpec {
  seconds: number;
  fraction: number;
  frame: Buffer;
  /** Length on the wire when the frame was cut (default: the frame's length). */
  originalLength?: number;
}

/** A pcap file. */
export function pcapFile(
  linkType: number,
  records: readonly RecordSpec[],
  format: { littleEndian?: boolean; nanoseconds?: boolean; snapLength?: number } = {},
): Buffer {
  const le = format.littleEndian ?? true;
  const u32 = (value: number): Buffer => {
    const b = Buffer.alloc(4);
    if (le) b.writeUInt32LE(value, 0);
    else b.writeUInt32BE(value, 0);
    return b;
  };
  const u16 = (value: number): Buffer => {
    const b = Buffer.alloc(2);
    if (le) b.writeUInt16LE(value, 0);
    else b.writeUInt16BE(value, 0);
    return b;
  };
  const magic = format.nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4;
  const parts = [
    u32(magic),
    u16(2),
    u16(4),
    u32(0),
    u32(0),
    u32(format.snapLength ?? 262_144),
    u32(linkType),
  ];
  for (const r of records) {
    parts.push(
      u32(r.seconds),
      u32(r.fraction),
      u32(r.frame.length),
      u32(r.originalLength ?? r.frame.length),
      r.frame,
    );
  }
  return Buffer.concat(parts);
}

/** Hex of bytes, for comparing frames and payloads in vectors and feedback. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
