import { describe, expect, it } from 'vitest';
import type { HttpEvent } from '@iotkit/devices';
import { refusalNotes } from '../../src/harness/refusal-notes.js';

const DB = 'http://127.0.0.1:9000';
const http = (method: string, pathAndQuery: string, status: number): HttpEvent => ({
  type: 'http',
  t: 0,
  method,
  url: `${DB}${pathAndQuery}`,
  status,
  ms: 3,
});

describe('refusalNotes', () => {
  it('says nothing when the database accepted every request', () => {
    expect(refusalNotes([http('POST', '/devices/u1/readings.json?auth=<redacted>', 200)], 'u1')).toEqual([]);
  });

  it('names requests without an ID token, requests outside the subtree, and other refusals apart', () => {
    const notes = refusalNotes(
      [
        http('POST', '/devices/u1/readings.json?ns=x', 401),
        http('POST', '/devices/u1/readings.json?ns=x', 401),
        http('POST', '/devices/demo-device/readings.json?ns=x&auth=<redacted>', 401),
        http('PUT', '/devices/u1/latest.json?auth=<redacted>', 403),
        http('GET', '/devices/u1/latest.json?auth=<redacted>', 200),
      ],
      'u1',
    );
    expect(notes).toEqual([
      'the database refused 2 request(s) sent without an ID token (POST /devices/u1/readings.json → 401): add auth=<ID token of the sign-in> to every database URL',
      'the database refused 1 request(s) outside /devices/<uid>/ (POST /devices/demo-device/readings.json → 401): use the uid of the sign-in (localId)',
      'the rules refused 1 request(s) (PUT /devices/u1/latest.json → 403): check the path and the shape of the data written',
    ]);
  });

  it('without an account uid, a refused request with a token is a rules refusal', () => {
    expect(refusalNotes([http('PUT', '/lcd.json?auth=<redacted>', 401)])).toEqual([
      'the rules refused 1 request(s) (PUT /lcd.json → 401): check the path and the shape of the data written',
    ]);
  });
});
