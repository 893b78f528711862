import { describe, expect, it } from 'vitest';
import { decodeWalRecords, encodeWalRecord } from '../../src/store/wal-record.js';

describe('write-ahead log records', () => {
  const records = [
    '{"ops":[{"path":["a"],"value":1}]}',
    '{"ops":[{"path":[],"value":"é 😀"}]}',
    '{"ops":[]}',
  ];
  const data = Buffer.concat(records.map(encodeWalRecord));

  it('decode what was encoded', () => {
    expect(decodeWalRecords(data)).toEqual({ records, validBytes: data.length, problem: undefined });
  });

  it('stop cleanly at every possible torn tail', () => {
    const boundaries = [0];
    for (const record of records) boundaries.push(boundaries.at(-1)! + encodeWalRecord(record).length);
    for (let cut = 0; cut < data.length; cut += 1) {
      const decoded = decodeWalRecords(data.subarray(0, cut));
      const complete = boundaries.filter((b) => b <= cut).length - 1;
      expect(decoded.records).toEqual(records.slice(0, complete));
      expect(decoded.validBytes).toBe(boundaries[complete]);
      expect(decoded.problem === undefined).toBe(cut === boundaries[complete]);
    }
  });

  it('detect a garbled byte by checksum', () => {
    const garbled = Buffer.from(data);
    const second = encodeWalRecord(records[0]!).length;
    garbled[second + 20] = garbled[second + 20]! ^ 0x01;
    const decoded = decodeWalRecords(garbled);
    expect(decoded.records).toEqual([records[0]]);
    expect(decoded.problem).toContain('checksum');
  });
});
