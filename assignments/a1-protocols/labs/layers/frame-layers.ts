/**
 * One captured frame taken apart layer by layer (lab `layers`, row 5): link, IPv4, TCP, and the
 * application bytes that are left. Every number on the wire is big-endian ("network order"),
 * except the 4-byte family of a BSD loopback header.
 *
 * - Link, by the capture's link type:
 *   - 1 Ethernet: destination MAC (6 bytes), source MAC (6), EtherType (2; `0x0800` is IPv4);
 *   - 0 null (BSD/macOS loopback): a 4-byte address family in the capturing machine's byte
 *     order, 2 meaning IPv4 (so read it either way round: `02 00 00 00` and `00 00 00 02` are both 2);
 *   - 113 Linux cooked: 16 bytes, the protocol (EtherType) in the last two.
 * - IPv4: version in the high 4 bits of byte 0, header length in 32-bit words in the low 4 bits
 *   (5 without options), total length (bytes 2–3, header included), identification (4–5),
 *   TTL (8), protocol (9; 6 is TCP), source address (12–15), destination address (16–19).
 * - TCP: source port (0–1), destination port (2–3), sequence number (4–7), acknowledgment
 *   number (8–11), header length in 32-bit words in the high 4 bits of byte 12, flags in byte
 *   13 (FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32), window (14–15).
 * - Payload: what follows the TCP header up to the IPv4 total length (an Ethernet frame may carry
 *   padding after it, which is not payload).
 */

/** The link layer header. */
export interface LinkLayer {
  /** `ethernet` (link type 1), `null` (0) or `linux-sll` (113). */
  kind: 'ethernet' | 'null' | 'linux-sll';
  /** Bytes of the link header. */
  headerLength: number;
  /** Ethernet only: MAC addresses as `aa:bb:cc:dd:ee:ff`, lower case. */
  source?: string;
  destination?: string;
  /** What the link carries: the EtherType, or for `null` the address family (2 = IPv4). */
  protocol: number;
}

/** The IPv4 header. */
export interface Ipv4Layer {
  version: number;
  headerLength: number;
  totalLength: number;
  identification: number;
  ttl: number;
  /** 6 TCP, 17 UDP, 1 ICMP. */
  protocol: number;
  /** Dotted quad, e.g. `127.0.0.1`. */
  source: string;
  destination: string;
}

/** The TCP header. */
export interface TcpLayer {
  sourcePort: number;
  destinationPort: number;
  sequence: number;
  acknowledgment: number;
  headerLength: number;
  /** Set flags among FIN, SYN, RST, PSH, ACK, URG, in that order. */
  flags: string[];
  window: number;
}

/** A frame decoded as far as it goes. */
export interface FrameLayers {
  link: LinkLayer;
  /** `null` when the link does not carry IPv4. */
  ip: Ipv4Layer | null;
  /** `null` when the IPv4 packet does not carry TCP (or there is no IPv4). */
  tcp: TcpLayer | null;
  /** The TCP payload (application bytes); empty when there is no TCP. */
  payload: Uint8Array;
}

/**
 * Decodes the link, IPv4 and TCP headers of one frame.
 * @param linkType - the capture's link type (1, 0 or 113)
 * @param frame - the frame's bytes
 * @throws Error `bad frame: …` for an unknown link type or a frame too short for a header it announces
 */
export function decodeFrame(linkType: number, frame: Uint8Array): FrameLayers {
  // BEGIN SOLUTION: link header by link type (Ethernet 14 bytes, null 4, Linux cooked 16), then IPv4 (IHL words) when it carries 0x0800/family 2, then TCP (data offset words) when protocol is 6; payload ends at the IPv4 total length
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const need = (bytes: number, what: string): void => {
    if (frame.length < bytes) throw new Error(`bad frame: ${frame.length} bytes is too short for ${what}`);
  };
  const mac = (at: number): string =>
    [...frame.subarray(at, at + 6)].map((b) => b.toString(16).padStart(2, '0')).join(':');
  let link: LinkLayer;
  let carriesIpv4: boolean;
  if (linkType === 1) {
    need(14, 'an Ethernet header');
    link = {
      kind: 'ethernet',
      headerLength: 14,
      destination: mac(0),
      source: mac(6),
      protocol: view.getUint16(12),
    };
    carriesIpv4 = link.protocol === 0x0800;
  } else if (linkType === 0) {
    need(4, 'a loopback header');
    const little = view.getUint32(0, true);
    const family = little > 0xffff ? view.getUint32(0, false) : little;
    link = { kind: 'null', headerLength: 4, protocol: family };
    carriesIpv4 = family === 2;
  } else if (linkType === 113) {
    need(16, 'a Linux cooked header');
    link = { kind: 'linux-sll', headerLength: 16, protocol: view.getUint16(14) };
    carriesIpv4 = link.protocol === 0x0800;
  } else {
    throw new Error(`bad frame: link type ${linkType} is not Ethernet (1), null (0) or Linux cooked (113)`);
  }
  const empty = new Uint8Array(0);
  const i = link.headerLength;
  if (!carriesIpv4 || frame.length <= i || frame[i]! >> 4 !== 4)
    return { link, ip: null, tcp: null, payload: empty };
  need(i + 20, 'an IPv4 header');
  const dotted = (at: number): string => [...frame.subarray(at, at + 4)].join('.');
  const ip: Ipv4Layer = {
    version: 4,
    headerLength: (frame[i]! & 0x0f) * 4,
    totalLength: view.getUint16(i + 2),
    identification: view.getUint16(i + 4),
    ttl: frame[i + 8]!,
    protocol: frame[i + 9]!,
    source: dotted(i + 12),
    destination: dotted(i + 16),
  };
  if (ip.protocol !== 6) return { link, ip, tcp: null, payload: empty };
  const t = i + ip.headerLength;
  need(t + 20, 'a TCP header');
  const bits = frame[t + 13]!;
  const tcp: TcpLayer = {
    sourcePort: view.getUint16(t),
    destinationPort: view.getUint16(t + 2),
    sequence: view.getUint32(t + 4),
    acknowledgment: view.getUint32(t + 8),
    headerLength: (frame[t + 12]! >> 4) * 4,
    flags: ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG'].filter((_, bit) => (bits & (1 << bit)) !== 0),
    window: view.getUint16(t + 14),
  };
  const end = Math.min(frame.length, i + ip.totalLength);
  return { link, ip, tcp, payload: frame.slice(Math.min(end, t + tcp.headerLength), end) };
  // END SOLUTION
}
