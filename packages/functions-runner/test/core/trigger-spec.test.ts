import { describe, expect, it } from 'vitest';
import { onValueCreated, onValueWritten } from 'firebase-functions/v2/database';
import { onRequest } from 'firebase-functions/v2/https';
import { collectTriggers, instanceMatches, readTrigger } from '../../src/core/trigger-spec.js';

describe('readTrigger', () => {
  it('reads event type, path, instance and region from __endpoint', () => {
    const spec = readTrigger(
      'mapReading',
      onValueCreated({ ref: '/devices/{uid}/readings/{id}', region: 'europe-west1' }, () => undefined),
    );
    expect(spec?.eventType).toBe('google.firebase.database.ref.v1.created');
    expect(spec?.pattern.source).toBe('devices/{uid}/readings/{id}');
    expect(spec?.instance).toBe('*');
    expect(spec?.region).toBe('europe-west1');
  });

  it('reads a fixed instance filter', () => {
    const spec = readTrigger(
      'w',
      onValueWritten({ ref: 'a/{b}', instance: 'my-db' }, () => undefined),
    );
    expect(spec?.instance).toBe('my-db');
  });

  it('ignores non-database exports', () => {
    expect(
      readTrigger(
        'http',
        onRequest((_req, res) => {
          res.end();
        }),
      ),
    ).toBeUndefined();
    expect(readTrigger('n', 42)).toBeUndefined();
    expect(collectTriggers({ a: 1, b: onValueWritten('x/{y}', () => undefined) }).map((t) => t.name)).toEqual(
      ['b'],
    );
  });

  it('refuses paths it cannot watch', () => {
    expect(() =>
      readTrigger(
        'w',
        onValueWritten('logs/{rest=**}', () => undefined),
      ),
    ).toThrow(expect.objectContaining({ code: 'functions/unsupported-trigger' }));
  });
});

describe('instanceMatches', () => {
  it('handles any, exact and prefix patterns', () => {
    expect(instanceMatches('*', 'student-1')).toBe(true);
    expect(instanceMatches('student-1', 'student-1')).toBe(true);
    expect(instanceMatches('student-1', 'student-2')).toBe(false);
    expect(instanceMatches('student-*', 'student-2')).toBe(true);
    expect(instanceMatches('student-*', 'teacher')).toBe(false);
  });
});
