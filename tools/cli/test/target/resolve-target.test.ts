import { describe, expect, it } from 'vitest';
import { CliError, resolveTarget } from '../../src/index.js';
import type { FirebaseConfig } from '../../src/index.js';

const config: FirebaseConfig = {
  auth: { host: '127.0.0.1', port: 9099 },
  database: { host: '127.0.0.1', port: 9000 },
  defaultProject: 'demo-iotkit',
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).code;
  }
  throw new Error('expected a CliError');
}

describe('resolveTarget()', () => {
  it('defaults to the local backend on the firebase.json ports', () => {
    const t = resolveTarget({ env: {}, config });
    expect(t).toEqual({
      kind: 'local',
      projectId: 'demo-iotkit',
      authEndpoints: {
        identityToolkitUrl: 'http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1',
        secureTokenUrl: 'http://127.0.0.1:9099/securetoken.googleapis.com/v1',
        apiKey: 'fake-api-key',
      },
      databaseUrl: 'http://127.0.0.1:9000/?ns=demo-iotkit',
      databaseOrigin: 'http://127.0.0.1:9000',
      databaseNamespace: 'demo-iotkit',
      env: {
        FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099',
        FIREBASE_DATABASE_EMULATOR_HOST: '127.0.0.1:9000',
      },
    });
  });

  it('follows other ports in firebase.json and falls back to demo-iotkit without .firebaserc', () => {
    const t = resolveTarget({
      env: {},
      config: {
        auth: { host: 'localhost', port: 19099 },
        database: { host: 'localhost', port: 19000 },
        defaultProject: undefined,
      },
    });
    expect(t.authEndpoints.identityToolkitUrl).toBe(
      'http://localhost:19099/identitytoolkit.googleapis.com/v1',
    );
    expect(t.env['FIREBASE_DATABASE_EMULATOR_HOST']).toBe('localhost:19000');
    expect(t.projectId).toBe('demo-iotkit');
  });

  it('takes IOTKIT_TARGET, and --target over it', () => {
    expect(resolveTarget({ env: { IOTKIT_TARGET: 'emulators' }, config }).kind).toBe('emulators');
    expect(resolveTarget({ flag: 'local', env: { IOTKIT_TARGET: 'emulators' }, config }).kind).toBe('local');
  });

  it('lets IOTKIT_PROJECT_ID and IOTKIT_DATABASE_URL pick the project and the namespace', () => {
    const t = resolveTarget({
      env: { IOTKIT_PROJECT_ID: 'demo-class', IOTKIT_DATABASE_URL: 'http://127.0.0.1:9000/?ns=student-7' },
      config,
    });
    expect(t.projectId).toBe('demo-class');
    expect(t.databaseNamespace).toBe('student-7');
    expect(t.databaseUrl).toBe('http://127.0.0.1:9000/?ns=student-7');
  });

  it('resolves a real Firebase project from the environment', () => {
    const t = resolveTarget({
      flag: 'firebase',
      env: { IOTKIT_PROJECT_ID: 'iot-course-1', IOTKIT_API_KEY: 'AIzaXYZ' },
      config,
    });
    expect(t).toMatchObject({
      kind: 'firebase',
      projectId: 'iot-course-1',
      authEndpoints: { identityToolkitUrl: 'https://identitytoolkit.googleapis.com/v1', apiKey: 'AIzaXYZ' },
      databaseOrigin: 'https://iot-course-1-default-rtdb.firebaseio.com',
      databaseNamespace: 'iot-course-1-default-rtdb',
      env: {},
    });
  });

  it('takes a regional database URL for a real project', () => {
    const t = resolveTarget({
      flag: 'firebase',
      env: {
        IOTKIT_PROJECT_ID: 'p',
        IOTKIT_API_KEY: 'k',
        IOTKIT_DATABASE_URL: 'https://p-default-rtdb.europe-west1.firebasedatabase.app',
      },
      config,
    });
    expect(t.databaseOrigin).toBe('https://p-default-rtdb.europe-west1.firebasedatabase.app');
    expect(t.databaseNamespace).toBe('p-default-rtdb');
  });

  it('names what a real project is missing', () => {
    expect(codeOf(() => resolveTarget({ flag: 'firebase', env: { IOTKIT_PROJECT_ID: 'p' }, config }))).toBe(
      'cli/missing-config',
    );
    expect(() => resolveTarget({ flag: 'firebase', env: {}, config })).toThrow(
      /IOTKIT_PROJECT_ID and IOTKIT_API_KEY/,
    );
  });

  it('rejects an unknown target and a bad database URL', () => {
    expect(codeOf(() => resolveTarget({ env: { IOTKIT_TARGET: 'prod' }, config }))).toBe(
      'cli/invalid-target',
    );
    expect(() => resolveTarget({ env: { IOTKIT_TARGET: 'prod' }, config })).toThrow(
      /IOTKIT_TARGET must be one of/,
    );
    expect(codeOf(() => resolveTarget({ env: { IOTKIT_DATABASE_URL: 'not a url' }, config }))).toBe(
      'cli/invalid-config',
    );
    expect(codeOf(() => resolveTarget({ env: { IOTKIT_DATABASE_URL: 'ftp://x' }, config }))).toBe(
      'cli/invalid-config',
    );
  });
});
