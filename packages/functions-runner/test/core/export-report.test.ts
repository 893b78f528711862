import { beforeAll, describe, expect, it } from 'vitest';
import * as functionsV1 from 'firebase-functions/v1';
import { onValueCreated, onValueWritten } from 'firebase-functions/v2/database';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { onCall, onRequest } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { classifyExports, exportReportLines } from '../../src/core/export-report.js';

// v1 `database.ref()` binds to FIREBASE_CONFIG's database when its metadata is read.
beforeAll(() => {
  process.env['FIREBASE_DATABASE_EMULATOR_HOST'] ??= '127.0.0.1:9';
  process.env['GCLOUD_PROJECT'] ??= 'demo-iotkit';
  process.env['FIREBASE_CONFIG'] ??= JSON.stringify({
    projectId: 'demo-iotkit',
    databaseURL: 'http://127.0.0.1:9/?ns=unit',
  });
});

const noop = (): null => null;

describe('classifyExports', () => {
  it('keeps v2 and v1 database triggers with their event type, path, instance and region', () => {
    const { triggers } = classifyExports(
      {
        v2: onValueCreated({ ref: '/devices/{uid}/readings/{id}', region: 'europe-west1' }, noop),
        v1: functionsV1.database.ref('/devices/{uid}/servo').onWrite(noop),
        v1Other: functionsV1.database.instance('student-7').ref('/a/{b}').onDelete(noop),
      },
      { namespace: 'student-7', defaultInstance: 'unit' },
    );
    expect(
      triggers.map((t) => [
        t.name,
        t.api,
        t.eventType,
        t.declaredEventType,
        t.pattern.source,
        t.instance,
        t.region,
      ]),
    ).toEqual([
      [
        'v2',
        'v2',
        'google.firebase.database.ref.v1.created',
        'google.firebase.database.ref.v1.created',
        'devices/{uid}/readings/{id}',
        '*',
        'europe-west1',
      ],
      [
        'v1',
        'v1',
        'google.firebase.database.ref.v1.written',
        'providers/google.firebase.database/eventTypes/ref.write',
        'devices/{uid}/servo',
        'student-7',
        undefined,
      ],
      [
        'v1Other',
        'v1',
        'google.firebase.database.ref.v1.deleted',
        'providers/google.firebase.database/eventTypes/ref.delete',
        'a/{b}',
        'student-7',
        undefined,
      ],
    ]);
  });

  it('says for every other export what it is and why it will not fire locally', () => {
    const throwing = Object.defineProperty(() => undefined, '__endpoint', {
      get: () => {
        throw new Error('Missing expected firebase config value databaseURL');
      },
    });
    const { triggers, report } = classifyExports(
      {
        hello: onRequest((_req, res) => void res.end()),
        helloV1: functionsV1.https.onRequest((_req, res) => void res.end()),
        callMe: onCall(() => 1),
        onDoc: onDocumentCreated('rooms/{id}', noop),
        nightly: onSchedule('every day 00:00', async () => undefined),
        elsewhere: onValueWritten({ ref: 'a/{b}', instance: 'other-db' }, noop),
        badPath: onValueWritten('a/**/b', noop),
        v1Star: functionsV1.database.ref('/a/*').onCreate(noop),
        broken: throwing,
        helper: (x: number) => x + 1,
        VERSION: 3,
      },
      { namespace: 'student-1', defaultInstance: 'unit' },
    );
    expect(triggers).toEqual([]);
    expect(report.map((r) => [r.name, r.kind, r.runs])).toEqual([
      ['hello', 'https', false],
      ['helloV1', 'https', false],
      ['callMe', 'callable', false],
      ['onDoc', 'other-trigger', false],
      ['nightly', 'scheduled', false],
      ['elsewhere', 'database-trigger', false],
      ['badPath', 'malformed', false],
      ['v1Star', 'malformed', false],
      ['broken', 'malformed', false],
      ['helper', 'plain-function', false],
      ['VERSION', 'not-a-function', false],
    ]);
    const lines = exportReportLines(report);
    expect(lines[0]).toBe(
      'not run  hello: HTTPS function (onRequest); it will not fire locally (the local runner fires only Realtime Database triggers)',
    );
    expect(lines[3]).toContain('google.cloud.firestore.document.v1.created trigger');
    expect(lines[5]).toContain('it listens to database instance "other-db", not "student-1"');
    expect(lines[6]).toContain('only as the last segment');
    expect(lines[7]).toContain('v1 database triggers take only {name} wildcards');
    expect(lines[8]).toContain('Missing expected firebase config value databaseURL');
    expect(lines.every((line) => line.startsWith('not run  '))).toBe(true);
  });

  it('reports a runnable trigger as it reads in source', () => {
    const { report } = classifyExports(
      {
        a: onValueCreated('/devices/{uid}/readings/{id}', noop),
        b: functionsV1.database.ref('/devices/{uid}').onUpdate(noop),
      },
      { namespace: 'unit', defaultInstance: 'unit' },
    );
    expect(exportReportLines(report)).toEqual([
      'runs     a: v2 onValueCreated("/devices/{uid}/readings/{id}")',
      'runs     b: v1 database.ref("/devices/{uid}").onUpdate on instance "unit"',
    ]);
  });
});
