import { crc32 } from 'node:zlib';

/**
 * One write-ahead-log record on disk: `<byte length> <crc32 hex> <json>\n`. The length and the
 * checksum let recovery tell a complete record from a torn or garbled one.
 */
export function encodeWalRecord(json: string): Buffer {
  const body = Buffer.from(json, 'utf8');
  const header = Buffer.from(`${body.length} ${crc32(body).toString(16).padStart(8, '0')} `, 'latin1');
  return Buffer.concat([header, body, Buffer.from('\n', 'latin1')]);
}

/** Result of {@link decodeWalRecords}. */
export interface DecodedWal {
  /** The JSON texts of every intact record, in order. */
  records: string[];
  /** Byte offset just after the last intact record. */
  validBytes: number;
  /** Why decoding stopped early, when it did. */
  problem: string | undefined;
}

/** Reads records until the end or the first one that is incomplete or fails its checksum. */
export function decodeWalRecords(data: Buffer): DecodedWal {
  const records: string[] = [];
  let offset = 0;
  while (offset < data.length) {
    const firstSpace = data.indexOf(0x20, offset);
    const secondSpace = firstSpace < 0 ? -1 : data.indexOf(0x20, firstSpace + 1);
    if (firstSpace < 0 || secondSpace < 0 || firstSpace - offset > 12) {
      return { records, validBytes: offset, problem: `incomplete record header at byte ${offset}` };
    }
    const lengthText = data.toString('latin1', offset, firstSpace);
    const crcText = data.toString('latin1', firstSpace + 1, secondSpace);
    const length = Number(lengthText);
    if (!/^\d+$/.test(lengthText) || !/^[0-9a-f]{8}$/.test(crcText)) {
      return { records, validBytes: offset, problem: `garbled record header at byte ${offset}` };
    }
    const start = secondSpace + 1;
    const end = start + length;
    if (end + 1 > data.length)
      return { records, validBytes: offset, problem: `truncated record at byte ${offset}` };
    const body = data.subarray(start, end);
    if (data[end] !== 0x0a || crc32(body) !== parseInt(crcText, 16)) {
      return { records, validBytes: offset, problem: `checksum mismatch in record at byte ${offset}` };
    }
    records.push(body.toString('utf8'));
    offset = end + 1;
  }
  return { records, validBytes: offset, problem: undefined };
}
