/**
 * The pcap capture file format (lab `layers`, row 5), as written by `tcpdump -w` and Wireshark.
 *
 * A file opens with a 24-byte global header, then one record per captured packet:
 * - global header: magic number (4 bytes), version major (2), version minor (2), time zone
 *   offset (4, always 0), timestamp accuracy (4, always 0), snapshot length (4), link type (4);
 * - the magic number says the byte order and the timestamp unit. Read in little-endian order it
 *   is `0xa1b2c3d4` for a little-endian file with microseconds, `0xa1b23c4d` for nanoseconds;
 *   `0xd4c3b2a1` / `0x4d3cb2a1` mean every number of the file is big-endian;
 * - record header (16 bytes, in the file's byte order): seconds, microseconds (or nanoseconds),
 *   captured length, original length; then `captured length` bytes of the frame. The captured
 *   length can be shorter than the original when the snapshot length cut the packet.
 * - the link type says what the frame starts with: 1 Ethernet, 0 BSD loopback ("null"),
 *   113 Linux "cooked" capture. Decoding the frame is {@link decodeFrame}'s job, next door.
 */

/** One captured packet. */
export interface PcapPacket {
  /** Capture time, whole seconds since 1970. */
  seconds: number;
  /** Capture time, the part below a second: microseconds, or nanoseconds when the file says so. */
  fraction: number;
  /** Bytes of the frame kept in the file. */
  capturedLength: number;
  /** Bytes the packet had on the wire. */
  originalLength: number;
  /** The kept bytes (`capturedLength` of them). */
  frame: Uint8Array;
}

/** A whole capture file. */
export interface PcapFile {
  /** `"2.4"` for every file written since the 1990s. */
  version: string;
  /** Whether the numbers of the file are little-endian. */
  littleEndian: boolean;
  /** Whether `fraction` counts nanoseconds (else microseconds). */
  nanoseconds: boolean;
  /** Longest frame kept per packet. */
  snapLength: number;
  /** What every frame starts with (1 Ethernet, 0 null/loopback, 113 Linux cooked). */
  linkType: number;
  /** The packets in file order. */
  packets: PcapPacket[];
}

/**
 * Reads a pcap file.
 * @param bytes - the whole file
 * @throws Error `bad pcap: …` for a short file, an unknown magic number or a cut-off record
 */
export function parsePcap(bytes: Uint8Array): PcapFile {
  // BEGIN SOLUTION: read the 24-byte global header (the magic decides byte order and µs/ns), then 16-byte record headers each followed by capturedLength frame bytes
  if (bytes.length < 24)
    throw new Error(`bad pcap: ${bytes.length} bytes is shorter than the 24-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, true);
  const formats: Record<number, { littleEndian: boolean; nanoseconds: boolean }> = {
    0xa1b2c3d4: { littleEndian: true, nanoseconds: false },
    0xa1b23c4d: { littleEndian: true, nanoseconds: true },
    0xd4c3b2a1: { littleEndian: false, nanoseconds: false },
    0x4d3cb2a1: { littleEndian: false, nanoseconds: true },
  };
  const format = formats[magic];
  if (!format) throw new Error(`bad pcap: unknown magic number 0x${magic.toString(16).padStart(8, '0')}`);
  const le = format.littleEndian;
  const u16 = (at: number): number => view.getUint16(at, le);
  const u32 = (at: number): number => view.getUint32(at, le);
  const packets: PcapPacket[] = [];
  let at = 24;
  while (at < bytes.length) {
    if (at + 16 > bytes.length) throw new Error(`bad pcap: record header at byte ${at} is cut off`);
    const capturedLength = u32(at + 8);
    const start = at + 16;
    if (start + capturedLength > bytes.length)
      throw new Error(`bad pcap: record at byte ${at} says ${capturedLength} bytes but the file ends first`);
    packets.push({
      seconds: u32(at),
      fraction: u32(at + 4),
      capturedLength,
      originalLength: u32(at + 12),
      frame: bytes.slice(start, start + capturedLength),
    });
    at = start + capturedLength;
  }
  return {
    version: `${u16(4)}.${u16(6)}`,
    littleEndian: le,
    nanoseconds: format.nanoseconds,
    snapLength: u32(16),
    linkType: u32(20),
    packets,
  };
  // END SOLUTION
}
