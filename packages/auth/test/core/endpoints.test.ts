import { describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, emulatorEndpoints, productionEndpoints } from '../../src/index.js';

describe('emulatorEndpoints()', () => {
  it('puts the Google host names under the emulator URL', () => {
    expect(emulatorEndpoints('http://127.0.0.1:9099')).toEqual({
      identityToolkitUrl: 'http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1',
      secureTokenUrl: 'http://127.0.0.1:9099/securetoken.googleapis.com/v1',
      apiKey: EMULATOR_API_KEY,
    });
  });

  it('ignores trailing slashes and keeps a given key', () => {
    const e = emulatorEndpoints('http://localhost:9099//', 'k');
    expect(e.identityToolkitUrl).toBe('http://localhost:9099/identitytoolkit.googleapis.com/v1');
    expect(e.apiKey).toBe('k');
  });
});

describe('productionEndpoints()', () => {
  it("uses Google's hosts", () => {
    expect(productionEndpoints('AIza-key')).toEqual({
      identityToolkitUrl: 'https://identitytoolkit.googleapis.com/v1',
      secureTokenUrl: 'https://securetoken.googleapis.com/v1',
      apiKey: 'AIza-key',
    });
  });
});
